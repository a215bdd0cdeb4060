"""The autocomplete endpoint behind the header search box (JSON, title prefixes)."""

import pytest

from tests.factories.search import text_page
from tests.utils import count_queries


@pytest.fixture
def pages(home):
    for title in [
        "Олимпиада по математике",
        "Олимпиада по физике",
        "Оценки за четверть",
        "Расписание звонков",
    ]:
        text_page(home, title, introduction="Олимпиада упоминается и в тексте.")
    for number in range(12):
        text_page(home, f"Олимп {number}")


@pytest.mark.django_db
def test_titles_are_suggested_by_prefix(suggest, pages):
    assert suggest("олимпиада по ф") == ["Олимпиада по физике"]
    assert suggest("расп") == ["Расписание звонков"]
    # Only titles: the word in every introduction does not make a page a suggestion.
    assert suggest("упомин") == []


@pytest.mark.django_db
def test_at_most_eight_suggestions_with_url_and_section(client, pages):
    data = client.get("/search/autocomplete/", {"q": "олимп"}).json()
    assert len(data["results"]) == 8
    first = data["results"][0]
    assert set(first) == {"title", "url", "section"}
    assert first["url"].startswith("/")
    assert first["section"] == "Страницы"


ODD_INPUT = ["", " ", "'", ":*", "&|!", "\\", "а" * 500, "олимп:*"]
ODD_INPUT += ["(физ", "[а-я]+", "ф.з", "физ\\"]  # regular-expression characters


@pytest.mark.django_db
def test_odd_input_gives_a_json_answer(client, pages):
    answers = {}
    for q in ODD_INPUT:
        response = client.get("/search/autocomplete/", {"q": q})
        answers[q[:10]] = (response.status_code, "results" in response.json())
    assert set(answers.values()) == {(200, True)}, answers


@pytest.mark.django_db
def test_autocomplete_query_count_is_bounded(client, pages):
    assert count_queries(client, "/search/autocomplete/", q="олимп") <= 5


@pytest.mark.django_db
def test_suggestions_come_in_title_order_and_like_wildcards_are_plain_text(suggest, pages):
    assert suggest("олимп")[:3] == ["Олимп 0", "Олимп 1", "Олимп 10"]
    assert suggest("олимп_") == []
    assert suggest("%") == []
    assert suggest("о%") == []


@pytest.mark.django_db
def test_a_word_inside_the_title_is_suggested_after_the_titles_starting_with_it(suggest, home):
    for title in ["Физика: оптика", "Олимпиада по физике", "Задачи (физ.-мат. класс)"]:
        text_page(home, title)
    text_page(home, "Астрофизика для начинающих")
    # The title that starts with it first, then the words inside in title order; the
    # middle of a word («астрофизика») is not a word start.
    assert suggest("физ") == ["Физика: оптика", "Задачи (физ.-мат. класс)", "Олимпиада по физике"]
    assert suggest("ФИЗИКЕ") == ["Олимпиада по физике"]
    # Regular-expression characters are plain text.
    assert suggest("(физ") == ["Задачи (физ.-мат. класс)"]
    assert suggest("ф.з") == []


@pytest.mark.django_db
def test_one_or_two_letters_only_match_title_starts(suggest, home):
    text_page(home, "Физика: оптика")
    text_page(home, "Олимпиада по физике")
    assert suggest("фи") == ["Физика: оптика"]
