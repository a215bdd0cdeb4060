from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PollsConfig(AppConfig):
    """Polls and surveys: Wagtail form pages whose answers are counted on the page."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "polls"
    verbose_name = _("Опросы")
    # This app's part of the demo school (load_demo_content runs the parts in
    # INSTALLED_APPS order).
    demo_module = "polls.demo"
