"""A visitor reads the site; an editor publishes a page through the admin."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.a11y import serious_violations
from tests.browser.admin import log_in, publish

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_sees_the_school_and_switches_language(page, live_site):
    page.goto(live_site["url"] + "/")
    expect(page.locator(".brand__name")).to_have_text("СОШ № 7")
    expect(page.locator("footer")).to_contain_text("Петрова Анна Сергеевна")

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".brand__name")).to_have_text("School No. 7")


def test_home_page_has_no_serious_accessibility_violations(page, live_site):
    page.goto(live_site["url"] + "/")
    assert serious_violations(page) == []


def test_skip_link_moves_focus_to_content(page, live_site):
    page.goto(live_site["url"] + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Перейти к содержимому")
    expect(skip).to_be_focused()
    skip.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_editor_publishes_a_standard_page(page, live_site):
    get_user_model().objects.create_superuser("editor", "editor@school.example", "pass-12345")
    home = live_site["home"]

    log_in(page, live_site["url"], "editor", "pass-12345")

    page.goto(f"{live_site['url']}/admin/pages/add/home/standardpage/{home.pk}/")
    page.locator("#id_title").fill("Расписание звонков")
    page.locator("#id_introduction").fill("Начало первого урока — 8:30.")
    publish(page)

    page.goto(live_site["url"] + "/raspisanie-zvonkov/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Расписание звонков")
    expect(page.locator(".lead")).to_have_text("Начало первого урока — 8:30.")
