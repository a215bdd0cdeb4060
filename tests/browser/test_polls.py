"""A visitor answers a poll with the real form, sees the results chart, and can't vote twice."""

import pytest
from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission

from tests.browser.a11y import serious_violations
from tests.factories.polls import PollIndexPageFactory, SubmissionFactory, poll_with_questions

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_votes_and_sees_results(page, live_site):
    index = PollIndexPageFactory(parent=live_site["home"])
    poll = poll_with_questions(index, title="Какой кружок открыть в следующем году?")
    for club in ("Шахматы", "Театр", "Шахматы"):
        SubmissionFactory(page=poll, form_data={"kakoy_kruzhok_otkryt": club})

    page.goto(live_site["url"] + index.url)
    page.get_by_role("link", name="Какой кружок открыть в следующем году?").click()
    form = page.locator(".poll-form")
    assert serious_violations(page) == []
    # The honeypot is off-screen: a sighted visitor never sees it.
    expect(form.get_by_label("Это поле заполнять не нужно")).not_to_be_in_viewport()
    form.get_by_label("Робототехника").check()
    form.get_by_label("После уроков").check()
    form.get_by_label("Ваши пожелания").fill("Пусть будет кружок по 3D-печати")
    page.wait_for_timeout(2300)  # the form refuses answers faster than a person reads it
    form.get_by_role("button", name="Ответить").click()

    expect(page.get_by_role("status")).to_contain_text("Спасибо! Ваш ответ учтён.")
    results = page.locator(".poll-results")
    expect(results).to_contain_text("Всего ответов: 4")
    table = results.get_by_role("table", name="Какой кружок открыть?")
    row = table.get_by_role("row", name="Робототехника")
    expect(row).to_contain_text("25 %")
    # The bar chart: the filled part is a quarter of the bar.
    bar = row.locator(".poll-bar")
    fill = row.locator(".poll-bar__fill")
    ratio = fill.bounding_box()["width"] / bar.bounding_box()["width"]
    assert 0.2 < ratio < 0.3
    expect(results).not_to_contain_text("3D-печати")
    assert serious_violations(page) == []

    # Back to the poll (or the browser's back button and submit again): already answered.
    page.goto(live_site["url"] + poll.url)
    expect(page.get_by_role("status")).to_contain_text("Вы уже ответили на этот опрос.")
    expect(page.locator(".poll-form")).to_have_count(0)
    expect(page.locator(".poll-results")).to_contain_text("Всего ответов: 4")
    assert FormSubmission.objects.filter(page=poll).count() == 4
