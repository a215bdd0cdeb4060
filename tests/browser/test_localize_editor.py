"""A teacher translates a topic in wagtail-localize's editor; the translation stays hers.

Issue 13's browser check: the mathematics teacher starts the English translation of
her topic from its English alias, translates strings one segment at a time in the
React editor and publishes; a visitor reads the English page; the physics teacher
cannot open it; after an edit of the Russian topic the English editor says the source
has changed, and "Sync translated pages" brings the new sentence in, untranslated.
One test, one live server: each step needs the one before.
"""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale, Page

from portal.translation import enable_sync
from teachers import permissions
from teachers.accounts import create_teacher
from tests.browser.admin import log_in, publish
from tests.factories.portal import SubjectFactory
from tests.factories.subjects import (
    SubjectIndexPageFactory,
    SubjectPageFactory,
    TopicPageFactory,
)
from tests.factories.teachers import TeacherIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "uchitel-2026"
TITLE = ("Условная вероятность", "Conditional probability")
SUMMARY = (
    "Вероятность события, когда известно, что другое уже произошло.",
    "The probability of an event once another one is known to have happened.",
)
PARAGRAPH = (
    "Условную вероятность события A при условии B обозначают P(A|B).",
    "The probability of A given B is written P(A|B).",
)
SECOND_PARAGRAPH = (
    "Формула Байеса меняет местами событие и условие.",
    "Bayes' formula swaps the event and the condition.",
)
SLUG = ("uslovnaya-veroyatnost", "conditional-probability")
NEW_SUMMARY = "Вероятность события при условии, что другое событие уже произошло."


def build_school(home):
    sections = SubjectIndexPageFactory(parent=home)
    maths = SubjectPageFactory(
        parent=sections, subject=SubjectFactory(name="Математика", slug="matematika")
    )
    SubjectPageFactory(parent=sections, subject=SubjectFactory(name="Физика", slug="fizika"))
    topic = TopicPageFactory(
        parent=maths,
        title=TITLE[0],
        slug=SLUG[0],
        summary=SUMMARY[0],
        body=[
            ("paragraph", f"<p>{PARAGRAPH[0]}</p>"),
            ("paragraph", f"<p>{SECOND_PARAGRAPH[0]}</p>"),
        ],
    )
    TeacherIndexPageFactory(parent=home)
    enable_sync()  # every Russian page gets its English alias
    permissions.setup_roles()
    create_teacher(
        "Иванова Мария Петровна", "ivanova@school.example", ["matematika"], password=PASSWORD
    )
    create_teacher("Петров Олег Ильич", "petrov@school.example", ["fizika"], password=PASSWORD)
    return sections, topic


def segment(page, source):
    """The editor's row of one source string: "incomplete", "complete" once translated."""
    return page.locator("li.complete, li.incomplete, li.errored").filter(
        has=page.get_by_text(source, exact=True)
    )


def translate_segment(page, source, english):
    """Open the segment, type the English and tick its own "Save" (Сохранить)."""
    row = segment(page, source)
    row.get_by_role("button", name="Перевести", exact=True).click()
    row.locator("textarea").fill(english)
    row.get_by_role("button", name="Сохранить", exact=True).click()
    # Saved once the API has answered: "Edit" comes back and the row is complete.
    expect(row.get_by_role("button", name="Редактировать", exact=True)).to_be_visible()
    expect(row).to_have_class("complete")


def test_teacher_translates_topic_in_the_editor(page, browser, live_site):
    url = live_site["url"]
    sections, topic = build_school(live_site["home"])
    english_locale = Locale.objects.get(language_code="en")
    alias = topic.get_translation(english_locale)
    assert alias.alias_of_id == topic.pk
    visitor = browser.new_context(locale="en-GB")
    public = visitor.new_page()
    public.goto(url + alias.url)
    expect(public.locator("body")).to_contain_text("This page is only in Russian")

    # The mathematics teacher: from the English alias to wagtail-localize's editor.
    log_in(page, url, "ivanova", PASSWORD)
    page.goto(f"{url}/admin/pages/{alias.pk}/edit/")
    page.get_by_role("link", name="Перевести эту страницу").click()
    page.get_by_role("checkbox", name="English").check()
    page.get_by_role("button", name="Отправить").click()
    expect(page).to_have_url(f"{url}/admin/pages/{alias.pk}/edit/")
    for source, english in (TITLE, SUMMARY, PARAGRAPH, SECOND_PARAGRAPH):
        translate_segment(page, source, english)
    # The slug is on the editor's second tab, as in the page editor.
    page.get_by_role("tab", name="Продвижение").click()
    translate_segment(page, *SLUG)
    page.get_by_role("button", name=re.compile("^Опубликовать в")).click()
    # Every string translated: the success message, not "with missing translations".
    expect(page.locator(".messages")).to_have_text(
        re.compile(rf"^\s*Опубликован '{TITLE[1]}' в English\s*$")
    )

    english = Page.objects.get(pk=alias.pk)
    assert (english.alias_of_id, english.live) == (None, True)
    assert english.url == "/en/predmety/matematika/conditional-probability/"
    public.goto(url + english.url)
    expect(public.locator("html")).to_have_attribute("lang", "en")
    expect(public.get_by_role("heading", level=1)).to_have_text(TITLE[1])
    expect(public.locator("main")).to_contain_text(PARAGRAPH[1])
    expect(public.locator("body")).not_to_contain_text("only in Russian")
    visitor.close()

    # The physics teacher: the English topic is not there for him (portal.access: 404,
    # not Wagtail's redirect), and the English subjects' explorer lists only his section.
    other = browser.new_context(locale="ru-RU")
    other_page = other.new_page()
    log_in(other_page, url, "petrov", PASSWORD)
    response = other_page.goto(f"{url}/admin/pages/{english.pk}/edit/")
    assert response.status == 404
    expect(other_page.get_by_role("heading", level=1)).to_contain_text("404")
    expect(other_page.locator("body")).not_to_contain_text(TITLE[1])
    english_sections = sections.get_translation(english_locale)
    other_page.goto(f"{url}/admin/pages/{english_sections.pk}/")
    listing = other_page.locator("main")
    expect(listing.get_by_role("link", name="Физика", exact=True)).to_be_visible()
    expect(listing.get_by_role("link", name="Математика", exact=True)).to_have_count(0)
    expect(listing).not_to_contain_text(TITLE[1])
    other.close()

    # The mathematics teacher edits the Russian topic in the page editor.
    page.goto(f"{url}/admin/pages/{topic.pk}/edit/")
    page.locator("#id_summary").fill(NEW_SUMMARY)
    publish(page)

    # The English editor says the Russian page has changed (portal.localize_status:
    # wagtail-localize itself marks nothing) and still shows the old strings.
    page.goto(f"{url}/admin/pages/{english.pk}/edit/")
    expect(page.locator(".messages")).to_contain_text(
        "Страница на исходном языке (Русский) изменилась после последней синхронизации"
    )
    expect(segment(page, SUMMARY[0])).to_have_class("complete")
    expect(segment(page, NEW_SUMMARY)).to_have_count(0)

    # Sync from the Russian page's "Actions" menu, as the message says.
    page.goto(f"{url}/admin/pages/{topic.pk}/edit/")
    page.get_by_role("button", name="Действия").click()
    page.get_by_role("link", name="Синхронизировать переведенные страницы").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Обновить существующие переводы")
    expect(page.get_by_text("Дата последней синхронизации:")).to_be_visible()
    expect(page.get_by_role("link", name=TITLE[1], exact=True)).to_be_visible()
    page.get_by_role("button", name="Отправить").click()
    expect(page.locator(".messages")).to_contain_text(
        f"Переводы для  '{TITLE[0]}' обновлены успешно"
    )

    # The new Russian sentence is in the English editor, untranslated; the rest stays.
    page.goto(f"{url}/admin/pages/{english.pk}/edit/")
    new_summary = segment(page, NEW_SUMMARY)
    expect(new_summary).to_have_class("incomplete")
    expect(new_summary.get_by_role("button", name="Перевести", exact=True)).to_be_visible()
    expect(segment(page, SUMMARY[0])).to_have_count(0)
    expect(segment(page, TITLE[0])).to_have_class("complete")
    expect(page.get_by_text("изменилась после последней синхронизации")).to_have_count(0)
