from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Shared core of the portal: site settings, blocks, template tags, demo data."""

    name = "portal"
    verbose_name = _("Портал")
