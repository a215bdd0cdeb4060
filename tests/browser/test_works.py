"""A visitor opens a photo report, enlarges a photo, reads its caption, moves on and
closes it — with JavaScript and without (the lightbox is CSS :target only)."""

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def report_url(live_site):
    from tests.factories.works import (
        ConsentFactory,
        PhotoReportPageFactory,
        StudentWorkIndexPageFactory,
    )

    index = StudentWorkIndexPageFactory(parent=live_site["home"])
    report = PhotoReportPageFactory(parent=index, title="Олимпиада по математике", photos=3)
    report.pupils_recognisable = True
    report.consents = [ConsentFactory()]
    report.save_revision().publish()
    return live_site["url"] + report.url


def browse(page, url):
    page.goto(url)
    assert serious_violations(page) == []
    lightbox = page.locator("#photo-2")
    expect(lightbox).to_be_hidden()
    page.locator('.photo-grid a[href="#photo-2"]').click()
    expect(lightbox).to_be_visible()
    expect(lightbox.locator("figcaption")).to_have_text("Подпись к фото 2")
    assert serious_violations(page) == []
    large = lightbox.locator("img")
    assert "max-1600x1200" in large.get_attribute("src")
    assert large.evaluate("img => img.complete && img.naturalWidth > 0")
    lightbox.get_by_role("link", name="Следующее").click()
    expect(page.locator("#photo-3")).to_be_visible()
    expect(lightbox).to_be_hidden()
    page.locator("#photo-3").get_by_role("link", name="Закрыть").click()
    expect(page.locator("#photo-3")).to_be_hidden()
    expect(page.locator("#thumb-3")).to_be_in_viewport()


def test_lightbox_with_javascript(page, report_url):
    browse(page, report_url)


def test_lightbox_by_keyboard_without_javascript(browser, report_url):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(report_url)
    link = page.locator('.photo-grid a[href="#photo-1"]')
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#photo-1")).to_be_visible()
    expect(page.locator("#photo-1 figcaption")).to_have_text("Подпись к фото 1")
    page.locator("#photo-1").get_by_role("link", name="Закрыть").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#photo-1")).to_be_hidden()
    context.close()
