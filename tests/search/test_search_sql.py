"""How the results page reads the database: one full-text match, integer joins, ranking
bounded to the first hits (search/query.py: run_search)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.index import get_indexed_models

from search import query as search_query
from tests.factories.search import text_page

from .helpers import titles


def full_text_matches(queries):
    """Statements matching a tsquery: ``@@`` or the ``search_hits()`` function of
    migration search/0006 (snippets use ``ts_headline``, which matches nothing)."""
    return [
        query["sql"] for query in queries if "@@" in query["sql"] or "search_hits(" in query["sql"]
    ]


@pytest.mark.django_db
def test_the_full_text_match_runs_once_per_results_page(client, home):
    for number in range(15):
        text_page(home, f"Олимпиада {number}", introduction="Олимпиада для 9 классов.")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"query": "олимпиады", "grade": "9"})
    assert response.status_code == 200
    assert response.context["paginator"].count == 0  # no facet rows with grades
    matches = full_text_matches(queries)
    assert len(matches) == 1, matches
    assert "search_hits(" in matches[0]

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"query": "олимпиады", "page": "2"})
    assert response.context["paginator"].count == 15
    assert len(titles(response)) == 5
    assert len(full_text_matches(queries)) == 1


@pytest.mark.django_db
def test_only_the_first_hits_are_ranked_and_every_hit_is_listed_once(search, home, monkeypatch):
    """With a window of ten: title hits first (ranked), then the newest body hits;
    beyond the window the cheap order (title hits first, newest first) goes on."""
    monkeypatch.setattr(search_query, "RANK_WINDOW", 10)
    in_title = [
        text_page(home, f"Консультация {number}", introduction="Расписание.") for number in range(4)
    ]
    in_body = [
        text_page(home, f"Расписание {number}", introduction="Консультации по средам.")
        for number in range(21)
    ]
    pages = [titles(search("консультация", page=str(number))) for number in (1, 2, 3)]

    listed = [title for page in pages for title in page]
    assert sorted(listed) == sorted(page.title for page in in_title + in_body)
    assert len(set(listed)) == 25
    assert set(pages[0][:4]) == {page.title for page in in_title}
    # The window's body hits are the six newest; after the window, newest first.
    newest_first = [page.title for page in reversed(in_body)]
    assert set(pages[0][4:]) == set(newest_first[:6])
    assert pages[1] + pages[2] == newest_first[6:]


@pytest.mark.django_db
def test_page_numbers_out_of_range_are_answered_like_the_paginator(search, home):
    for number in range(12):
        text_page(home, f"Олимпиада {number}")
    assert search("олимпиада", page="0").context["page_obj"].number == 2
    assert search("олимпиада", page="-3").context["page_obj"].number == 2
    assert search("олимпиада", page="2.5").context["page_obj"].number == 1
    assert len(titles(search("олимпиада", page="7"))) == 2


def test_every_indexed_model_has_an_integer_primary_key():
    """run_search casts the index table's ``object_id`` to an integer: a model with a
    UUID or text key in the index would make that cast fail for every search."""
    for model in get_indexed_models():
        assert model._meta.pk.get_internal_type() in {
            "AutoField",
            "BigAutoField",
            "SmallAutoField",
            "IntegerField",
            "BigIntegerField",
            "OneToOneField",
        }, model
        target = model._meta.pk
        while target.is_relation:
            target = target.target_field
        assert target.get_internal_type() in {"AutoField", "BigAutoField", "SmallAutoField"}, model
