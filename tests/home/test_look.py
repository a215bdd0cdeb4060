"""The home page's opening and grid, the «Контакты» page: what the school's settings
and sections put there, and what stays out."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tests.factories import ImageFactory, StandardPageFactory
from tests.factories.appeals import AppealFormPageFactory
from tests.factories.works import PhotoReportIndexPageFactory, PhotoReportPageFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def test_home_shows_the_hero_picture_with_the_motto(client, site):
    settings = site["settings"]
    settings.hero_image = ImageFactory()
    settings.motto = "Знания — в радость!"
    settings.motto_en = "Knowledge is joy!"
    settings.save()
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    hero = soup.select_one(".hero--image")
    assert hero.select_one(".hero__motto").get_text() == "Знания — в радость!"
    image = hero.select_one("img.hero__image")
    assert image["alt"] == ""
    assert "1600w" in image["srcset"]
    assert "800w" in image["srcset"]
    en = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert en.select_one(".hero__motto").get_text() == "Knowledge is joy!"


def test_home_without_picture_or_motto_has_a_plain_heading(client, site):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select_one(".hero--image") is None
    assert soup.select_one(".hero__motto") is None
    assert soup.select_one(".hero h1").get_text() == site["home"].title


def test_home_lists_the_newest_visible_photo_reports(client, site):
    index = PhotoReportIndexPageFactory(parent=site["home"])
    for day in (1, 5, 9, 12):
        PhotoReportPageFactory(
            parent=index, title=f"Отчёт {day} октября", date=datetime.date(2026, 10, day)
        )
    PhotoReportPageFactory(parent=index, title="Черновик", live=False)
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    section = soup.select_one(".home-reports")
    titles = [h3.get_text(strip=True) for h3 in section.select(".report-card h3")]
    assert titles == ["Отчёт 12 октября", "Отчёт 9 октября", "Отчёт 5 октября"]
    # Three cards: the row class tells the grid how many columns leave no gap.
    assert "home-cards--n3" in section.select_one("ul")["class"]
    assert section.select_one(".home-reports__more a")["href"] == index.url


def test_home_photo_reports_cost_the_same_queries_for_one_and_three(client, site):
    index = PhotoReportIndexPageFactory(parent=site["home"])
    PhotoReportPageFactory(parent=index)
    one = count_queries(client, "/")
    PhotoReportPageFactory(parent=index, photos=4)
    PhotoReportPageFactory(parent=index, photos=3)
    assert count_queries(client, "/") == one


def test_contacts_page_has_clickable_phone_mail_map_and_appeal_form(client, site):
    home = site["home"]
    appeals = AppealFormPageFactory(parent=home)
    StandardPageFactory(parent=home, slug="kontakty", title="Контакты", show_school_contacts=True)
    soup = BeautifulSoup(client.get("/kontakty/").content, "html.parser")
    contacts = soup.select_one(".school-contacts")
    links = {a.get_text(strip=True): a["href"] for a in contacts.select("a")}
    assert links["+7 (81379) 2-07-07"] == "tel:+78137920707"
    assert links["school7@priozersk.example"] == "mailto:school7@priozersk.example"
    assert links["Яндекс Карты"] == (
        "https://yandex.ru/maps/?text=%D0%9F%D1%80%D0%B8%D0%BE%D0%B7%D1%91%D1%80%D1%81%D0%BA"
        "%2C%20%D1%83%D0%BB.%20%D0%9B%D0%B5%D1%81%D0%BD%D0%B0%D1%8F%2C%207"
    )
    assert links["OpenStreetMap"].startswith("https://www.openstreetmap.org/search?query=")
    assert links["Написать обращение в школу"] == appeals.url
    # Plain links only: nothing of a map service loads with the page.
    assert not soup.select("iframe")


def test_other_pages_do_not_repeat_the_contacts(client, site):
    StandardPageFactory(parent=site["home"], slug="o-shkole")
    html = client.get("/o-shkole/").content.decode()
    assert "school-contacts" not in html
