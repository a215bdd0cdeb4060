"""The practice variant of an exam: one practice problem per live task, graded on POST.

A variant is reproducible: its number (``?v=7``) picks the problem of every task
through a hash, so a link to variant 7 shows the same problems to everyone. Nothing
the student answers is stored. Short-answer tasks are graded against the accepted
answers (full ``max_score`` for a right answer); extended-answer tasks are shown
with their solution for self-assessment and never scored automatically.
"""

import hashlib
from dataclasses import dataclass

from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from portal.blocks.quiz import MAX_TYPED_ANSWER, normalize_answer

from .choices import AnswerType

MAX_VARIANT = 9999
DEFAULT_VARIANT = 1


def parse_variant_number(raw):
    """``raw`` as a variant number 1…9999, or None for anything else."""
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return number if 1 <= number <= MAX_VARIANT else None


def pick(variant, task, count):
    """The index of the practice problem of ``task`` in ``variant`` (deterministic)."""
    digest = hashlib.sha256(f"{variant}:{task.translation_key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % count


@dataclass
class VariantItem:
    task: object
    problem: object  # StructValue of a PracticeProblemBlock
    answers: list
    graded: bool = False
    typed: str = ""
    correct: bool = False
    score: int = 0

    @property
    def auto(self):
        return self.task.answer_type == AnswerType.SHORT

    @property
    def field_name(self):
        return f"t{self.task.number}"


@dataclass
class VariantResult:
    primary: int
    max_primary: int
    test: int | None
    right: int
    total: int


def build_variant(tasks, variant):
    """The items of ``variant`` drawn from ``tasks`` (the exam's task pages, by number);
    tasks without practice problems are left out."""
    items = []
    for task in tasks:
        problems = [block for block in task.practice if block.block_type == "problem"]
        if not problems:
            continue
        block = problems[pick(variant, task, len(problems))]
        items.append(
            VariantItem(
                task=task, problem=block.value, answers=block.block.accepted_answers(block.value)
            )
        )
    return items


def grade_variant(exam, items, data):
    """Grade ``items`` against form ``data``; returns a ``VariantResult``."""
    primary = max_primary = right = total = 0
    for item in items:
        if not item.auto:
            continue
        item.graded = True
        item.typed = str(data.get(item.field_name, ""))[:MAX_TYPED_ANSWER]
        accepted = {normalize_answer(answer) for answer in item.answers}
        item.correct = bool(item.typed.strip()) and normalize_answer(item.typed) in accepted
        item.score = item.task.max_score if item.correct else 0
        primary += item.score
        max_primary += item.task.max_score
        right += item.correct
        total += 1
    return VariantResult(
        primary=primary,
        max_primary=max_primary,
        test=exam.test_score(primary),
        right=right,
        total=total,
    )


def render_variant(exam, request, tasks, raw_number, data=None):
    """The variant page of ``exam`` built from ``tasks``; graded when ``data`` (a POST)
    carries a valid variant number."""
    number = parse_variant_number(raw_number)
    graded = data is not None and number is not None
    number = number or DEFAULT_VARIANT
    items = build_variant(tasks, number)
    result = grade_variant(exam, items, data) if graded else None
    response = TemplateResponse(
        request,
        "exam_prep/exam_variant.html",
        {
            **exam.get_context(request),
            "variant_number": number,
            "next_variant": number % MAX_VARIANT + 1,
            "items": items,
            "result": result,
            "extended_items": [item for item in items if not item.auto],
        },
    )
    if graded:
        add_never_cache_headers(response)
    return response
