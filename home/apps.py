from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The school's landing page and free-standing pages."""

    name = "home"
    verbose_name = _("Главная и страницы")
