"""Self-check quizzes: graded in the browser, or by a plain form POST without JS.

Nothing a visitor answers is stored. The correct answers are in the page (data
attributes read by ``portal/js/quiz.js``): acceptable for self-check. Without JS
the form posts to ``portal.views.check_quiz``, which re-renders the page with
``QuizResult`` for that quiz.
"""

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .math import MathRichTextBlock, MathTextBlock
from .safety import SafeRenderMixin

QUESTION_FEATURES = ["bold", "italic", "superscript", "subscript", "link"]
SINGLE, MULTIPLE, TEXT = "single", "multiple", "text"
MAX_TYPED_ANSWER = 200

DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
WHITESPACE = re.compile(r"\s+")
NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)$")


def normalize_answer(text):
    """How typed answers are compared: case, spaces, ё/е, the decimal comma and
    trailing zeros do not matter ("0,50" = ".5"). quiz.js does the same."""
    text = DECIMAL_COMMA.sub(".", str(text)[:MAX_TYPED_ANSWER])
    text = WHITESPACE.sub("", text).lower().replace("ё", "е").replace("−", "-")
    if NUMBER.match(text):
        try:
            number = Decimal(text)
        except InvalidOperation:
            return text
        normalized = format(number.normalize(), "f")
        return "0" if normalized in ("-0", "+0") else normalized
    return text


class QuizOptionBlock(blocks.StructBlock):
    text = MathTextBlock(max_length=300, label=_("Вариант ответа"))
    correct = blocks.BooleanBlock(required=False, label=_("Верный"))

    class Meta:
        icon = "tick"
        label = _("Вариант")


class QuizQuestionBlock(blocks.StructBlock):
    """One question: single or multiple choice, or a short typed answer."""

    question = MathRichTextBlock(features=QUESTION_FEATURES, label=_("Вопрос"))
    kind = blocks.ChoiceBlock(
        choices=[
            (SINGLE, _("Один верный вариант")),
            (MULTIPLE, _("Несколько верных вариантов")),
            (TEXT, _("Ответ вводится с клавиатуры")),
        ],
        default=SINGLE,
        label=_("Вид вопроса"),
    )
    options = blocks.ListBlock(
        QuizOptionBlock(),
        required=False,
        default=[],
        label=_("Варианты ответа"),
        help_text=_("Для вопросов с выбором; отметьте верные."),
    )
    answers = blocks.ListBlock(
        blocks.CharBlock(max_length=MAX_TYPED_ANSWER, label=_("Ответ")),
        default=[],
        label=_("Принимаемые ответы"),
        help_text=_(
            "Для ответа с клавиатуры. Регистр, пробелы и запятая вместо точки не важны: "
            "«0,5» = «0.5»."
        ),
    )
    explanation = MathRichTextBlock(
        features=QUESTION_FEATURES, required=False, label=_("Пояснение")
    )

    class Meta:
        icon = "help"
        label = _("Вопрос")

    def clean(self, value):
        value = super().clean(value)
        kind = value.get("kind")
        options = list(value.get("options") or [])
        answers = [answer for answer in (value.get("answers") or []) if answer.strip()]
        correct = sum(1 for option in options if option.get("correct"))
        errors = {}
        if kind in (SINGLE, MULTIPLE):
            if len(options) < 2:
                errors["options"] = _("Для вопроса с выбором нужно не меньше двух вариантов.")
            elif kind == SINGLE and correct != 1:
                errors["options"] = _(
                    "В вопросе с одним верным вариантом отметьте ровно один верный вариант "
                    "(сейчас отмечено: %(count)s)."
                ) % {"count": correct}
            elif kind == MULTIPLE and correct < 1:
                errors["options"] = _("Отметьте хотя бы один верный вариант.")
        elif kind == TEXT and not answers:
            errors["answers"] = _("Укажите хотя бы один принимаемый ответ.")
        if errors:
            raise blocks.StructBlockValidationError(
                block_errors={name: ValidationError(message) for name, message in errors.items()}
            )
        return value


class QuizBlock(SafeRenderMixin, blocks.StructBlock):
    """A self-check quiz; the visitor's answers are never stored."""

    title = blocks.CharBlock(max_length=200, default=_("Проверь себя"), label=_("Заголовок"))
    questions = blocks.ListBlock(QuizQuestionBlock(), min_num=1, label=_("Вопросы"))

    class Meta:
        icon = "tasks"
        label = _("Тест для самопроверки")
        template = "blocks/quiz_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        block_id = parent_context.get("id")
        page = parent_context.get("page")
        context["quiz_id"] = block_id
        context["questions"] = prepare_questions(value)
        context["action"] = None
        if block_id and page is not None and getattr(page, "pk", None):
            context["action"] = reverse("check_quiz", args=[page.pk, block_id])
        results = getattr(parent_context.get("request"), "quiz_results", None) or {}
        context["result"] = results.get(block_id) if block_id else None
        if context["result"] is not None:
            for question, graded in zip(
                context["questions"], context["result"].questions, strict=True
            ):
                question["graded"] = graded
        return context


def prepare_questions(value):
    """What the template needs per question, including the answer key for quiz.js."""
    prepared = []
    for number, question in enumerate(value.get("questions") or [], start=1):
        kind = question.get("kind")
        options = list(question.get("options") or [])
        prepared.append(
            {
                "number": number,
                "name": f"q{number}",
                "kind": kind,
                "question": question.get("question"),
                "explanation": question.get("explanation"),
                "options": [
                    {
                        "index": index,
                        "text": option.get("text"),
                        "has_math": "\\(" in (option.get("text") or ""),
                    }
                    for index, option in enumerate(options, start=1)
                ],
                "key": json.dumps(
                    sorted({normalize_answer(answer) for answer in question.get("answers") or []})
                    if kind == TEXT
                    else [
                        index
                        for index, option in enumerate(options, start=1)
                        if option.get("correct")
                    ]
                ),
            }
        )
    return prepared


@dataclass
class GradedQuestion:
    correct: bool
    chosen: set = field(default_factory=set)  # option numbers the visitor ticked
    typed: str = ""


@dataclass
class QuizResult:
    questions: list
    score: int
    total: int


def grade_quiz(value, data):
    """Grade a QuizBlock ``value`` against submitted form ``data`` (a QueryDict).

    Garbage is harmless: unknown option numbers are ignored, missing answers count
    as wrong, typed answers are cut to a sane length.
    """
    graded = []
    for number, question in enumerate(value.get("questions") or [], start=1):
        name = f"q{number}"
        kind = question.get("kind")
        if kind == TEXT:
            typed = str(data.get(name, ""))[:MAX_TYPED_ANSWER]
            accepted = {normalize_answer(answer) for answer in question.get("answers") or []}
            graded.append(
                GradedQuestion(
                    correct=bool(typed.strip()) and normalize_answer(typed) in accepted,
                    typed=typed,
                )
            )
            continue
        options = list(question.get("options") or [])
        valid = {str(index) for index in range(1, len(options) + 1)}
        raw = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        chosen = {int(item) for item in raw if isinstance(item, str) and item in valid}
        if kind == SINGLE and len(chosen) > 1:
            chosen = set()
        expected = {index for index, option in enumerate(options, start=1) if option.get("correct")}
        graded.append(GradedQuestion(correct=bool(chosen) and chosen == expected, chosen=chosen))
    return QuizResult(
        questions=graded, score=sum(1 for item in graded if item.correct), total=len(graded)
    )
