"""A student asks on a topic page, the teacher answers in the admin, the answer shows."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.admin import log_in
from tests.community.conftest import teacher_owning
from tests.factories.subjects import SubjectPageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_student_asks_and_teacher_answers(page, live_site):
    section = SubjectPageFactory(parent=live_site["home"])
    topic = TopicPageFactory(parent=section, title="Условная вероятность")
    teacher_owning(section, "orlova", get_user_model())

    page.goto(live_site["url"] + topic.url)
    form = page.locator(".community-form")
    form.get_by_label("Имя").fill("Алина")
    form.get_by_label("Класс или роль").fill("9А")
    form.get_by_label("Текст").fill("Чем P(A|B) отличается от P(B|A)?")
    page.wait_for_timeout(3200)  # the form refuses submissions faster than a person types
    form.get_by_role("button", name="Отправить").click()
    # The consent was forgotten: refused with a message, the text kept.
    assert "Без согласия" in form.inner_text()
    assert form.get_by_label("Текст").input_value() == "Чем P(A|B) отличается от P(B|A)?"
    form.get_by_label("Я согласен(на)").check()
    page.wait_for_timeout(3200)
    form.get_by_role("button", name="Отправить").click()
    assert "Спасибо, вопрос отправлен на модерацию." in page.inner_text(".community")
    assert "Чем P(A|B)" not in page.inner_text(".community")

    log_in(page, live_site["url"], "orlova", "password")
    expect(page.locator("main")).to_contain_text("Ждут модерации: 1.")
    page.get_by_role("link", name="Открыть очередь").click()
    page.get_by_role("link", name="Алина").click()
    page.locator("#id_answer").fill("В первом случае известно B, во втором — A.")
    page.locator("#id_status").select_option("published")
    page.get_by_role("button", name="Сохранить").click()
    page.wait_for_url("**/admin/community/")

    page.goto(live_site["url"] + topic.url)
    section_text = page.inner_text(".community")
    assert "Чем P(A|B) отличается от P(B|A)?" in section_text
    assert "В первом случае известно B, во втором — A." in section_text
