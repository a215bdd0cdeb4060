"""A teacher starts from «Мой раздел», adds a topic with a RuTube video while the server
has no network, publishes it, and the topic renders with a click-to-load player."""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from community.models import Message
from subjects.models import TopicPage
from teachers import permissions
from teachers.accounts import create_teacher
from tests.browser.admin import add_block, log_in, publish
from tests.factories.portal import SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory
from tests.factories.teachers import TeacherIndexPageFactory
from tests.portal.fake_embeds import OFFLINE_FINDERS, OfflineFinder

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "uchitel-2026"
RUTUBE_VIDEO = "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"
# The documentation's screenshots are retaken only when asked (UPDATE_SCREENSHOTS=1):
# a test run leaves the checkout as it found it.
DOC_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_teacher_adds_a_topic_with_a_video_offline_from_my_area(
    page, live_site, settings, tmp_path
):
    settings.WAGTAILEMBEDS_FINDERS = OFFLINE_FINDERS
    OfflineFinder.calls.clear()
    home, url = live_site["home"], live_site["url"]
    sections = SubjectIndexPageFactory(parent=home)
    section = SubjectPageFactory(
        parent=sections,
        title="Математика",
        subject=SubjectFactory(name="Математика", slug="matematika"),
    )
    SubjectPageFactory(parent=sections, subject=SubjectFactory(name="Физика", slug="fizika"))
    TeacherIndexPageFactory(parent=home)
    permissions.setup_roles()
    create_teacher(
        "Иванова Мария Петровна", "ivanova@school.example", ["matematika"], password=PASSWORD
    )
    Message.objects.create(
        page=section, author_name="Аня", author_role="9А", text="Будет ли контрольная по теме?"
    )

    log_in(page, url, "ivanova", PASSWORD)

    panel = page.locator(".teachers-my-area")
    expect(panel.get_by_role("heading", name="Мой раздел")).to_be_visible()
    expect(panel.get_by_role("link", name="Математика", exact=True)).to_be_visible()
    expect(panel.get_by_role("link", name="Физика")).to_have_count(0)
    expect(panel).to_contain_text("Иванова Мария Петровна")
    expect(panel).to_contain_text("Будет ли контрольная по теме?")
    # The page explorer opens at the teacher's section, not at the tree's root.
    sidebar = page.locator("#wagtail-sidebar")
    sidebar.get_by_role("button", name="Страницы").click()
    explorer = page.locator(".c-page-explorer")
    expect(explorer).to_contain_text("Математика")
    expect(explorer.get_by_role("link", name=re.compile("Все страницы|Root|Корень"))).to_have_count(
        0
    )
    page.keyboard.press("Escape")
    # The screenshots show the dashboard, not the explorer half way through closing.
    expect(explorer).to_be_hidden()
    shots = DOC_SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=shots / "admin-dashboard-desktop.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=shots / "admin-dashboard-phone.png")
    page.set_viewport_size({"width": 1280, "height": 900})

    panel.get_by_role("link", name="Новая тема").click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/add/subjects/topicpage/{section.pk}/$"))
    today = timezone.localdate()
    page.locator("#id_title").fill("Условная вероятность")
    page.locator("#id_summary").fill("Вероятность события при условии, что другое произошло.")
    page.locator("#id_grade_from").select_option("9")
    page.locator("#id_term").select_option("2")
    page.locator("#id_start_date").fill(today.isoformat())
    page.locator("#id_end_date").fill((today + datetime.timedelta(days=7)).isoformat())
    add_block(page, "Видео")
    page.locator("#body-0-value-title").fill("Видеоурок: условная вероятность")
    page.locator("#body-0-value-url").fill(RUTUBE_VIDEO)
    publish(page)
    assert OfflineFinder.calls == []  # saving asked no video service

    topic = TopicPage.objects.get(title="Условная вероятность")
    assert topic.live
    page.goto(url + topic.url)
    video = page.locator("figure.video-block")
    expect(video).to_contain_text("Видеоурок: условная вероятность")
    start = video.get_by_role("button", name=re.compile("Смотреть на RuTube"))
    expect(start).to_have_attribute("href", RUTUBE_VIDEO)
    expect(page.locator("iframe")).to_have_count(0)  # nothing of RuTube before the click
    assert OfflineFinder.calls == [RUTUBE_VIDEO]  # oEmbed was tried, failed, tolerated

    start.click()
    frame = video.locator("iframe")
    expect(frame).to_have_attribute("title", "Видеоурок: условная вероятность")
    expect(frame).to_have_attribute(
        "src", re.compile(r"^https://rutube\.ru/play/embed/0123456789abcdef0123456789abcdef\?")
    )
