"""Admin listings, choosers and APIs narrowed to what the user may manage or choose.

The middleware in ``guard`` refuses URLs naming another teacher's object; these views
make the *lists* agree with it: snippet listings and choosers, the admin API for
images and documents, wagtail-localize's snippet API, the page explorer's filters and
the page-types report. Each asks ``manageable`` or ``choosable`` (``portal.access``).
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, IntegerField, Q, Value
from django.db.models.functions import Cast
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.utils.functional import cached_property
from wagtail.admin.filters import MultipleUserFilter
from wagtail.admin.views.pages.listing import (
    EditedByFilter,
    GenericPageFilterSet,
    PageFilterSet,
)
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.contrib.forms.views import FormPageFilterSet, FormPagesListView
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page, PageLogEntry
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from . import choosable, editable_pages, explorable_pages, manageable


# Snippets -------------------------------------------------------------------------------
class ChoosableObjectsMixin:
    """A chooser lists, and answers for, only what the user may choose."""

    def get_object_list(self):
        return choosable(self.request.user, self.model_class)


class ChooseView(ChoosableObjectsMixin, snippet_chooser.ChooseView):
    pass


class ChooseResultsView(ChoosableObjectsMixin, snippet_chooser.ChooseResultsView):
    pass


class ChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return choosable(self.request.user, self.model_class).get(pk=pk)


class ChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return choosable(self.request.user, self.model_class).filter(pk__in=pks)


class PortalSnippetChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView


class PortalSnippetViewSet(snippet_views.SnippetViewSet):
    """The base of every portal snippet viewset: its listing and chooser show only what
    the model's permission policy lets the user manage (or choose)."""

    chooser_viewset_class = PortalSnippetChooserViewSet

    def get_queryset(self, request):
        return manageable(request.user, self.model)


# Page explorer filters ------------------------------------------------------------------
def page_owners(request):
    """Owners of the pages the user may edit (and the user): not every teacher's name."""
    users = get_user_model().objects.all()
    if request.user.is_superuser:
        return users.filter(pk__in=Page.objects.values("owner_id"))
    pages = editable_pages(request.user)
    return users.filter(Q(pk__in=pages.values("owner_id")) | Q(pk=request.user.pk))


def page_editors(request):
    """Who edited the pages the user may edit."""
    entries = PageLogEntry.objects.filter(action="wagtail.edit")
    if not request.user.is_superuser:
        entries = entries.filter(page__in=editable_pages(request.user).values("pk"))
    return get_user_model().objects.filter(pk__in=entries.values("user_id"))


class NarrowedUserFilters(PageFilterSet):
    # Wagtail's own labels (and their translations).
    owner = MultipleUserFilter(
        label=PageFilterSet.base_filters["owner"].label,
        queryset=page_owners,
        widget=CheckboxSelectMultiple,
    )
    edited_by = EditedByFilter(
        label=PageFilterSet.base_filters["edited_by"].label,
        queryset=page_editors,
        widget=CheckboxSelectMultiple,
    )

    class Meta(PageFilterSet.Meta):
        pass


class NarrowedGenericPageFilterSet(NarrowedUserFilters, GenericPageFilterSet):
    class Meta(GenericPageFilterSet.Meta):
        pass


class PortalPageViewSet(PageViewSet):
    """Wagtail's page views (explorer, type usage) with owner and editor filters naming
    only the people whose pages the user works on."""

    filterset_class = NarrowedGenericPageFilterSet


# Admin API ------------------------------------------------------------------------------
class ChoosableImagesAPIViewSet(ImagesAdminAPIViewSet):
    """``/admin/api/main/images/``: the images the user may choose, as in the chooser."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(pk__in=choosable(self.request.user, self.model).values("pk"))
        )


class ChoosableDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
    """``/admin/api/main/documents/``: the documents the user may choose."""

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .filter(pk__in=choosable(self.request.user, self.model).values("pk"))
        )


def localize_snippet_api_viewset():
    """wagtail-localize's snippet API (the translation editor shows a chosen snippet's
    title with it), answering only for snippets the user may choose."""
    from wagtail_localize.views.snippets_api import SnippetViewSet

    class ChoosableSnippetAPIViewSet(SnippetViewSet):
        def get_queryset(self):
            try:
                model = self.get_model()
            except LookupError as error:
                raise Http404 from error
            return choosable(self.request.user, model).order_by("pk")

    return ChoosableSnippetAPIViewSet


# Reports --------------------------------------------------------------------------------
class PortalPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's page-types report names the last edited page of each type; here it is
    the last edited page the user sees in the explorer, not another teacher's draft."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        if self.request.user.is_superuser:
            return page_types
        for item in page_types:
            last = item.last_edited_page
            if last is not None and not self.visible.filter(pk=last.pk).exists():
                item.last_edited_page = (
                    self.visible.filter(content_type_id=item.pk)
                    .order_by(F("latest_revision_created_at").desc(nulls_last=True))
                    .specific()
                    .first()
                )
        return page_types

    @cached_property
    def visible(self):
        return explorable_pages(self.request.user)


def visible_log_entries(user, log_model):
    """Log entries the user may read: Wagtail's rule (pages in their explorer, other
    models whose permission they hold), and for other models only entries about objects
    they may manage — a teacher holding "change consent" reads the history of their own
    consents, not the pupils' names in another teacher's."""
    entries = log_model.objects.viewable_by_user(user)
    if user.is_superuser or issubclass(log_model, PageLogEntry):
        return entries
    allowed = Q(pk__in=[])
    for content_type_id in entries.get_content_type_ids():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        ids = manageable(user, model).annotate(_id=Cast("pk", CharField())).values("_id")
        allowed |= Q(content_type_id=content_type_id, object_id__in=ids)
    return entries.filter(allowed)


def visible_log_users(user):
    ids = set()
    for log_model in log_action_registry.get_log_entry_models():
        ids |= visible_log_entries(user, log_model).get_user_ids()
    return get_user_model().objects.filter(pk__in=ids).order_by(get_user_model().USERNAME_FIELD)


class PortalSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        return visible_log_users(self.request.user)

    def get_user_choices(self):
        return visible_log_users(self.request.user)

    class Meta(SiteHistoryReportFilterSet.Meta):
        pass


class PortalSiteHistoryView(LogEntriesView):
    """Wagtail's site history, listing only entries about objects the user may manage."""

    filterset_class = PortalSiteHistoryFilterSet

    def get_filtered_queryset(self):
        # Wagtail's own method with visible_log_entries() in place of viewable_by_user().
        queryset = None
        self.log_models = list(log_action_registry.get_log_entry_models())
        for index, log_model in enumerate(self.log_models):
            sub_queryset = (
                visible_log_entries(self.request.user, log_model)
                .values("pk", "timestamp")
                .annotate(log_model_index=Value(index, output_field=IntegerField()))
            )
            sub_queryset = self.filter_queryset(sub_queryset).order_by()
            queryset = sub_queryset if queryset is None else queryset.union(sub_queryset, all=True)
        return queryset.order_by("-timestamp")


class NarrowedFormPageFilterSet(NarrowedUserFilters, FormPageFilterSet):
    class Meta(FormPageFilterSet.Meta):
        pass


class PortalFormPagesListView(FormPagesListView):
    """The «Формы» listing with owner/editor filters naming only colleagues."""

    filterset_class = NarrowedFormPageFilterSet


def localize_translations_report_view():
    """wagtail-localize's translations report, listing translations of objects the user
    may manage (its titles would show another teacher's drafts)."""
    from wagtail_localize.views.report import TranslationsReportView

    class PortalTranslationsReportView(TranslationsReportView):
        def get_queryset(self):
            translations = super().get_queryset()
            user = self.request.user
            if user.is_superuser:
                return translations
            allowed = Q(pk__in=[])
            content_types = translations.values("source__specific_content_type")
            for content_type in ContentType.objects.filter(pk__in=content_types):
                model = content_type.model_class()
                if model is None or not hasattr(model, "translation_key"):
                    continue
                keys = manageable(user, model).values("translation_key")
                allowed |= Q(source__specific_content_type=content_type, source__object_id__in=keys)
            return translations.filter(allowed)

    return PortalTranslationsReportView
