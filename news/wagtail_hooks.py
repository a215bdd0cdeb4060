"""Admin registration of the news rubrics (kept by the school editors)."""

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from portal.access import ReferenceDataPolicy
from portal.access.admin import PortalSnippetViewSet

from .models import NewsCategory

# Rubrics: editors keep the list, every editor of news (teachers proposing one) picks.
register_permission_policy(NewsCategory, ReferenceDataPolicy(NewsCategory))


class NewsCategoryViewSet(PortalSnippetViewSet):
    model = NewsCategory
    icon = "tag"
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]


register_snippet(NewsCategoryViewSet)
