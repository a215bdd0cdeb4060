"""Admin registration of the shared taxonomy snippets; the document access rule."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SchoolClass, Subject
from .security.documents import check_document_access
from .security.views import LockoutsView, SetupView, VerifyView, may_unlock

# Before Wagtail's own collection-privacy hook (order 0): pages and teachers' drafts.
hooks.register("before_serve_document", check_document_access, order=-10)


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


@hooks.register("register_admin_urls")
def register_security_urls():
    return [
        path("security/lockouts/", LockoutsView.as_view(), name="portal_lockouts"),
        path("2fa/verify/", VerifyView.as_view(), name="portal_two_factor_verify"),
        path("2fa/setup/", SetupView.as_view(), name="portal_two_factor_setup"),
    ]


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("portal_two_factor_setup"),
        "label": _("Двухфакторный вход"),
        "help_text": _("Код из приложения на телефоне после пароля; коды восстановления."),
    }


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Блокировки входа"), reverse("portal_lockouts"), icon_name="lock", order=660
    )
