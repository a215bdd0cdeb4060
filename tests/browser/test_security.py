"""Finding 13 in a real browser: under the Content-Security-Policy the Wagtail page
editor still works (date pickers, publishing; stream blocks and Draftail are driven
under the same policy by tests/browser/test_topic_blocks.py) and the public pages run
their scripts (autocomplete, quiz, JSON-LD) without a single CSP violation."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.admin import log_in, publish

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def watch(page):
    """Collect CSP violations: the DOM event, and Chromium's console messages."""
    console = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return console


def violations(page, console):
    return [*page.evaluate("window.__cspViolations || []"), *console]


def test_the_page_editor_works_under_the_policy(page, live_site):
    from tests.factories.events import EventIndexPageFactory, EventPageFactory, in_days

    get_user_model().objects.create_superuser("direktor", "d@school.example", "pass-12345")
    index = EventIndexPageFactory(parent=live_site["home"])
    event = EventPageFactory(parent=index, title="Олимпиада по информатике", start=in_days(5))
    console = watch(page)
    url = live_site["url"]
    log_in(page, url, "direktor", "pass-12345")

    page.goto(f"{url}/admin/pages/{event.pk}/edit/")
    page.locator("#id_start").click()
    # The date picker is one of the admin's inline scripts: it must open.
    expect(page.locator(".xdsoft_datetimepicker:visible")).to_have_count(1)
    page.locator("#id_title").click()
    assert violations(page, console) == []
    page.locator("#id_introduction").fill("Школьный этап, 7–11 классы.")
    publish(page)
    assert violations(page, console) == []

    # The live page: JSON-LD with the nonce, the site's own scripts, autocomplete.
    page.goto(url + "/sobytiya/")
    page.get_by_role("link", name="Олимпиада по информатике").first.click()
    expect(page.locator("script[type='application/ld+json']")).to_have_count(1)
    box = page.locator("#site-search")
    box.fill("Олимп")
    expect(page.locator(".search-suggestions li").first).to_be_visible()
    assert violations(page, console) == []
