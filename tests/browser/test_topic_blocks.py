"""A teacher builds a topic in the admin from a formula, a video, a solved problem and
a quiz; a visitor sees MathML, the embed, the collapsible solution and takes the quiz
with and without JavaScript."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from subjects.models import TopicPage
from tests.browser.admin import add_block, log_in, publish, rich_text
from tests.factories import SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

VK_VIDEO = "https://vkvideo.ru/video-22822305_456241864"


def test_teacher_builds_a_topic_and_a_visitor_studies_it(page, browser, live_site):
    get_user_model().objects.create_superuser("teacher", "teacher@school.example", "pass-12345")
    section = SubjectPageFactory(
        parent=SubjectIndexPageFactory(parent=live_site["home"]),
        title="Математика",
        slug="matematika",
        subject=SubjectFactory(name="Математика", slug="matematika"),
    )
    today = timezone.localdate()
    url = live_site["url"]

    log_in(page, url, "teacher", "pass-12345")

    page.goto(f"{url}/admin/pages/add/subjects/topicpage/{section.pk}/")
    page.locator("#id_title").fill("Схема Бернулли")
    page.locator("#id_summary").fill("Повторные независимые испытания.")
    page.locator("#id_grade_from").select_option("9")
    page.locator("#id_term").select_option("2")
    page.locator("#id_start_date").fill((today - datetime.timedelta(days=2)).isoformat())
    page.locator("#id_end_date").fill((today + datetime.timedelta(days=5)).isoformat())

    add_block(page, "Формула")
    page.locator("#body-0-value-latex").fill(r"P_n(k)=C_n^k p^k q^{n-k}")
    add_block(page, "Видео")
    page.locator("#body-1-value-title").fill("Видеоурок: формула Бернулли")
    page.locator("#body-1-value-url").fill(VK_VIDEO)
    add_block(page, "Задача с решением")
    page.locator("#body-2-value-title").fill("Монета")
    rich_text(page, "body-2-value-statement", "Монету бросают 4 раза. Найдите P(2 орла).")
    rich_text(page, "body-2-value-solution", "По формуле Бернулли: 6/16 = 0,375.")
    page.locator("#body-2-value-answer").fill("0,375")
    add_block(page, "Тест для самопроверки")
    page.locator("#body-3-value-title").fill("Проверь себя")
    rich_text(page, "body-3-value-questions-0-value-question", "Вероятность орла при броске?")
    page.locator("#body-3-value-questions-0-value-kind").select_option("text")
    answers = page.locator(
        "xpath=//*[@id='body-3-value-questions-0-value-kind']/ancestor::*"
        "[.//button[contains(@class,'c-sf-add-button')]][1]"
    )
    answers.locator("button.c-sf-add-button:visible").last.click()
    page.locator("#body-3-value-questions-0-value-answers-0-value").fill("0,5")

    publish(page)

    topic = TopicPage.objects.get(title="Схема Бернулли")
    assert topic.live
    topic_url = url + topic.url
    page.goto(topic_url)
    expect(page.locator("math").first).to_be_visible()
    # The VK player loads only when the visitor asks for it.
    expect(page.locator("iframe")).to_have_count(0)
    page.locator("figure.video-block").get_by_role("button", name="Смотреть на VK Видео").click()
    expect(page.locator("iframe[src*='video_ext.php']")).to_have_attribute(
        "title", "Видеоурок: формула Бернулли"
    )
    solution = page.locator("details", has_text="Решение").first
    expect(solution).not_to_have_attribute("open", "")
    solution.locator("summary").click()
    expect(solution).to_contain_text("0,375")

    quiz = page.locator("section.quiz", has_text="Проверь себя")
    quiz.get_by_label("Ваш ответ").fill("0.5")
    quiz.get_by_role("button", name="Проверить").click()
    expect(quiz).to_contain_text("1 из 1")
    expect(page).to_have_url(topic_url)  # graded in place, no round-trip

    no_js = browser.new_context(java_script_enabled=False, locale="ru-RU")
    plain = no_js.new_page()
    plain.goto(topic_url)
    form = plain.locator("section.quiz", has_text="Проверь себя")
    form.get_by_label("Ваш ответ").fill("0,4")
    form.get_by_role("button", name="Проверить").click()
    expect(plain.locator("body")).to_contain_text("Результат: 0 из 1")
    no_js.close()
