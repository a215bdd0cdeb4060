"""Voting: one stored submission, spam refused without a trace, one answer per visitor,
closed polls, rate limit and bad input that never gives a 500 nor loses answers."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from polls.models import VOTED_SESSION_KEY
from tests.factories.polls import PollFormFieldFactory, PollPageFactory, poll_with_questions

from .conftest import CLUB, WHEN, WISHES, started, vote

pytestmark = [pytest.mark.django_db, pytest.mark.dated]

NEUTRAL = "Ответ не принят. Проверьте ответы и отправьте форму ещё раз."


def is_checked(body, name, value):
    """Whether the re-shown form has the option ``value`` of ``name`` still chosen."""
    pattern = (
        rf'<input type="(?:radio|checkbox)" name="{name}" value="{re.escape(value)}"[^>]* checked>'
    )
    return re.search(pattern, body) is not None


def test_the_form_shows_the_questions_and_a_labelled_honeypot(client, poll):
    body = client.get(poll.url).content.decode()
    assert "Какой кружок открыть?" in body
    assert "<legend>Когда удобно заниматься?</legend>" in body
    # The honeypot is labelled for screen readers and taken out of the tab order.
    assert "Это поле заполнять не нужно, оставьте его пустым" in body
    assert 'name="contact-website"' in body
    assert 'tabindex="-1"' in body
    assert 'name="form-started"' in body
    # No results before voting.
    assert "Результаты" not in body


def test_a_vote_stores_one_submission_with_the_answers_only(client, poll):
    response = vote(client, poll)
    assert response.status_code == 200
    assert "Спасибо! Ваш ответ учтён." in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.page_id == poll.pk
    assert submission.form_data == {
        CLUB: "Шахматы",
        WHEN: ["После уроков", "Онлайн"],
        WISHES: "Хотим кружок по шахматам для начинающих.",
    }
    assert response["Cache-Control"].startswith("max-age=0")


def test_custom_thank_you_text(client, poll):
    poll.thank_you_text = "<p>Итоги — в пятницу на линейке.</p>"
    poll.save_revision().publish()
    assert "Итоги — в пятницу на линейке." in vote(client, poll).content.decode()


@pytest.mark.parametrize(
    "overrides",
    [
        {"contact-website": "http://spam.example"},
        {"form-started": "now"},
        {"form-started": "forged"},
        {"form-started": None},
    ],
    ids=["honeypot", "too-fast", "forged-token", "no-token"],
)
def test_spam_stores_nothing_and_gets_a_neutral_message(client, poll, overrides):
    response = vote(client, poll, **overrides)
    assert response.status_code == 400
    body = response.content.decode()
    assert NEUTRAL in body
    assert FormSubmission.objects.count() == 0
    # Nothing remembered either: the visitor may still answer.
    assert VOTED_SESSION_KEY not in client.session
    assert f"poll-{poll.pk}" not in response.cookies
    # What was typed is kept, with a fresh token to send it again.
    assert "Хотим кружок по шахматам для начинающих." in body
    assert is_checked(body, CLUB, "Шахматы")
    retry = client.post(
        poll.url,
        {CLUB: "Шахматы", "form-started": started(), "contact-website": ""},
        REMOTE_ADDR="127.0.0.1",
    )
    assert retry.status_code == 200
    assert FormSubmission.objects.count() == 1


def test_one_answer_per_visitor_by_cookie(client, poll):
    assert vote(client, poll).status_code == 200
    assert client.cookies[f"poll-{poll.pk}"]["httponly"]
    # A new session (cleared, or another tab after expiry) but the cookie stays.
    client.session.flush()
    client.cookies.pop("sessionid", None)
    assert VOTED_SESSION_KEY not in client.session

    second = vote(client, poll, **{CLUB: "Театр"})
    assert second.status_code == 200
    assert "Вы уже ответили на этот опрос." in second.content.decode()
    assert "Результаты" in second.content.decode()
    assert FormSubmission.objects.count() == 1

    page = client.get(poll.url).content.decode()
    assert "Вы уже ответили на этот опрос." in page
    assert 'name="form-started"' not in page


def test_one_answer_per_visitor_by_session(client, poll):
    vote(client, poll)
    # Cookie deleted, the session remains.
    del client.cookies[f"poll-{poll.pk}"]
    assert poll.pk in client.session[VOTED_SESSION_KEY]

    second = vote(client, poll)
    assert "Вы уже ответили на этот опрос." in second.content.decode()
    assert FormSubmission.objects.count() == 1
    assert "Вы уже ответили" in client.get(poll.url).content.decode()


def test_a_forged_cookie_does_not_count(client, poll):
    client.cookies[f"poll-{poll.pk}"] = "1"
    body = client.get(poll.url).content.decode()
    assert "Вы уже ответили" not in body
    assert 'name="form-started"' in body


def test_a_different_visitor_can_vote(client, poll):
    vote(client, poll)
    other = Client()
    response = vote(other, poll, remote_addr="10.0.0.2", **{CLUB: "Театр"})
    assert "Спасибо! Ваш ответ учтён." in response.content.decode()
    assert FormSubmission.objects.count() == 2
    # Voting on one poll does not mark another as answered.
    second_poll = poll_with_questions(poll.get_parent(), title="Второй опрос")
    assert 'name="form-started"' in client.get(second_poll.url).content.decode()


def test_several_answers_allowed_when_the_editor_says_so(client, poll):
    poll.one_answer_per_visitor = False
    poll.save_revision().publish()
    vote(client, poll)
    assert "Спасибо!" in vote(client, poll).content.decode()
    assert FormSubmission.objects.count() == 2
    assert 'name="form-started"' in client.get(poll.url).content.decode()


def test_a_closed_poll_shows_results_and_refuses_votes(client, poll):
    vote(client, poll, remote_addr="10.0.0.3")
    client.cookies.clear()
    poll.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    poll.save_revision().publish()

    page = client.get(poll.url)
    body = page.content.decode()
    assert page.status_code == 200
    assert "Опрос завершён, ответы больше не принимаются." in body
    assert 'name="form-started"' not in body
    assert "Всего ответов: <strong>1</strong>" in body

    refused = vote(client, poll)
    assert refused.status_code == 403
    assert FormSubmission.objects.count() == 1


def test_a_closed_poll_without_public_results(client, poll):
    poll.closes_at = timezone.now() - datetime.timedelta(days=1)
    poll.show_results = False
    poll.save_revision().publish()
    body = client.get(poll.url).content.decode()
    assert "Опрос завершён" in body
    assert "Всего ответов" not in body
    assert "на сайте они не публикуются" in body


def test_a_poll_closing_later_is_open(client, poll):
    poll.closes_at = timezone.now() + datetime.timedelta(hours=1)
    poll.save_revision().publish()
    assert vote(client, poll).status_code == 200
    assert FormSubmission.objects.count() == 1


def test_rate_limit_per_address(poll, settings):
    settings.POLLS_VOTE_RATE = "2/10m"
    for _ in range(2):
        assert vote(Client(), poll, remote_addr="10.1.1.1").status_code == 200
    limited = vote(Client(), poll, remote_addr="10.1.1.1", **{CLUB: "Театр"})
    assert limited.status_code == 429
    body = limited.content.decode()
    assert "Слишком много ответов с вашего адреса" in body
    assert is_checked(body, CLUB, "Театр")
    assert FormSubmission.objects.count() == 2
    # Another address is not affected.
    assert vote(Client(), poll, remote_addr="10.1.1.2").status_code == 200


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({CLUB: None}, "Требуется заполнить это поле."),
        ({CLUB: "Футбол"}, "Выберите корректный вариант. Футбол нет среди допустимых значений."),
        ({WHEN: ["После уроков", "<script>alert(1)</script>"]}, "Выберите корректный вариант."),
        ({WISHES: "очень длинный текст " * 5000}, "не более 2000 символов"),
    ],
    ids=["missing-required", "invalid-choice", "invalid-multiple-choice", "huge-text"],
)
def test_bad_input_is_a_clear_error_and_keeps_the_answers(client, poll, overrides, error):
    response = vote(client, poll, **overrides)
    assert response.status_code == 400
    body = response.content.decode()
    assert error in body
    assert "Проверьте ответы: в форме есть ошибки." in body
    assert "<script>alert(1)</script>" not in body
    assert FormSubmission.objects.count() == 0
    assert is_checked(body, WHEN, "После уроков")


def test_number_and_date_questions_reject_nonsense(client, poll_index):
    poll = PollPageFactory(parent=poll_index)
    PollFormFieldFactory(page=poll, label="Сколько вам лет?", field_type="number", choices="")
    PollFormFieldFactory(page=poll, label="Дата", field_type="date", choices="", required=False)
    response = client.post(
        poll.url,
        {
            "skolko_vam_let": "9" * 400,
            "data": "31.02.2026",
            "form-started": started(),
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Введите правильную дату." in body
    assert "Убедитесь, что вы ввели не более 12 цифр." in body
    assert FormSubmission.objects.count() == 0


def test_a_get_with_garbage_parameters_is_fine(client, poll):
    assert client.get(poll.url, {"page": "x" * 5000, CLUB: "<b>"}).status_code == 200


def test_a_dropdown_starts_unchosen_and_is_required(client, poll_index):
    poll = PollPageFactory(parent=poll_index)
    PollFormFieldFactory(
        page=poll, label="Кто вы?", field_type="dropdown", choices="Ученик\nРодитель"
    )
    body = client.get(poll.url).content.decode()
    assert re.search(r'<select name="kto_vy"[^>]*>\s*<option value="" selected>— выберите —', body)
    response = client.post(poll.url, {"kto_vy": "", "form-started": started()})
    assert response.status_code == 400
    assert "Требуется заполнить это поле." in response.content.decode()
    assert (
        client.post(poll.url, {"kto_vy": "Родитель", "form-started": started()}).status_code == 200
    )
    assert FormSubmission.objects.get().form_data == {"kto_vy": "Родитель"}
