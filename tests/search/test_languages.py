"""English pages are stemmed as English, Russian ones (and aliases showing Russian text)
as Russian; each search uses its visitor's language (search/backend.py)."""

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Page

from search.query import page_content_types
from tests.factories.search import text_page

from .helpers import titles


@pytest.fixture
def theorem(site):
    russian = text_page(
        site["home"],
        "Теорема Пифагора",
        introduction="Доказательства теоремы и задачи с прямоугольными треугольниками.",
        body_html="<p>Квадрат гипотенузы равен сумме квадратов катетов.</p>",
    )
    english = russian.copy_for_translation(site["home_en"].locale)
    english.title = "The Pythagorean theorem"
    english.introduction = "Proofs of the theorem and problems with right triangles."
    english.save_revision().publish()
    return {"russian": russian, "english": english.specific}


def lexemes(page):
    """Every lexeme of the page's row in the search index."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(title || body) FROM wagtailsearch_indexentry "
            "WHERE object_id = %s AND content_type_id = ANY(%s)",
            [str(page.pk), page_content_types()],
        )
        (row,) = cursor.fetchall()
    return set(row[0])


@pytest.mark.django_db
def test_an_english_word_form_finds_the_english_page_on_the_english_search(search, theorem):
    assert titles(search("theorems", prefix="/en")) == ["The Pythagorean theorem"]
    assert titles(search("proof triangle", prefix="/en")) == ["The Pythagorean theorem"]
    assert titles(search("theorems")) == []


@pytest.mark.django_db
def test_a_russian_word_form_finds_russian_pages_on_the_russian_search_only(search, theorem):
    assert titles(search("теоремы")) == ["Теорема Пифагора"]
    assert titles(search("прямоугольным треугольником")) == ["Теорема Пифагора"]
    assert titles(search("теоремы", prefix="/en")) == []


@pytest.mark.django_db
def test_each_page_is_indexed_with_its_languages_configuration(site, theorem):
    english = theorem["english"]
    assert {"theorem", "proof", "triangl"} <= lexemes(english)
    assert {"теорем", "прямоугольн", "треугольник"} <= lexemes(theorem["russian"])
    # Russian words on an English page are not stemmed as Russian: ``english`` leaves
    # Cyrillic words whole (``russian`` would index "олимпиад").
    english.introduction = "Results of the школьной олимпиады."
    english.save_revision().publish()
    found = lexemes(english)
    assert "олимпиады" in found
    assert "олимпиад" not in found


@pytest.mark.django_db
def test_an_alias_of_an_untranslated_page_is_indexed_and_found_as_russian(search, site):
    original = text_page(
        site["home"], "Олимпиада по химии", introduction="Школьный этап олимпиады по химии."
    )
    alias = original.create_alias(
        parent=site["home_en"], update_locale=site["home_en"].locale, reset_translation_key=False
    )
    assert {"олимпиад", "хим"} <= lexemes(alias)
    # The English search stems with ``english`` and with ``russian`` (the aliases'
    # text), so a Russian word form finds the alias; the Russian search shows the
    # original only.
    assert titles(search("олимпиадой", prefix="/en")) == ["Олимпиада по химии"]
    assert [hit.page.pk for hit in search("олимпиадой", prefix="/en").context["hits"]] == [alias.pk]
    assert [hit.page.pk for hit in search("олимпиадой").context["hits"]] == [original.pk]


@pytest.mark.django_db
def test_wagtails_own_search_in_english_still_stems_russian(theorem):
    """The admin's page search runs in the editor's language: in English it still finds
    Russian pages by their word forms."""
    with translation.override("en"):
        assert [page.pk for page in Page.objects.search("теоремы")] == [theorem["russian"].pk]
        assert [page.pk for page in Page.objects.search("theorems")] == [theorem["english"].pk]
