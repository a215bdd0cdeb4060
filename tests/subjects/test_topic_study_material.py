"""A topic carries the full study library: formulas, solved problems, quizzes, and shows
which exam tasks test it."""

import uuid

import pytest

from tests.factories.exam_prep import ExamPageFactory, ExamPrepIndexPageFactory, ExamTaskPageFactory
from tests.factories.portal import SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db

QUIZ_ID = str(uuid.uuid4())
BODY = [
    {
        "type": "math",
        "value": {"latex": r"P_n(k)=C_n^k p^k q^{n-k}", "caption": "", "label": "(1)"},
    },
    {
        "type": "solved_problem",
        "value": {
            "title": "Монета",
            "statement": r"<p>Монету бросают \(4\) раза. Найдите \(P_4(2)\).</p>",
            "hint": "",
            "solution": r"<p>\(C_4^2\cdot\frac{1}{16}=0{,}375\)</p>",
            "answer": "0,375",
        },
    },
    {
        "type": "quiz",
        "id": QUIZ_ID,
        "value": {
            "title": "Проверь себя",
            "questions": [
                {
                    "question": "<p>Вероятность орла?</p>",
                    "kind": "text",
                    "options": [],
                    "answers": ["0,5"],
                    "explanation": "<p>Два равновозможных исхода.</p>",
                },
                {
                    "question": "<p>Какое число может быть вероятностью?</p>",
                    "kind": "single",
                    "options": [
                        {"text": "1,5", "correct": False},
                        {"text": "0,2", "correct": True},
                    ],
                    "answers": [],
                    "explanation": "",
                },
            ],
        },
    },
]


@pytest.fixture
def topic(home):
    maths = SubjectFactory(name="Математика", slug="matematika")
    section = SubjectPageFactory(parent=SubjectIndexPageFactory(parent=home), subject=maths)
    return TopicPageFactory(parent=section, title="Схема Бернулли", body=BODY)


def test_topic_renders_formulas_and_collapsible_solution(client, topic):
    html = client.get(topic.url).content.decode()
    assert "<math" in html
    assert "<details" in html
    assert "0,375" in html
    assert 'action="/quiz/' in html


def test_quiz_on_a_topic_is_graded_without_javascript(client, topic):
    response = client.post(f"/quiz/{topic.pk}/{QUIZ_ID}/", {"q1": "0.5", "q2": "0"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Результат: 1 из 2" in html
    assert "Схема Бернулли" in html


def test_topic_shows_the_exam_tasks_that_test_it(client, topic, home):
    exam = ExamPageFactory(
        parent=ExamPrepIndexPageFactory(parent=home), subject=topic.get_parent().specific.subject
    )
    task = ExamTaskPageFactory(parent=exam, number=4, title="Теория вероятностей")
    task.related_topics = [topic]
    task.save()
    hidden = ExamTaskPageFactory(parent=exam, number=5, title="Черновик задания", live=False)
    hidden.related_topics = [topic]
    hidden.save()

    html = client.get(topic.url).content.decode()
    assert "Эта тема проверяется на экзамене" in html
    assert task.url in html
    assert "задание 4" in html
    assert hidden.url not in html
