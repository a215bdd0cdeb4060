"""Admin: «Согласия на публикацию», each teacher's own records; log action; search rule.

A teacher sees, edits, deletes and chooses only the consents they entered; school
editors and administrators (permission ``works.view_all_consents``) see every record.
"""

import django_filters
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views import snippets as snippet_views

from .models import SCOPE_CHOICES, Consent, hidden_page_ids
from .unpublishing import LOG_ACTION


def own(request):
    return Consent.objects.visible_to(request.user)


class OwnObjectMixin:
    """Another teacher's consent is a 404, whatever the method."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not own(self.request).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class ConsentIndexView(snippet_views.IndexView):
    def get_base_queryset(self):
        return own(self.request).select_related("school_class", "created_by")


class ConsentCreateView(snippet_views.CreateView):
    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        self.form.save_m2m()
        return instance


class ConsentEditView(OwnObjectMixin, snippet_views.EditView):
    pass


class ConsentDeleteView(OwnObjectMixin, snippet_views.DeleteView):
    pass


class ConsentUsageView(OwnObjectMixin, snippet_views.UsageView):
    pass


class ConsentHistoryView(OwnObjectMixin, snippet_views.HistoryView):
    pass


class OwnChooserListMixin:
    def get_object_list(self):
        return own(self.request).select_related("school_class")


class ConsentChooseView(OwnChooserListMixin, snippet_chooser.ChooseView):
    pass


class ConsentChooseResultsView(OwnChooserListMixin, snippet_chooser.ChooseResultsView):
    pass


class ConsentChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return own(self.request).get(pk=pk)


class ConsentChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return own(self.request).filter(pk__in=pks)


class ConsentChooserCreateView(snippet_chooser.SnippetCreateView):
    def save_form(self, form):
        instance = form.save(commit=False)
        instance.created_by = self.request.user
        instance.save()
        return instance


class ConsentChooserViewSet(snippet_chooser.SnippetChooserViewSet):
    choose_view_class = ConsentChooseView
    choose_results_view_class = ConsentChooseResultsView
    chosen_view_class = ConsentChosenView
    chosen_multiple_view_class = ConsentChosenMultipleView
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


class ConsentViewSet(snippet_views.SnippetViewSet):
    model = Consent
    icon = "clipboard-list"
    menu_label = _("Согласия на публикацию")
    menu_name = "consents"
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "works/consents"
    filterset_class = ConsentFilterSet
    index_view_class = ConsentIndexView
    add_view_class = ConsentCreateView
    edit_view_class = ConsentEditView
    delete_view_class = ConsentDeleteView
    usage_view_class = ConsentUsageView
    history_view_class = ConsentHistoryView
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


register_snippet(ConsentViewSet)


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(
        LOG_ACTION,
        _("Снято с публикации: согласие на публикацию отозвано"),
        _("Снято с публикации, потому что согласие на публикацию больше не действует"),
    )


@hooks.register("search_hidden_pages")
def works_without_consent():
    """Live works and photo reports whose consent is no longer valid (until unpublished)."""
    return hidden_page_ids()
