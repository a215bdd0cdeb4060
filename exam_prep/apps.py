from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExamPrepConfig(AppConfig):
    """Preparation for ГИА (ОГЭ, ГВЭ) and ЕГЭ."""

    name = "exam_prep"
    verbose_name = _("Подготовка к ГИА и ЕГЭ")
