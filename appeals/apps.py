from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    """«Обращения граждан» (59-ФЗ): the public form, registration and the admin queue."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "appeals"
    verbose_name = _("Обращения граждан")
    demo_module = "appeals.demo"
