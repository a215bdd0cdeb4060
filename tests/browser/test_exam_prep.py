"""A student opens an exam, takes the practice variant and sees the score."""

import pytest
from playwright.sync_api import expect

from tests.factories.exam_prep import (
    ExamPageFactory,
    ExamPrepIndexPageFactory,
    ExamTaskPageFactory,
    practice,
)

pytestmark = pytest.mark.django_db(transaction=True)


def build_exam(home):
    exam = ExamPageFactory(
        parent=ExamPrepIndexPageFactory(parent=home), title="ЕГЭ по математике 2027", slug="ege"
    )
    ExamTaskPageFactory(
        parent=exam, number=1, title="Задание 1. Планиметрия", practice=practice(["10"])
    )
    ExamTaskPageFactory(
        parent=exam, number=2, title="Задание 2. Уравнения", practice=practice(["-4"])
    )
    return exam


@pytest.mark.parametrize("javascript", [True, False])
def test_student_takes_a_practice_variant(browser, live_site, javascript):
    build_exam(live_site["home"])
    context = browser.new_context(locale="ru-RU", java_script_enabled=javascript)
    page = context.new_page()
    page.goto(live_site["url"] + "/gia-i-ege/")
    page.get_by_role("link", name="ЕГЭ по математике 2027").first.click()
    expect(page.locator(".task-grid__number")).to_have_text(["1", "2"])

    page.get_by_role("link", name="Решить тренировочный вариант").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Тренировочный вариант 1")
    page.locator('input[name="t1"]').fill("10")
    page.locator('input[name="t2"]').fill("4")
    page.get_by_role("button", name="Проверить").click()

    expect(page.locator(".variant-result__primary")).to_have_text("Первичный балл: 1 из 2")
    expect(page.locator(".variant-result__test")).to_have_text("Тестовый балл: 20")
    expect(page.locator("#task-2")).to_contain_text("Правильный ответ: -4")
    expect(page.locator('input[name="t2"]')).to_have_value("4")
    context.close()
