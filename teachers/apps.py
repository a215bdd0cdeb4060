from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeachersConfig(AppConfig):
    """Teachers' e-portfolios, their blogs, the piggy bank and editing rights."""

    name = "teachers"
    verbose_name = _("Учителя")
    # This app's part of the demo school (load_demo_content runs the parts in
    # INSTALLED_APPS order).
    demo_module = "teachers.demo"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
