"""Exam preparation: the «ГИА и ЕГЭ» hub, exams and their task pages."""

from ..choices import EXAM_DAY_KINDS, AnswerType, Difficulty, ExamKind, ExamLevel, KeyDateKind
from .exams import Countdown, ExamKeyDate, ExamPage, ExamPrepIndexPage, countdown_to
from .tasks import ExamTaskPage, ExamTaskPageForm

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
