from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubjectsConfig(AppConfig):
    """Subject sections, topics, homework and the per-class view."""

    name = "subjects"
    verbose_name = _("Предметы")
    # This app's part of the demo school (load_demo_content runs the parts in
    # INSTALLED_APPS order).
    demo_module = "subjects.demo"
