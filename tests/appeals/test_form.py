"""The public appeal form: registration with a number and a deadline, the editors'
e-mail, spam guards, and errors in Russian that keep what was typed."""

import datetime
import time

import pytest
from django.core import mail, signing
from django.utils import timezone

from appeals.forms import TOKEN_SALT
from appeals.models import Appeal, Status
from appeals.models.pages import THANKS_SALT
from portal.translation import translate_page
from tests.factories.appeals import make_appeal
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def started(seconds_ago=120):
    return signing.dumps(time.time() - seconds_ago, salt=TOKEN_SALT)


def form_data(**overrides):
    data = {
        "last_name": "Кравченко",
        "first_name": "Ольга",
        "patronymic": "Николаевна",
        "answer_by": "email",
        "email": "o.kravchenko@example.ru",
        "postal_address": "",
        "phone": "",
        "subject": "Полдник в группе продлённого дня",
        "text": "Прошу сообщить, предусмотрен ли полдник в группе продлённого дня.",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    if data["started"] == "now":
        data["started"] = started(seconds_ago=1)
    return data


def submit(client, page, remote_addr="10.0.0.1", **overrides):
    return client.post(page.url, form_data(**overrides), REMOTE_ADDR=remote_addr)


def test_form_page_renders_uncached_with_a_csrf_token(client, appeal_page):
    response = client.get(appeal_page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in html
    assert "no-cache" in response["Cache-Control"]
    assert "Директору СОШ № 7 Петровой А. С." in html
    assert "в течение 30 дней со дня регистрации" in html


def test_appeal_is_registered_numbered_and_editors_notified(
    client, appeal_page, staff, django_capture_on_commit_callbacks
):
    staff["teacher"].email = "teacher@school.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, appeal_page)
    assert response.status_code == 302
    appeal = Appeal.objects.get()
    today = timezone.localdate()
    assert appeal.number == f"7-{today.year}/0001"
    assert (appeal.status, appeal.registered_on) == (Status.NEW, today)
    assert appeal.deadline == today + datetime.timedelta(days=30)
    assert appeal.addressee == "Директору СОШ № 7 Петровой А. С."
    assert appeal.full_name == "Кравченко Ольга Николаевна"

    assert [message.to for message in mail.outbox] == [["redaktor@school.example"]]
    letter = mail.outbox[0]
    assert appeal.number in letter.subject
    assert f"/admin/obrashcheniya/edit/{appeal.pk}/" in letter.body
    # The applicant's name, contacts and text stay out of mailboxes.
    assert "Кравченко" not in letter.body
    assert "полдник" not in letter.body.lower()

    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert thanks.status_code == 200
    assert "no-cache" in thanks["Cache-Control"]
    assert f"<strong>{appeal.number}</strong>" in html
    assert appeal.deadline.strftime("%Y") in html
    assert "на указанный адрес электронной почты" in html

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, appeal_page, subject="Вторая тема")
    assert Appeal.objects.order_by("sequence").last().number == f"7-{today.year}/0002"


def test_written_answer_needs_a_postal_address(client, appeal_page):
    response = submit(client, appeal_page, answer_by="post", email="")
    assert response.status_code == 400
    assert "Укажите почтовый адрес" in response.content.decode()
    response = submit(
        client, appeal_page, answer_by="post", email="", postal_address="123456, ул. Лесная, 7"
    )
    assert response.status_code == 302
    assert (
        "письмом на указанный почтовый адрес" in client.get(response["Location"]).content.decode()
    )


LONG_TEXT = "Очень подробное обращение. " * 400


@pytest.mark.parametrize(
    ("overrides", "error", "kept"),
    [
        ({"last_name": ""}, "Укажите фамилию", "Полдник в группе"),
        ({"first_name": "0льга"}, "Только буквы, пробел, дефис или апостроф.", "0льга"),
        ({"email": ""}, "Укажите e-mail: на него будет направлен ответ.", "Полдник в группе"),
        ({"email": "ne-pochta"}, "Введите правильный адрес электронной почты.", "ne-pochta"),
        ({"text": ""}, "Изложите суть предложения", "Полдник в группе"),
        ({"text": LONG_TEXT}, "8000", "Очень подробное обращение."),
        ({"subject": "Тема\x00с нулём"}, "недопустимый символ (NUL)", "Прошу сообщить"),
        ({"text": "Текст\x00"}, "недопустимый символ (NUL)", "Полдник в группе"),
        ({"consent": ""}, "Без согласия на обработку", "Полдник в группе"),
        ({"started": "forged"}, "Форма устарела", "Полдник в группе"),
    ],
)
def test_honest_mistakes_are_explained_and_nothing_is_lost(
    client, appeal_page, overrides, error, kept
):
    response = submit(client, appeal_page, **overrides)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    assert kept in html
    assert "no-cache" in response["Cache-Control"]
    assert not Appeal.objects.exists()


@pytest.mark.parametrize("overrides", [{"website": "http://spam.example"}, {"started": "now"}])
def test_spam_is_refused_and_not_stored(client, appeal_page, overrides):
    response = submit(client, appeal_page, **overrides)
    assert response.status_code == 400
    assert "Обращение не отправлено" in response.content.decode()
    assert not Appeal.objects.exists()
    assert mail.outbox == []


def test_rate_limit_per_address_keeps_the_text(client, appeal_page):
    for n in range(5):
        assert submit(client, appeal_page, subject=f"Тема {n}").status_code == 302
    response = submit(client, appeal_page, subject="Шестая тема")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Слишком много обращений" in html
    assert "Шестая тема" in html
    assert Appeal.objects.count() == 5
    assert submit(client, appeal_page, remote_addr="10.0.0.2").status_code == 302


@pytest.mark.parametrize(
    "token",
    [
        "",
        "forged",
        signing.dumps({"number": "1"}, salt="another-salt"),
        signing.dumps({"number": "7-2026/0001"}, salt=THANKS_SALT),  # dates missing
        signing.dumps({"number": "7", "registered": "x", "deadline": "y"}, salt=THANKS_SALT),
    ],
    # Signed tokens carry a timestamp: fixed ids keep the collection identical on every
    # worker of a parallel run.
    ids=["empty", "forged", "other-salt", "dates-missing", "bad-dates"],
)
def test_bad_receipts_send_back_to_the_form(client, appeal_page, token):
    response = client.get(f"{appeal_page.url}prinyato/", {"t": token})
    assert response.status_code == 302
    assert response["Location"] == appeal_page.url


def test_receipt_expires_after_a_day(client, appeal_page, monkeypatch):
    response = submit(client, appeal_page)
    later = time.time() + 2 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get(response["Location"]).status_code == 302


def test_form_queries_do_not_grow_with_the_queue(client, appeal_page):
    small = count_queries(client, appeal_page.url)
    for n in range(30):
        make_appeal(days_ago=n)
    assert count_queries(client, appeal_page.url) == small <= 15


def test_english_form(client, site, appeal_page):
    translate_page(appeal_page, site["home_en"].locale, {"title": "Citizens' appeals"})
    html = client.get("/en/obrashcheniya/").content.decode()
    assert "Citizens&#x27; appeals" in html
    assert "Surname" in html
