"""Admin registration of the shared taxonomy snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SchoolClass, Subject


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "folder-open-inverse"
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]


class SchoolClassViewSet(SnippetViewSet):
    model = SchoolClass
    icon = "group"
    list_display = ["__str__", "grade", "homeroom_teacher"]
    list_filter = ["grade"]
    ordering = ["grade", "letter"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (SubjectViewSet, SchoolClassViewSet)
    menu_icon = "tag"
    menu_label = _("Справочники")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)
