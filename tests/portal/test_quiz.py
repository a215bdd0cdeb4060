"""Self-check quizzes: editor validation, answer matching, the no-JS grading endpoint."""

import json
import uuid

import pytest
from django.contrib.auth.models import Group
from wagtail import blocks
from wagtail.models import PageViewRestriction

from portal.blocks import QuizBlock
from portal.blocks.quiz import grade_quiz, normalize_answer
from tests.factories import StandardPageFactory

QUIZ = {
    "title": "Проверь себя: вероятность",
    "questions": [
        {
            "question": "<p>Сколько будет 2 + 2?</p>",
            "kind": "single",
            "options": [
                {"text": "3", "correct": False},
                {"text": "4", "correct": True},
                {"text": "5", "correct": False},
            ],
            "answers": [],
            "explanation": "<p>Два да два — четыре.</p>",
        },
        {
            "question": "<p>Какие числа простые?</p>",
            "kind": "multiple",
            "options": [
                {"text": "2", "correct": True},
                {"text": "4", "correct": False},
                {"text": "7", "correct": True},
                {"text": "9", "correct": False},
            ],
            "answers": [],
            "explanation": "<p>Простое число делится только на 1 и на себя.</p>",
        },
        {
            "question": "<p>Вероятность выпадения орла при броске монеты?</p>",
            "kind": "text",
            "options": [],
            "answers": ["0,5", "1/2"],
            "explanation": "<p>Исходов два, благоприятный один.</p>",
        },
        {
            "question": r"<p>Чему равно \(\binom{4}{2}\)?</p>",
            "kind": "single",
            "options": [{"text": "6", "correct": True}, {"text": r"\(2^3\)", "correct": False}],
            "answers": [],
            "explanation": "",
        },
    ],
}


def quiz_body(count=1, quiz=QUIZ):
    return json.dumps(
        [{"type": "quiz", "value": quiz, "id": str(uuid.uuid4())} for _ in range(count)]
    )


def quiz_value(quiz=QUIZ):
    return QuizBlock().to_python(quiz)


@pytest.mark.parametrize(
    ("typed", "accepted", "right"),
    [
        ("0.5", "0,5", True),
        (" 0,50 ", "0.5", True),
        (".5", "0,5", True),
        ("Москва", "москва", True),
        ("ЁЛКА", "елка", True),
        ("x = 5", "x=5", True),
        ("−3", "-3", True),
        ("0,6", "0,5", False),
        ("1, 2", "1.2", False),
    ],
)
def test_typed_answers_are_compared_leniently(typed, accepted, right):
    assert (normalize_answer(typed) == normalize_answer(accepted)) is right


def question(**overrides):
    value = {**QUIZ["questions"][0], **overrides}
    return {"title": "Тест", "questions": [value]}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            question(options=[{"text": "4", "correct": True}]),
            "options",
            "не меньше двух вариантов",
        ),
        (
            question(options=[{"text": "3", "correct": True}, {"text": "4", "correct": True}]),
            "options",
            "ровно один верный вариант (сейчас отмечено: 2)",
        ),
        (
            question(options=[{"text": "3", "correct": False}, {"text": "4", "correct": False}]),
            "options",
            "ровно один верный вариант (сейчас отмечено: 0)",
        ),
        (
            question(
                kind="multiple",
                options=[{"text": "3", "correct": False}, {"text": "4", "correct": False}],
            ),
            "options",
            "хотя бы один верный вариант",
        ),
        (question(kind="text", options=[], answers=[]), "answers", "хотя бы один принимаемый"),
    ],
)
def test_quiz_validation_messages(data, field, message):
    block = QuizBlock()
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(block.to_python(data))
    question_error = caught.value.block_errors["questions"].block_errors[0]
    assert message in question_error.block_errors[field].messages[0]


def test_a_valid_quiz_passes_validation_unchanged():
    block = QuizBlock()
    cleaned = block.clean(block.to_python(QUIZ))
    assert cleaned["title"] == QUIZ["title"]
    questions = cleaned["questions"]
    assert [question["kind"] for question in questions] == ["single", "multiple", "text", "single"]
    assert list(questions[2]["answers"]) == ["0,5", "1/2"]
    assert [option["correct"] for option in questions[1]["options"]] == [True, False, True, False]


def test_grading_a_known_answer_set():
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    data.update({"q1": "2", "q3": " 0.5 ", "q4": "2"})
    data.setlist("q2", ["1", "3"])
    result = grade_quiz(quiz_value(), data)
    assert (result.score, result.total) == (3, 4)
    assert [item.correct for item in result.questions] == [True, True, True, False]
    assert result.questions[1].chosen == {1, 3}
    assert result.questions[2].typed == " 0.5 "


@pytest.fixture
def quiz_page(home):
    return StandardPageFactory(
        parent=home, title="Вероятность", slug="veroyatnost", body=quiz_body()
    )


def quiz_url(page, block_id=None, prefix=""):
    return f"{prefix}/quiz/{page.pk}/{block_id or page.body[0].id}/"


@pytest.mark.django_db
def test_page_carries_the_answer_key_and_no_csrf_token(client, quiz_page):
    html = client.get("/veroyatnost/").content.decode()
    assert f'action="{quiz_url(quiz_page)}#quiz-{quiz_page.body[0].id}"' in html
    assert "csrfmiddlewaretoken" not in html
    assert 'data-key="[2]"' in html
    assert 'data-key="[1, 3]"' in html
    assert "&quot;0.5&quot;" in html  # normalized accepted answers for quiz.js
    assert html.count("<fieldset") == 4
    assert "<legend" in html
    assert 'aria-live="polite"' in html
    assert 'type="module"' in html


@pytest.mark.django_db
def test_no_js_post_shows_the_score_and_keeps_answers(client, quiz_page):
    client.handler.enforce_csrf_checks = True
    response = client.post(
        quiz_url(quiz_page), {"q1": "2", "q2": ["1", "3"], "q3": "0.5", "q4": "2"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Результат: 3 из 4" in html
    assert html.count("quiz__question--right") == 3
    assert html.count("quiz__question--wrong") == 1
    assert 'name="q1" value="2" checked' in html
    assert 'name="q2" value="1" checked' in html
    assert 'name="q2" value="3" checked' in html
    assert 'name="q4" value="2" checked' in html
    assert 'name="q4" value="1" checked' not in html
    assert 'value="0.5"' in html
    assert "Два да два — четыре." in html
    assert "<h1>Вероятность</h1>" in html
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_garbage_and_missing_answers_are_just_wrong(client, quiz_page):
    response = client.post(
        quiz_url(quiz_page),
        {"q1": ["1", "2"], "q2": ["999", "x", "-1"], "q3": "x" * 10_000, "q77": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Результат: 0 из 4" in html
    assert "checked" not in html

    response = client.post(quiz_url(quiz_page), {})
    assert "Результат: 0 из 4" in response.content.decode()


@pytest.mark.django_db
def test_get_on_the_grading_address_goes_back_to_the_page(client, quiz_page):
    response = client.get(quiz_url(quiz_page))
    assert response.status_code == 302
    assert response["Location"].endswith("/veroyatnost/")


@pytest.mark.django_db
def test_unknown_unpublished_private_and_other_language_pages_are_404(client, site, quiz_page):
    assert client.post(quiz_url(quiz_page, block_id=str(uuid.uuid4())), {}).status_code == 404
    assert client.post(f"/quiz/{quiz_page.pk + 1000}/abc/", {}).status_code == 404
    # A stream block that is not a quiz.
    other = StandardPageFactory(
        parent=site["home"],
        body=json.dumps([{"type": "heading", "value": {"text": "Т", "level": "h2"}, "id": "h1"}]),
    )
    assert client.post(quiz_url(other, block_id="h1"), {}).status_code == 404
    # The Russian page is not graded under /en/.
    assert client.post(quiz_url(quiz_page, prefix="/en"), {}).status_code == 404

    draft = StandardPageFactory(parent=site["home"], body=quiz_body(), live=False)
    assert client.post(quiz_url(draft), {}).status_code == 404

    PageViewRestriction.objects.create(page=quiz_page, restriction_type=PageViewRestriction.LOGIN)
    assert client.post(quiz_url(quiz_page), {"q1": "2"}).status_code == 404

    restricted = StandardPageFactory(parent=site["home"], body=quiz_body())
    group = Group.objects.create(name="Учителя")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    assert client.post(quiz_url(restricted), {}).status_code == 404


@pytest.mark.django_db
def test_only_the_posted_quiz_shows_results(client, home):
    page = StandardPageFactory(parent=home, slug="dva-testa", body=quiz_body(2))
    response = client.post(quiz_url(page, block_id=page.body[1].id), {"q1": "2"})
    html = response.content.decode()
    assert html.count("Результат: 1 из 4") == 1
    first, second = html.split(f'id="quiz-{page.body[1].id}"')
    assert "quiz__question--" not in first
    assert "quiz__question--right" in second
