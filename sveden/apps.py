from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SvedenConfig(AppConfig):
    """«Сведения об образовательной организации» (/sveden/) and the /food/ folder."""

    name = "sveden"
    verbose_name = _("Сведения об образовательной организации")
    demo_module = "sveden.demo"
