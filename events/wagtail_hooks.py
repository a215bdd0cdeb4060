"""Admin registration of the events app's snippets (kinds, announcements, timetables)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Announcement, ClassTimetable, EventKind


class AnnouncementViewSet(SnippetViewSet):
    model = Announcement
    icon = "warning"
    list_display = ["title", "importance", "pinned", "visible_from", "visible_until"]
    list_filter = ["importance", "pinned"]
    search_fields = ["title", "text"]


class EventKindViewSet(SnippetViewSet):
    model = EventKind
    icon = "tag"
    list_display = ["name", "name_en", "slug", "board_section", "sort_order"]
    ordering = ["sort_order", "name"]


class ClassTimetableViewSet(SnippetViewSet):
    model = ClassTimetable
    icon = "table"
    list_display = ["__str__", "note"]

    def get_queryset(self, request):
        return ClassTimetable.objects.select_related("school_class")


class BoardGroup(SnippetViewSetGroup):
    items = (AnnouncementViewSet, ClassTimetableViewSet, EventKindViewSet)
    menu_icon = "calendar-alt"
    menu_label = _("Доска объявлений")
    menu_name = "board"


register_snippet(BoardGroup)
