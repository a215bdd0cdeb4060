"""The events demo: a month of school life that a visitor can browse."""

import pytest

from events.models import EventPage

pytestmark = pytest.mark.dated


def test_demo_calendar_board_and_feeds(client, demo):
    upcoming = client.get("/sobytiya/").content.decode()
    assert "Консультации к ЕГЭ по математике" in upcoming
    assert "Родительское собрание" in upcoming
    archive = client.get("/sobytiya/arhiv/").content.decode()
    assert "Школьный этап ВсОШ по математике" in archive

    olympiad = EventPage.objects.get(
        slug="shkolnyj-etap-vsosh-matematika", locale__language_code="ru"
    )
    html = client.get(olympiad.url).content.decode()
    assert "Победитель" in html
    assert "Фотоотчёт" in html
    consultations = EventPage.objects.get(
        slug="konsultacii-ege-matematika", locale__language_code="ru"
    )
    assert consultations.exceptions.count() == 1
    assert "Не состоится:" in client.get(consultations.url).content.decode()

    home = client.get("/").content.decode()
    assert "С понедельника меняется расписание звонков" in home
    assert "Сбор макулатуры" not in home  # expired
    assert "режим работы библиотеки" not in home  # not yet
    assert "Расписание уроков 9А" in home
    assert "Расписание консультаций" in home

    assert client.get("/en/sobytiya/").status_code == 200
    assert client.get("/sobytiya/calendar.ics").status_code == 200
