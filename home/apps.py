from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The school's landing page and free-standing pages."""

    name = "home"
    verbose_name = _("Главная и страницы")
    # This app's part of the demo school (load_demo_content runs the parts in
    # INSTALLED_APPS order).
    demo_module = "home.demo"
