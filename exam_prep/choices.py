"""Choices shared by the exam models, the practice variant and the demo: kinds of exam,
levels, key dates, answer types, difficulty and the parts of an exam."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExamKind(models.TextChoices):
    OGE = "oge", _("ОГЭ")
    EGE = "ege", _("ЕГЭ")
    GVE = "gve", _("ГВЭ")


class ExamLevel(models.TextChoices):
    BASE = "base", _("базовый уровень")
    PROFILE = "profile", _("профильный уровень")


class KeyDateKind(models.TextChoices):
    EARLY = "early", _("досрочный период")
    MAIN = "main", _("основной период")
    RESERVE = "reserve", _("резервный день")
    RESULTS = "results", _("результаты")
    APPEAL = "appeal", _("апелляция: последний день подачи")
    OTHER = "other", _("другое")


# Days of the main exam season: the countdown and the hub's nearest dates count to
# these (the early period is for a few groups of students, so it is listed, not counted).
EXAM_DAY_KINDS = {KeyDateKind.MAIN, KeyDateKind.RESERVE}


class AnswerType(models.TextChoices):
    SHORT = "short", _("краткий ответ")
    EXTENDED = "extended", _("развёрнутый ответ")


class Difficulty(models.TextChoices):
    BASIC = "basic", _("базовый")
    ADVANCED = "advanced", _("повышенный")
    HIGH = "high", _("высокий")


PART_CHOICES = [(1, _("Часть 1")), (2, _("Часть 2"))]
