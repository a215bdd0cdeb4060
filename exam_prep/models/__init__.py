"""Exam preparation: the «ГИА и ЕГЭ» hub, exams and their task pages."""

from .exams import (
    EXAM_DAY_KINDS,
    Countdown,
    ExamKeyDate,
    ExamKind,
    ExamLevel,
    ExamPage,
    ExamPrepIndexPage,
    KeyDateKind,
    countdown_to,
)
from .tasks import AnswerType, Difficulty, ExamTaskPage, ExamTaskPageForm

__all__ = [
    "EXAM_DAY_KINDS",
    "AnswerType",
    "Countdown",
    "Difficulty",
    "ExamKeyDate",
    "ExamKind",
    "ExamLevel",
    "ExamPage",
    "ExamPrepIndexPage",
    "ExamTaskPage",
    "ExamTaskPageForm",
    "KeyDateKind",
    "countdown_to",
]
