from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubjectsConfig(AppConfig):
    """Subject sections, topics, homework and the per-class view."""

    name = "subjects"
    verbose_name = _("Предметы")
