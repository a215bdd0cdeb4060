"""Factories for the exam section (and the subject pages and topics it links to)."""

import factory
import wagtail_factories

from exam_prep.models import ExamKind, ExamPage, ExamPrepIndexPage, ExamTaskPage

from .portal import SubjectFactory


class ExamPrepIndexPageFactory(wagtail_factories.PageFactory):
    title = "ГИА и ЕГЭ"
    slug = "gia-i-ege"

    class Meta:
        model = ExamPrepIndexPage


def scale(max_primary, convert):
    """A scoring table in StreamField JSON-ready form: rows 0…max_primary."""
    return [
        {"type": "row", "value": {"primary": primary, "test": convert(primary)}}
        for primary in range(max_primary + 1)
    ]


class ExamPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"ЕГЭ по математике {n}")
    slug = factory.Sequence(lambda n: f"ege-{n}")
    kind = ExamKind.EGE
    subject = factory.SubFactory(SubjectFactory, name="Математика", slug="matematika")
    year = 2027
    max_primary_score = 5
    # 0→0, 1→20, …, 5→100.
    scoring = factory.LazyFunction(lambda: scale(5, lambda primary: primary * 20))

    class Meta:
        model = ExamPage


def practice(*answers_lists):
    """Practice problems: one per list of accepted answers."""
    return [
        {
            "type": "problem",
            "value": {
                "statement": f"<p>Задача {position}: найдите \\(x\\).</p>",
                "answers": list(answers),
                "solution": f"<p>Решение задачи {position}.</p>",
            },
        }
        for position, answers in enumerate(answers_lists, start=1)
    ]


class ExamTaskPageFactory(wagtail_factories.PageFactory):
    title = factory.LazyAttribute(lambda task: f"Задание {task.number}")
    slug = factory.LazyAttribute(lambda task: f"zadanie-{task.number}")
    number = factory.Sequence(lambda n: n + 1)
    max_score = 1
    summary = "Что проверяет задание."
    practice = factory.LazyFunction(lambda: practice(["1"]))

    class Meta:
        model = ExamTaskPage
