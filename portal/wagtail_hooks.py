"""Admin of the shared core: taxonomy snippets, the object-level access rules, the
document access rule and the security views (lockouts, two-factor sign-in).

``portal.access`` explains the rules; the hooks below apply them where Wagtail offers
a hook: the page chooser, the admin API, the page views' filters, rich-text handlers,
and wagtail-localize's snippet API.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .access import ReferenceDataPolicy, choosable_pages
from .access.admin import (
    ChoosableDocumentsAPIViewSet,
    ChoosableImagesAPIViewSet,
    PortalFormPagesListView,
    PortalPageViewSet,
    PortalSnippetViewSet,
    localize_snippet_api_viewset,
    localize_translations_report_view,
)
from .localize_status import warn_when_source_changed
from .models import SchoolClass, Subject
from .pagecache.middleware import private
from .pagecache.tags import collecting_now
from .rich_text import SafeDocumentLinkHandler, SafeImageEmbedHandler, SafePageLinkHandler
from .security.documents import check_document_access
from .security.views import LockoutsView, SetupView, VerifyView, may_unlock

# Before Wagtail's own collection-privacy hook (order 0): pages and teachers' drafts.
hooks.register("before_serve_document", check_document_access, order=-10)

# Before wagtail-localize's translation editor (order 0), which renders the page.
hooks.register("before_edit_page", warn_when_source_changed, order=-10)

# Classes and subjects: every editor picks them, administrators manage them.
register_permission_policy(Subject, ReferenceDataPolicy(Subject))
register_permission_policy(SchoolClass, ReferenceDataPolicy(SchoolClass))


class SubjectViewSet(PortalSnippetViewSet):
    model = Subject
    icon = "folder-open-inverse"
    list_display = ["name", "name_en", "slug", "sort_order"]
    search_fields = ["name", "name_en"]
    ordering = ["sort_order", "name"]


class SchoolClassViewSet(PortalSnippetViewSet):
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


@hooks.register("construct_page_chooser_queryset")
def only_choosable_pages(pages, request):
    """The page chooser offers live public pages and the user's own, never another
    teacher's draft (its title would show)."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=choosable_pages(request.user).values("pk"))


# After Wagtail's own (order 0): the images and documents endpoints are replaced.
@hooks.register("construct_admin_api", order=10)
def choosable_media_in_admin_api(router):
    router.register_endpoint("images", ChoosableImagesAPIViewSet)
    router.register_endpoint("documents", ChoosableDocumentsAPIViewSet)


# After Wagtail's base page viewset (order -1): it replaces it for every page type.
@hooks.register("register_admin_viewset")
def register_page_viewset():
    return PortalPageViewSet()


# After Wagtail's own handlers: links and embeds whose id is not a number.
@hooks.register("register_rich_text_features", order=100)
def safe_rich_text_handlers(features):
    features.register_link_type(SafePageLinkHandler)
    features.register_link_type(SafeDocumentLinkHandler)
    features.register_embed_type(SafeImageEmbedHandler)


@hooks.register("register_admin_urls")
def narrowed_admin_urls():
    """Ahead of the routes of wagtail-localize and Wagtail's forms app (portal's hooks
    run first): the same addresses, served by views that list only what the user may
    see — the snippet API answers only for snippets the user may choose."""
    viewset = localize_snippet_api_viewset()
    translations_report = localize_translations_report_view()
    return [
        path("forms/", PortalFormPagesListView.as_view(), name="portal_forms_index"),
        path(
            "forms/results/",
            PortalFormPagesListView.as_view(results_only=True),
            name="portal_forms_index_results",
        ),
        path(
            "localize/reports/translations/",
            translations_report.as_view(),
            name="portal_localize_translations_report",
        ),
        path(
            "localize/reports/translations/results/",
            translations_report.as_view(results_only=True),
            name="portal_localize_translations_report_results",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
            viewset.as_view({"get": "list"}),
            name="portal_localize_snippets_listing",
        ),
        path(
            "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
            viewset.as_view({"get": "retrieve"}),
            name="portal_localize_snippets_detail",
        ),
    ]


@hooks.register("before_serve_page")
def keep_restricted_pages_out_of_page_cache(page, request, serve_args, serve_kwargs):
    """A page with a view restriction (password, login, groups) is never kept in the
    page cache, even when this visitor may see it."""
    if collecting_now() and page.get_view_restrictions():
        private(request)
