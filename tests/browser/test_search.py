"""A visitor searches: suggestions while typing, a filter, then opens a result."""

import re

import pytest
from playwright.sync_api import expect

from home.models import StandardPage
from search.facets import SearchFacets
from tests.factories.search import text_page

pytestmark = pytest.mark.django_db(transaction=True)

GRADES = {"Олимпиада по математике": (9, 11), "Олимпиада по биологии": (5, 6)}


@pytest.fixture
def olympiads(live_site, monkeypatch):
    # Grades as an event page will declare them (see docs/search.md).
    def get_search_facets(page):
        grade_from, grade_to = GRADES.get(page.title, (None, None))
        return SearchFacets(grade_from=grade_from, grade_to=grade_to)

    monkeypatch.setattr(StandardPage, "get_search_facets", get_search_facets, raising=False)
    home = live_site["home"]
    text_page(home, "Олимпиада по математике", introduction="Школьный этап для 9–11 классов.")
    text_page(home, "Олимпиада по биологии", introduction="Олимпиада для 5–6 классов.")
    return live_site


def test_visitor_types_filters_and_opens_a_result(page, olympiads):
    page.goto(olympiads["url"] + "/")
    box = page.locator("#site-search")
    box.press_sequentially("олимп", delay=40)
    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option")).to_have_count(2)
    box.press("ArrowDown")
    expect(listbox.get_by_role("option").first).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")

    box.fill("олимпиадой")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?query="))
    expect(page.locator(".search-result")).to_have_count(2)
    expect(page.locator(".search-result mark").first).to_be_visible()

    page.locator(".search-facet__choice", has_text="9 класс").click()
    expect(page).to_have_url(re.compile(r"grade=9"))
    expect(page.locator(".search-result")).to_have_count(1)
    expect(page.locator(".search-facet__choice.is-selected")).to_contain_text("9 класс")

    page.locator(".search-result__title a").click()
    expect(page.locator("h1")).to_have_text("Олимпиада по математике")


def test_suggestion_opens_the_page_with_the_keyboard(page, olympiads):
    page.goto(olympiads["url"] + "/")
    box = page.locator("#site-search")
    box.press_sequentially("олимпиада по б", delay=40)
    expect(page.get_by_role("option")).to_have_count(1)
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.locator("h1")).to_have_text("Олимпиада по биологии")


def test_search_box_works_without_javascript(browser, olympiads):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(olympiads["url"] + "/")
    page.locator("#site-search").fill("олимпиады")
    page.locator(".site-header .search-form button").click()
    expect(page.locator(".search-result")).to_have_count(2)
    context.close()
