from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events, olympiads, the school calendar and its iCal feeds."""

    name = "events"
    verbose_name = _("События и олимпиады")
    # This app's part of the demo school (load_demo_content runs the parts in
    # INSTALLED_APPS order).
    demo_module = "events.demo"
