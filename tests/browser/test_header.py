"""The header as a visitor meets it, in Chromium with JavaScript switched off: on a
phone the menu opens from its button and its links work; the header's boxes stay
exactly where they were between a translated and an untranslated page; calendars
offer webcal:// subscriptions."""

import pytest
from playwright.sync_api import expect

from portal.translation import translate_page
from tests.browser.a11y import serious_violations_without_javascript
from tests.factories import StandardPageFactory
from tests.factories.events import EventIndexPageFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
]

HEADER_PARTS = [".brand", ".lang-switcher", ".site-menu", ".main-nav", ".search-form"]


@pytest.fixture
def school(live_site):
    home = live_site["home"]
    about = StandardPageFactory(parent=home, title="О школе", slug="o-shkole")
    # Translated as in the editor: wagtail-localize's source, translation and strings.
    translate_page(about, live_site["home_en"].locale, {"title": "About the school"})
    StandardPageFactory(parent=home, title="Контакты", slug="kontakty")
    EventIndexPageFactory(parent=home)
    return live_site


@pytest.fixture
def no_js_context(browser):
    contexts = []

    def open_context(width, height=844):
        context = browser.new_context(
            locale="ru-RU", viewport={"width": width, "height": height}, java_script_enabled=False
        )
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


def test_phone_menu_opens_without_javascript_and_its_links_work(no_js_context, school):
    context = no_js_context(390)
    page = context.new_page()
    page.goto(school["url"] + "/")
    contacts = page.get_by_role("link", name="Контакты", exact=True)
    expect(contacts).to_be_hidden()
    page.get_by_text("Меню", exact=True).click()
    # «О школе» is a heading with its two sections inside, closed at first.
    expect(contacts).to_be_hidden()
    page.locator(".main-nav summary", has_text="О школе").click()
    expect(contacts).to_be_visible()
    assert serious_violations_without_javascript(page) == []
    contacts.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Контакты")
    # A heading with a single section is a plain link to it.
    page.get_by_text("Меню", exact=True).click()
    page.get_by_role("link", name="События").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("События")


@pytest.mark.parametrize("width", [1280, 640])
def test_header_boxes_do_not_move_between_translated_and_untranslated_pages(
    no_js_context, school, width
):
    # 640 CSS pixels: a 1280-pixel screen at 200 % zoom.
    context = no_js_context(width)
    page = context.new_page()

    def header_boxes(path):
        page.goto(school["url"] + path)
        # Parts inside the closed menu have no box a visitor sees (Chromium still reports
        # a leftover one for content-visibility: hidden); they count as hidden.
        return {
            selector: part.bounding_box() if part.is_visible() else "hidden"
            for selector in HEADER_PARTS
            for part in [page.locator(selector)]
        }

    translated = header_boxes("/o-shkole/")
    expect(page.locator(".lang-switcher a[hreflang=en]")).to_have_attribute("href", "/en/o-shkole/")
    untranslated = header_boxes("/kontakty/")
    missing = page.locator(".lang-switcher [aria-disabled=true]")
    expect(missing).to_contain_text("English")
    expect(page.locator(".lang-switcher a")).to_have_count(0)
    assert serious_violations_without_javascript(page) == []
    assert untranslated == translated


def test_calendar_offers_webcal_subscription(no_js_context, school):
    context = no_js_context(1280, 900)
    page = context.new_page()
    page.goto(school["url"] + "/sobytiya/")
    subscribe = page.locator(".calendar-subscribe__button").first
    host = school["url"].split("://", 1)[1]
    expect(subscribe).to_have_attribute("href", f"webcal://{host}/sobytiya/calendar.ics")
    page.get_by_text("Как подписаться").click()
    help_text = page.locator(".calendar-help")
    for app in ("Яндекс Календарь", "Google Календарь", "iPhone"):
        expect(help_text).to_contain_text(app)
    expect(help_text.locator("code")).to_have_text(f"{school['url']}/sobytiya/calendar.ics")
