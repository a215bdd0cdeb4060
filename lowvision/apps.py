from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LowVisionConfig(AppConfig):
    """«Версия для слабовидящих» (ГОСТ Р 52872-2019): a visitor's display settings,
    kept in a cookie and applied by a per-visitor stylesheet, so that the pages
    themselves stay the same for everyone and remain cacheable."""

    name = "lowvision"
    verbose_name = _("Версия для слабовидящих")
