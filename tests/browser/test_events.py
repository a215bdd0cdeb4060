"""A visitor filters the school calendar, opens an event and downloads its .ics;
the month grid works with JavaScript switched off."""

import datetime as dt
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def calendar_site(live_site):
    from tests.factories import SubjectFactory
    from tests.factories.events import (
        EventIndexPageFactory,
        EventKindFactory,
        EventPageFactory,
        in_days,
    )

    index = EventIndexPageFactory(parent=live_site["home"])
    olympiad = EventKindFactory(name="Олимпиада", slug="olimpiada")
    maths = SubjectFactory(name="Математика", slug="matematika")
    physics = SubjectFactory(name="Физика", slug="fizika")
    live_site["maths_event"] = EventPageFactory(
        parent=index,
        title="Олимпиада по математике",
        slug="olimpiada-matematika",
        kind=olympiad,
        subject=maths,
        start=in_days(3, 10),
        place="Кабинет 204",
    )
    live_site["physics_event"] = EventPageFactory(
        parent=index,
        title="Олимпиада по физике",
        kind=olympiad,
        subject=physics,
        start=in_days(4, 10),
    )
    return live_site


def test_visitor_filters_the_calendar_and_downloads_an_event(page, calendar_site, tmp_path):
    page.goto(calendar_site["url"] + "/sobytiya/")
    expect(page.get_by_role("link", name="Олимпиада по физике")).to_be_visible()

    page.get_by_label("Предмет").select_option(label="Математика")
    page.get_by_role("button", name="Показать").click()
    expect(page).to_have_url(re.compile(r"subject=matematika"))
    expect(page.get_by_role("link", name="Олимпиада по физике")).to_have_count(0)

    page.get_by_role("link", name="Олимпиада по математике").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Олимпиада по математике")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Добавить в календарь (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "olimpiada-matematika.ics"
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    (event,) = Calendar.from_ical(Path(target).read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Олимпиада по математике"
    assert str(event["LOCATION"]) == "Кабинет 204"


def test_month_grid_works_without_javascript(browser, browser_context_args, calendar_site):
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    page = context.new_page()
    start = calendar_site["maths_event"].start.astimezone(dt.timezone(dt.timedelta(hours=3)))
    page.goto(f"{calendar_site['url']}/sobytiya/{start.year}/{start.month}/")
    cell = page.locator(f'td[data-date="{start.date().isoformat()}"]')
    expect(cell.get_by_role("link", name="Олимпиада по математике")).to_be_visible()

    # Next month by the link, back by the month picker form: plain HTTP, no script.
    month_url = page.url
    page.get_by_role("link", name=re.compile("→")).click()
    expect(page).not_to_have_url(month_url)
    expect(page.locator(".month-grid")).to_be_visible()
    page.get_by_label("Месяц", exact=True).select_option(value=str(start.month))
    page.get_by_label("Год").fill(str(start.year))
    page.get_by_role("button", name="Перейти").click()
    expect(page).to_have_url(re.compile(rf"year={start.year}"))
    expect(cell.get_by_role("link", name="Олимпиада по математике")).to_be_visible()

    # Filters work the same way.
    page.get_by_label("Предмет").select_option(label="Физика")
    page.get_by_role("button", name="Показать").click()
    expect(page.get_by_role("link", name="Олимпиада по математике")).to_have_count(0)
    context.close()
