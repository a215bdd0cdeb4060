"""Results: exact counts and shares for a known set of answers; free text never public."""

import re

import pytest
from django.utils import timezone

from polls.models import PollPage
from polls.results import poll_results
from tests.factories.polls import PollFormFieldFactory, PollPageFactory, SubmissionFactory

from .conftest import CLUB, WHEN, WISHES, vote

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


def known_answers(poll):
    """10 answers: clubs 5 / 3 / 2, times chosen by 6 of 8 who answered that question."""
    clubs = ["Робототехника"] * 5 + ["Шахматы"] * 3 + ["Театр"] * 2
    times = [
        ["После уроков"],
        ["После уроков", "Онлайн"],
        ["После уроков", "В субботу"],
        ["После уроков"],
        ["После уроков", "Онлайн"],
        ["После уроков"],
        ["В субботу"],
        ["Онлайн"],
        [],
        [],
    ]
    for number, (club, chosen) in enumerate(zip(clubs, times, strict=True)):
        SubmissionFactory(
            page=poll,
            form_data={CLUB: club, WHEN: chosen, WISHES: f"Секретное пожелание {number}"},
        )


def table_rows(body):
    """[(option, count, percent text), …] from the results tables."""
    pattern = (
        r'<th scope="row">([^<]+)</th>\s*<td class="poll-table__num">(\d+)</td>.*?'
        r'class="poll-share__value">([^<]+)&nbsp;%'
    )
    return re.findall(pattern, body, flags=re.S)


def test_numbers_are_exact(poll):
    known_answers(poll)
    results = poll_results(PollPage.objects.get(pk=poll.pk))
    assert results.total == 10
    club, when = results.questions
    assert (club.label, club.multiple, club.answered) == ("Какой кружок открыть?", False, 10)
    assert [(o.label, o.count, o.percent) for o in club.options] == [
        ("Робототехника", 5, 50.0),
        ("Шахматы", 3, 30.0),
        ("Театр", 2, 20.0),
    ]
    assert (when.multiple, when.answered) == (True, 8)
    assert [(o.label, o.count, o.percent) for o in when.options] == [
        ("После уроков", 6, 75.0),
        ("В субботу", 2, 25.0),
        ("Онлайн", 3, 37.5),
    ]


def test_the_page_shows_table_and_chart_and_never_free_text(client, poll):
    known_answers(poll)
    response = vote(client, poll, **{CLUB: "Театр", WISHES: "Моё личное пожелание"})
    body = response.content.decode()
    assert "Всего ответов: <strong>11</strong>" in body
    assert table_rows(body) == [
        ("Робототехника", "5", "45,5"),
        ("Шахматы", "3", "27,3"),
        ("Театр", "3", "27,3"),
        ("После уроков", "7", "77,8"),
        ("В субботу", "2", "22,2"),
        ("Онлайн", "4", "44,4"),
    ]
    # The bar's width is a CSS length whatever the language's decimal separator.
    assert 'width="45.5%"' in body
    assert "<caption>" in body
    assert 'scope="col"' in body
    assert "ответили: 9; можно было выбрать несколько вариантов" in body
    assert "пожелание" not in body.lower().replace("ваши пожелания", "")
    assert "Ваши пожелания" not in body


def test_renamed_options_are_dropped_and_duplicates_counted_once(poll):
    SubmissionFactory(page=poll, form_data={CLUB: "Кружок, которого больше нет"})
    SubmissionFactory(page=poll, form_data={CLUB: "Шахматы", WHEN: ["Онлайн", "Онлайн"]})
    SubmissionFactory(page=poll, form_data={"unknown": 1})
    results = poll_results(PollPage.objects.get(pk=poll.pk))
    club, when = results.questions
    assert results.total == 3
    assert [o.count for o in club.options] == [0, 1, 0]
    assert club.answered == 2
    assert [o.count for o in when.options] == [0, 0, 1]


def test_a_poll_of_free_text_only_publishes_no_answers(client, poll_index):
    poll = PollPageFactory(parent=poll_index, closes_at=timezone.now())
    PollFormFieldFactory(page=poll, label="Ваш отзыв", field_type="multiline", choices="")
    SubmissionFactory(page=poll, form_data={"vash_otzyv": "Текст отзыва ученика"})
    body = client.get(poll.url).content.decode()
    assert "Всего ответов: <strong>1</strong>" in body
    assert "В опросе нет вопросов с вариантами ответа" in body
    assert "Текст отзыва ученика" not in body


def test_results_hidden_after_voting_when_the_editor_says_so(client, poll):
    poll.show_results = False
    poll.save_revision().publish()
    body = vote(client, poll).content.decode()
    assert "Спасибо! Ваш ответ учтён." in body
    assert "Всего ответов" not in body
    assert "Всего ответов" not in client.get(poll.url).content.decode()


def test_an_editors_markup_in_questions_and_options_is_escaped(client, poll_index):
    poll = PollPageFactory(parent=poll_index, closes_at=timezone.now())
    PollFormFieldFactory(
        page=poll,
        label="<img src=x onerror=alert(1)>",
        help_text="<b>подсказка</b>",
        choices="<script>alert(1)</script>\nОбычный вариант",
    )
    SubmissionFactory(
        page=poll, form_data={"img_src_x_onerror_alert_1": "<script>alert(1)</script>"}
    )
    body = client.get(poll.url).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "<img src=x" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
