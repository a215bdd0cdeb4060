"""A teacher edits and publishes their portfolio; other teachers' pages stay closed."""

import pytest
from playwright.sync_api import expect

from teachers import permissions
from teachers.accounts import create_teacher
from tests.browser.admin import log_in, publish
from tests.factories.portal import SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory
from tests.factories.teachers import TeacherIndexPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "uchitel-2026"


def test_teacher_edits_and_publishes_own_portfolio_only(page, live_site):
    home = live_site["home"]
    sections = SubjectIndexPageFactory(parent=home)
    math_section = SubjectPageFactory(
        parent=sections, subject=SubjectFactory(name="Математика", slug="matematika")
    )
    physics_section = SubjectPageFactory(
        parent=sections, subject=SubjectFactory(name="Физика", slug="fizika")
    )
    teachers = TeacherIndexPageFactory(parent=home)
    permissions.setup_roles()
    own = create_teacher(
        "Иванова Мария Петровна", "ivanova@school.example", ["matematika"], password=PASSWORD
    )
    other = create_teacher(
        "Петров Олег Ильич", "petrov@school.example", ["fizika"], password=PASSWORD
    )
    other.page.save_revision().publish()

    log_in(page, live_site["url"], "ivanova", PASSWORD)

    # The explorer shows the way to the teacher's own pages and nothing else.
    page.goto(f"{live_site['url']}/admin/pages/{sections.pk}/")
    listing = page.locator("main")
    expect(listing.get_by_role("link", name="Математика", exact=True)).to_be_visible()
    expect(listing.get_by_role("link", name="Физика", exact=True)).to_have_count(0)
    page.goto(f"{live_site['url']}/admin/pages/{teachers.pk}/")
    expect(listing.get_by_role("link", name="Иванова Мария Петровна", exact=True)).to_be_visible()
    expect(listing.get_by_role("link", name="Петров Олег Ильич", exact=True)).to_have_count(0)

    page.goto(f"{live_site['url']}/admin/pages/{own.page.pk}/edit/")
    page.locator("#id_position").fill("Учитель математики высшей категории")
    page.locator("#id_introduction").fill("Веду курс «Вероятность и статистика».")
    publish(page)

    page.goto(live_site["url"] + "/uchitelya/ivanova/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Иванова Мария Петровна")
    expect(page.locator(".portfolio__position")).to_have_text("Учитель математики высшей категории")
    expect(page.get_by_role("link", name="Математика")).to_have_attribute("href", math_section.url)

    # Another teacher's portfolio and section are not there for this teacher (404), and
    # nothing of them (title, owner) shows.
    for foreign in (other.page, physics_section):
        response = page.goto(f"{live_site['url']}/admin/pages/{foreign.pk}/edit/")
        assert response.status == 404
        expect(page.get_by_role("heading", level=1)).to_contain_text("404")
        expect(page.locator("body")).not_to_contain_text(foreign.title)
