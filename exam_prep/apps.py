from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExamPrepConfig(AppConfig):
    """Preparation for ГИА (ОГЭ, ГВЭ) and ЕГЭ."""

    name = "exam_prep"
    verbose_name = _("Подготовка к ГИА и ЕГЭ")
    # This app's part of the demo school (load_demo_content runs the parts in
    # INSTALLED_APPS order).
    demo_module = "exam_prep.demo"
