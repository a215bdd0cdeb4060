from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Events, olympiads, the school calendar and its iCal feeds."""

    name = "events"
    verbose_name = _("События и олимпиады")
