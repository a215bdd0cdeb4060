"""Admin of «Сведения об ОО»: snippet viewsets, the completeness report, a dashboard panel.

Only school editors and administrators have the model permissions of these snippets
(``teachers.permissions.setup_roles``); teachers feed the section through their
portfolios only, so the menu group is hidden from them.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from portal.access import ReferenceDataPolicy, ScopedPermissionPolicy
from portal.access.admin import PortalSnippetViewSet

from .completeness import find_problems
from .models import (
    Branch,
    BudgetReport,
    EducationProgramme,
    EducationStandard,
    Facility,
    Founder,
    GoverningBody,
    InternationalAgreement,
    MenuFile,
    PaidService,
    SignedDocument,
    SupportMeasure,
    VacantPlaces,
)

# The section's data is the school editors' (staff only); teachers pick the programmes
# they teach in their portfolios.
for _model in (
    Branch,
    BudgetReport,
    EducationStandard,
    Facility,
    Founder,
    GoverningBody,
    InternationalAgreement,
    MenuFile,
    PaidService,
    SignedDocument,
    SupportMeasure,
    VacantPlaces,
):
    register_permission_policy(_model, ScopedPermissionPolicy(_model))
register_permission_policy(EducationProgramme, ReferenceDataPolicy(EducationProgramme))

# Whoever may change the signed documents edits the section and sees the report.
REPORT_PERMISSION = "sveden.change_signeddocument"


def can_see_report(user):
    return user.is_active and user.has_perm(REPORT_PERMISSION)


class SignedDocumentViewSet(PortalSnippetViewSet):
    model = SignedDocument
    icon = "doc-full"
    menu_label = _("Документы")
    list_display = [
        "title",
        "kind",
        Column("signer_name", label=_("подписал")),
        DateColumn("approved_on", label=_("утверждён")),
        DateColumn("review_date", label=_("пересмотреть до")),
    ]
    list_filter = ["kind", "signature_kind", "locale"]
    search_fields = ["title"]
    ordering = ["kind", "sort_order"]


class MenuFileViewSet(PortalSnippetViewSet):
    model = MenuFile
    icon = "table"
    menu_label = _("Меню питания")
    list_display = [
        "name",
        "kind",
        DateColumn("date", label=_("день")),
        "year",
        DateColumn("uploaded_at", label=_("загружено")),
    ]
    list_filter = ["kind", "year"]
    ordering = ["-date", "-year"]


def simple_viewset(model_class, icon, columns, filters=()):
    return type(
        f"{model_class.__name__}ViewSet",
        (PortalSnippetViewSet,),
        {
            "model": model_class,
            "icon": icon,
            "list_display": columns,
            "list_filter": list(filters),
        },
    )


class SvedenGroup(SnippetViewSetGroup):
    menu_label = _("Сведения об ОО")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = [
        SignedDocumentViewSet,
        simple_viewset(Founder, "group", ["name", "phone", "email"]),
        simple_viewset(GoverningBody, "sitemap", ["name", "kind", "head_name"], ["kind"]),
        simple_viewset(Branch, "site", ["name", "kind", "head_name"], ["kind"]),
        simple_viewset(
            EducationProgramme, "list-ul", ["name", "level", "form", "accredited"], ["level"]
        ),
        simple_viewset(EducationStandard, "clipboard-list", ["title", "kind"], ["kind"]),
        simple_viewset(Facility, "placeholder", ["name", "kind", "address"], ["kind"]),
        simple_viewset(PaidService, "pick", ["name", "audience", "price"]),
        simple_viewset(SupportMeasure, "help", ["title", "basis"]),
        simple_viewset(BudgetReport, "order", ["year", "income", "expenses"]),
        simple_viewset(
            VacantPlaces, "user", ["programme", "grade", "municipal", "as_of"], ["grade"]
        ),
        simple_viewset(InternationalAgreement, "globe", ["organisation", "state", "planned"]),
        MenuFileViewSet,
    ]


@hooks.register("register_admin_viewset")
def register_sveden_viewsets():
    return SvedenGroup()


class CompletenessReportView(ReportView):
    """Reports → «Полнота сведений об ОО»: every missing or outdated required item."""

    page_title = _("Полнота «Сведений об образовательной организации»")
    header_icon = "clipboard-list"
    index_url_name = "sveden_completeness"
    index_results_url_name = "sveden_completeness_results"
    paginate_by = None
    no_results_message = _("Всё на месте: обязательные сведения заполнены и не устарели.")
    columns = [
        Column("subsection_title", label=_("подраздел")),
        Column("item", label=_("сведения (itemprop)")),
        TitleColumn(
            "message",
            label=_("что не так"),
            get_url=lambda problem: problem.url or None,
        ),
    ]
    list_export = ["subsection_title", "item", "message"]
    export_headings = {
        "subsection_title": _("Подраздел"),
        "item": _("Сведения"),
        "message": _("Что не так"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        from wagtail.models import Site

        return find_problems(site=Site.find_for_request(self.request), user=self.request.user)

    def filter_queryset(self, queryset):
        return queryset


@hooks.register("register_admin_urls")
def register_completeness_urls():
    view = CompletenessReportView.as_view()
    results = CompletenessReportView.as_view(results_only=True)
    return [
        path("reports/sveden/", view, name="sveden_completeness"),
        path("reports/sveden/results/", results, name="sveden_completeness_results"),
    ]


class CompletenessMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_completeness_menu_item():
    return CompletenessMenuItem(
        _("Полнота сведений об ОО"),
        reverse("sveden_completeness"),
        icon_name="clipboard-list",
        order=50,
    )


class CompletenessPanel(Component):
    name = "sveden_completeness"
    template_name = "sveden/admin/completeness_panel.html"
    order = 70

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count, "url": reverse("sveden_completeness")}


@hooks.register("construct_homepage_panels")
def add_completeness_panel(request, panels):
    if can_see_report(request.user):
        from wagtail.models import Site

        panels.append(CompletenessPanel(len(find_problems(site=Site.find_for_request(request)))))
