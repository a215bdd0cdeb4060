"""Counting a poll's answers for the public results.

Only choice questions (radio buttons, drop-down, checkboxes, multiple select) are
counted and shown; free text, numbers and dates are for the poll's owner in the admin
and never appear on the page.

The submissions' JSON is read in one query and counted in Python: a school poll has
hundreds of answers, and bench/polls.py measures 10,000.
"""

from collections import Counter
from dataclasses import dataclass, field

CHOICE_FIELD_TYPES = ("radio", "dropdown", "checkboxes", "multiselect")
MULTIPLE_CHOICE_FIELD_TYPES = ("checkboxes", "multiselect")


@dataclass(frozen=True)
class OptionResult:
    label: str
    count: int
    percent: float  # share of the visitors who answered this question, 0–100, one decimal


@dataclass(frozen=True)
class QuestionResult:
    label: str
    multiple: bool
    answered: int  # submissions with at least one option chosen in this question
    options: list = field(default_factory=list)


@dataclass(frozen=True)
class PollResults:
    total: int  # all submissions of the poll
    questions: list = field(default_factory=list)


def percent(count, of):
    return round(count * 100 / of, 1) if of else 0.0


def count_answers(fields, rows, choices_of):
    """Count ``rows`` (each a submission's ``form_data`` dict) for the choice ``fields``.

    ``choices_of(field)`` gives a field's options in the editor's order. Values that are
    no longer options (the editor renamed one after people voted) are not shown.
    """
    fields = [f for f in fields if f.field_type in CHOICE_FIELD_TYPES]
    counters = {f.clean_name: Counter() for f in fields}
    answered = Counter()
    total = 0
    for data in rows:
        total += 1
        if not isinstance(data, dict):
            continue
        for name, counter in counters.items():
            value = data.get(name)
            chosen = set(value) if isinstance(value, list) else {value}
            chosen.discard(None)
            chosen.discard("")
            if not chosen:
                continue
            answered[name] += 1
            for option in chosen:
                if isinstance(option, str):
                    counter[option] += 1
    questions = []
    for f in fields:
        counter, of = counters[f.clean_name], answered[f.clean_name]
        options = [
            OptionResult(label=option, count=counter[option], percent=percent(counter[option], of))
            for option in dict.fromkeys(choices_of(f))
        ]
        questions.append(
            QuestionResult(
                label=f.label,
                multiple=f.field_type in MULTIPLE_CHOICE_FIELD_TYPES,
                answered=of,
                options=options,
            )
        )
    return PollResults(total=total, questions=questions)


def poll_results(page):
    """:class:`PollResults` of a poll page: one query for the answers (plus its fields)."""
    from .forms import PollFormBuilder

    fields = page.get_form_fields()
    builder = PollFormBuilder(fields)
    rows = (
        page.get_submission_class()
        .objects.filter(page=page)
        .values_list("form_data", flat=True)
        .iterator(chunk_size=2000)
    )

    def choices_of(f):
        return [value for value, _label in builder.get_formatted_field_choices(f)]

    return count_answers(fields, rows, choices_of)
