"""A teacher publishes a topic with homework; a visitor finds it and subscribes."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.admin import log_in, publish, rich_text
from tests.factories import SchoolClassFactory, SubjectFactory
from tests.factories.subjects import (
    ClassIndexPageFactory,
    SubjectIndexPageFactory,
    SubjectPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_teacher_publishes_topic_and_visitor_sees_it(page, live_site):
    get_user_model().objects.create_superuser("teacher", "teacher@school.example", "pass-12345")
    index = SubjectIndexPageFactory(parent=live_site["home"])
    math = SubjectPageFactory(
        parent=index,
        title="Математика",
        slug="matematika",
        subject=SubjectFactory(name="Математика", slug="matematika"),
    )
    ClassIndexPageFactory(parent=live_site["home"])
    SchoolClassFactory(grade=9, letter="А")
    SchoolClassFactory(grade=9, letter="Б")
    today = timezone.localdate()

    def day(offset):
        return (today + datetime.timedelta(days=offset)).isoformat()

    url = live_site["url"]
    log_in(page, url, "teacher", "pass-12345")

    page.goto(f"{url}/admin/pages/add/subjects/topicpage/{math.pk}/")
    page.locator("#id_title").fill("Условная вероятность")
    page.locator("#id_summary").fill("Вероятность события при условии другого.")
    page.locator("#id_grade_from").select_option("9")
    page.locator("#id_term").select_option("2")
    page.locator("#id_start_date").fill(day(-3))
    page.locator("#id_end_date").fill(day(5))
    page.locator("#id_classes").get_by_label("9А").check()

    page.locator("#id_homework-ADD").click()
    page.locator("#id_homework-0-classes").get_by_label("9А").check()
    page.locator("#id_homework-0-date_given").fill(day(0))
    page.locator("#id_homework-0-due_date").fill(day(2))
    rich_text(page, "id_homework-0-text", "Задачи 3, 5 и 8 из параграфа 14.")

    for field, value in [
        ("#id_start_date", day(-3)),
        ("#id_end_date", day(5)),
        ("#id_homework-0-date_given", day(0)),
        ("#id_homework-0-due_date", day(2)),
    ]:
        expect(page.locator(field)).to_have_value(value)
    publish(page)

    page.goto(url + "/predmety/matematika/")
    current = page.locator("section[aria-labelledby=current-topics]")
    expect(current).to_contain_text("Условная вероятность")

    page.goto(url + "/classes/")
    page.get_by_role("link", name="9А").click()
    expect(page).to_have_url(re.compile(r"/classes/9a/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("9А класс")
    expect(page.locator(".homework-list")).to_contain_text("Задачи 3, 5 и 8 из параграфа 14.")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="файл .ics").click()
    download = download_info.value
    calendar = Calendar.from_ical(open(download.path(), "rb").read())  # noqa: SIM115
    (event,) = calendar.walk("VEVENT")
    assert "Условная вероятность" in str(event["SUMMARY"])
    assert event.decoded("DTSTART").isoformat() == day(2)
