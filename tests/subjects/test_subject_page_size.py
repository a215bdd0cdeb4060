"""The subject page stays the same size as its section grows to more grades and topics.

The page shows the next and the last few topics and the programme of one grade; the
other grades are links (``?grade=``). Measured on the demo's mathematics section before
and after it gets thirty more topics spread over other grades.
"""

import datetime as dt

from django.test import Client

from subjects.models import SubjectPage, TopicPage
from subjects.models.subjects import SHOWN_PAST
from tests.utils import count_queries

URL = "/predmety/matematika/"


def test_subject_page_size_and_queries_flat(demo):
    client = Client()
    small_queries = count_queries(client, URL)
    small = len(client.get(URL).content)
    subject_page = SubjectPage.objects.get(
        url_path__endswith="/predmety/matematika/", locale__language_code="ru"
    )
    template = TopicPage.objects.child_of(subject_page).live().first()
    shown_grade = client.get(URL).context["topic_groups"]["selected_grade"]["key"]
    other_grades = [grade for grade in range(5, 12) if str(grade) != shown_grade]
    today = dt.date.today()
    for n in range(30):
        grade = other_grades[n % len(other_grades)]
        start = today - dt.timedelta(days=400 + 7 * n)  # finished topics: "Пройдено"
        template.copy(
            to=subject_page,
            update_attrs={
                "slug": f"tema-{n}",
                "title": f"Тема {n}",
                "grade_from": grade,
                "grade_to": grade,
                "start_date": start,
                "end_date": start + dt.timedelta(days=6),
            },
            keep_live=True,
            copy_revisions=False,
            log_action=None,
        )
    response = client.get(URL)
    large = len(response.content)
    groups = response.context["topic_groups"]
    assert groups["selected_grade"]["key"] == shown_grade
    assert len(groups["grades"]) > 3
    assert (
        count_queries(client, URL) == small_queries <= 17
    )  # the budget is 15: see tests/portal/test_query_budgets.py
    # At most the six "finished" slots fill up, plus the links to the other grades;
    # listing the thirty topics would add three times as much.
    item = len(groups["past"][0].title) + 400
    assert large - small < SHOWN_PAST * item + 1_000 < 30 * item, (small, large)
    other = client.get(URL, {"grade": str(other_grades[0])})
    assert other.context["topic_groups"]["selected_grade"]["key"] == str(other_grades[0])
    assert "Тема 0" in other.content.decode()
