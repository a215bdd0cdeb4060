"""Admin: «Согласия на публикацию», each teacher's own records; log action; search rule.

A teacher sees, edits, deletes and chooses only the consents they entered; school
editors and administrators (permission ``works.view_all_consents``) see every record.
That rule is the permission policy below (``Consent.objects.visible_to``);
``portal.access`` applies it to every admin URL naming a consent (edit, delete,
history, usage, bulk actions, editing-session pings, choosers, APIs) and to every form
that saves a reference to one.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from portal.access import ScopedPermissionPolicy
from portal.access.admin import PortalSnippetChooserViewSet, PortalSnippetViewSet

from .models import SCOPE_CHOICES, Consent, PhotoReportPage, StudentWorkPage
from .unpublishing import LOG_ACTION

register_permission_policy(
    Consent, ScopedPermissionPolicy(Consent, scope=Consent.objects.visible_to)
)


class ConsentCreateView(snippet_views.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        self.form.save_m2m()
        return instance


class ConsentChooserCreateView(snippet_chooser.SnippetCreateView):
    def save_form(self, form):
        instance = form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        return instance


class ConsentChooserViewSet(PortalSnippetChooserViewSet):
    create_view_class = ConsentChooserCreateView


class ValidFilter(django_filters.BooleanFilter):
    def filter(self, queryset, value):
        if value is None:
            return queryset
        valid = Consent.objects.valid().values("pk")
        return queryset.filter(pk__in=valid) if value else queryset.exclude(pk__in=valid)


class ConsentFilterSet(WagtailFilterSet):
    scope = django_filters.ChoiceFilter(label=_("на что дано согласие"), choices=SCOPE_CHOICES)
    valid = ValidFilter(label=_("действует сегодня"))

    class Meta:
        model = Consent
        fields = ["scope", "school_class"]


class ConsentViewSet(PortalSnippetViewSet):
    model = Consent
    icon = "clipboard-list"
    menu_label = _("Согласия на публикацию")
    menu_name = "consents"
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "works/consents"
    filterset_class = ConsentFilterSet
    add_view_class = ConsentCreateView
    chooser_viewset_class = ConsentChooserViewSet
    inspect_view_enabled = False
    # A copy would open another teacher's record in a form.
    copy_view_enabled = False
    list_display = [
        Column("pupil_label", label=_("ученик")),
        "scope",
        DateColumn("given_on", label=_("дата согласия")),
        DateColumn("withdrawn_on", label=_("дата отзыва")),
        BooleanColumn("is_valid", label=_("действует")),
        Column("created_by", label=_("внёс(ла)")),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("school_class", "created_by")


register_snippet(ConsentViewSet)


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(
        LOG_ACTION,
        _("Снято с публикации: согласие на публикацию отозвано"),
        _("Снято с публикации, потому что согласие на публикацию больше не действует"),
    )


# Two hooks, one per page type (``hidden_page_ids`` in one): each subquery reads its own
# small table by key; their ``OR`` in one query tested every page of the site.
@hooks.register("search_hidden_pages")
def works_without_consent():
    """Live works whose consent is no longer valid (until unpublished)."""
    return StudentWorkPage.objects.live().without_valid_consent().values("pk")


@hooks.register("search_hidden_pages")
def photo_reports_without_consent():
    """Live photo reports whose consent is no longer valid (until unpublished)."""
    return PhotoReportPage.objects.live().without_valid_consent().values("pk")
