"""Admin registration of the events app's snippets (kinds, announcements, timetables)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.access import ReferenceDataPolicy, ScopedPermissionPolicy
from portal.access.admin import PortalSnippetViewSet

from .models import Announcement, ClassTimetable, EventKind

# Announcements and timetables are the school's to publish: only holders of the model
# permission see, open or choose them (an announcement may not be shown yet). Kinds of
# event are taxonomy every editor picks from.
register_permission_policy(Announcement, ScopedPermissionPolicy(Announcement))
register_permission_policy(ClassTimetable, ScopedPermissionPolicy(ClassTimetable))
register_permission_policy(EventKind, ReferenceDataPolicy(EventKind))


class AnnouncementViewSet(PortalSnippetViewSet):
    model = Announcement
    icon = "warning"
    # A BooleanColumn (tick or cross): a plain "pinned" would print True/False.
    list_display = [
        "title",
        "importance",
        BooleanColumn("pinned", label=_("закреплено")),
        "visible_from",
        "visible_until",
    ]
    list_filter = ["importance", "pinned"]
    search_fields = ["title", "text"]


class EventKindViewSet(PortalSnippetViewSet):
    model = EventKind
    icon = "tag"
    list_display = ["name", "name_en", "slug", "board_section", "sort_order"]
    ordering = ["sort_order", "name"]


class ClassTimetableViewSet(PortalSnippetViewSet):
    model = ClassTimetable
    icon = "table"
    list_display = ["__str__", "note"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("school_class")


class BoardGroup(SnippetViewSetGroup):
    items = (AnnouncementViewSet, ClassTimetableViewSet, EventKindViewSet)
    menu_icon = "calendar-alt"
    menu_label = _("Доска объявлений")
    menu_name = "board"


register_snippet(BoardGroup)
