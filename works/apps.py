from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorksConfig(AppConfig):
    """Students' creative works and photo reports, published only with a parent's consent."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "works"
    verbose_name = _("Творческие работы и фотоотчёты")

    def ready(self):
        from . import signals  # noqa: F401
