"""Citizens' appeals: the registered appeal, its number counter, the public form page."""

from .appeals import (
    ANSWER_DAYS,
    MAX_EXTENSION_DAYS,
    OPEN_STATUSES,
    AnswerBy,
    Appeal,
    AppealCounter,
    Status,
    answer_deadline,
    format_number,
    next_sequence,
    overdue_q,
)
from .pages import AppealFormPage

__all__ = [
    "ANSWER_DAYS",
    "MAX_EXTENSION_DAYS",
    "OPEN_STATUSES",
    "AnswerBy",
    "Appeal",
    "AppealCounter",
    "AppealFormPage",
    "Status",
    "answer_deadline",
    "format_number",
    "next_sequence",
    "overdue_q",
]
