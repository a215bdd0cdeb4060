"""A pupil reads a page with a formula, a solved problem and a quiz, and checks
themselves with and without JavaScript."""

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import serious_violations
from tests.factories import StandardPageFactory
from tests.portal.test_quiz import QUIZ

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def study_page(live_site):
    body = [
        {
            "type": "math",
            "value": {"latex": r"P(A)=\frac{m}{n}", "label": "(1)", "caption": "Вероятность"},
        },
        {
            "type": "solved_problem",
            "value": {
                "title": "Задача 1",
                "statement": "<p>В урне 3 белых и 2 чёрных шара. Какова вероятность белого?</p>",
                "hint": "",
                "solution": r"<p>Исходов 5, благоприятных 3: \(P=\frac{3}{5}\).</p>",
                "answer": "0,6",
            },
        },
        {"type": "quiz", "value": QUIZ},
    ]
    StandardPageFactory(
        parent=live_site["home"],
        title="Вероятность",
        slug="veroyatnost",
        body=json.dumps([{**item, "id": str(uuid.uuid4())} for item in body]),
    )
    return live_site["url"] + "/veroyatnost/"


def answer_three_of_four(page):
    page.get_by_role("group", name=re.compile("Вопрос 1")).get_by_label("4", exact=True).check()
    second = page.get_by_role("group", name=re.compile("Вопрос 2"))
    second.get_by_label("2", exact=True).check()
    second.get_by_label("7", exact=True).check()
    page.get_by_label("Ваш ответ").fill(" 0,50 ")
    page.get_by_role("group", name=re.compile("Вопрос 4")).get_by_label("6").check()
    # One wrong answer: 4 is not prime.
    second.get_by_label("4", exact=True).check()


def test_pupil_reads_mathml_opens_the_solution_and_checks_with_js(page, study_page):
    page.goto(study_page)
    formula = page.locator(".math-block math")
    expect(formula).to_be_visible()
    assert formula.bounding_box()["height"] > 20  # a real rendered fraction, not raw text

    solution = page.locator(".problem__solution")
    expect(solution.get_by_text("Исходов 5")).to_be_hidden()
    solution.locator("summary").click()
    expect(solution.get_by_text("Исходов 5")).to_be_visible()
    expect(solution.locator("math")).to_be_visible()
    expect(solution).to_contain_text("Ответ: 0,6")

    answer_three_of_four(page)
    page.get_by_role("button", name="Проверить").click()
    expect(page.get_by_role("status")).to_have_text("Результат: 3 из 4")
    expect(page).to_have_url(study_page)  # graded in place, no navigation
    expect(page.locator(".quiz__question--wrong")).to_have_count(1)
    expect(page.locator(".quiz__question--wrong")).to_contain_text("Простое число делится")

    assert serious_violations(page) == []


def test_pupil_checks_without_javascript(browser, study_page):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    page.goto(study_page)
    expect(page.locator(".math-block math")).to_be_visible()
    answer_three_of_four(page)
    page.get_by_role("button", name="Проверить").click()
    expect(page).to_have_url(re.compile(r"/quiz/\d+/[\w-]+/#quiz-"))
    expect(page.get_by_role("status")).to_have_text("Результат: 3 из 4")
    expect(page.get_by_label("Ваш ответ")).to_have_value(" 0,50 ")
    expect(
        page.get_by_role("group", name=re.compile("Вопрос 2")).get_by_label("7", exact=True)
    ).to_be_checked()
    expect(page.locator(".quiz__question--right")).to_have_count(3)
    context.close()
