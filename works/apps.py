from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorksConfig(AppConfig):
    """Students' creative works and photo reports, published only with a parent's consent."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "works"
    verbose_name = _("Творческие работы и фотоотчёты")
    # This app's part of the demo school (load_demo_content runs the parts in
    # INSTALLED_APPS order).
    demo_module = "works.demo"

    def ready(self):
        from . import signals  # noqa: F401
