"""The «Сведения об образовательной организации» section: its index and 14 subsections.

Page tree::

    HomePage
    └── SchoolInfoIndexPage  /sveden/          (one per language)
        ├── CommonInfoPage     /sveden/common/
        ├── StructurePage      /sveden/struct/
        ├── …                  (one page type per subsection, in the order of the law)
        └── CateringPage       /sveden/catering/

The slugs are fixed by order № 1493 and cannot be edited: ``full_clean`` sets them
from ``legal_slug`` whatever the form sent (Wagtail's admin lower-cases slugs, and
``/sveden/eduStandarts/`` has a capital S). A lower-cased address
(``/sveden/edustandarts/``) redirects to the legal one. Each subsection renders its
structured data (school settings, snippets, teachers' portfolios) with the microdata
of ``sveden/requirements.py``; ``extra`` is room for anything the school adds.
"""

import datetime

from django.db import models
from django.db.models import CharField, Exists, F, IntegerField, OuterRef, Q, Value
from django.db.models.functions import Cast, Coalesce, Left, Length
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from portal.blocks import RICH_TEXT_FEATURES
from portal.queries import not_view_restricted
from search.facets import Section

from .. import requirements
from ..queries import for_locale
from .snippets import ACTIVITY_PLACE_CHOICES

# What a section link needs (title, URL) without loading the page.
LINK_FIELDS = ("id", "path", "depth", "title", "slug", "url_path", "locale_id")

PROMOTE_PANELS = [
    MultiFieldPanel(
        [FieldPanel("seo_title"), FieldPanel("search_description")],
        heading=_("Для поисковых систем"),
    ),
    MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("Для меню сайта")),
]

SECTION_PAGE_TYPES = [
    "sveden.CommonInfoPage",
    "sveden.StructurePage",
    "sveden.DocumentsPage",
    "sveden.EducationPage",
    "sveden.StandardsPage",
    "sveden.ManagementPage",
    "sveden.TeachingStaffPage",
    "sveden.FacilitiesPage",
    "sveden.GrantsPage",
    "sveden.PaidServicesPage",
    "sveden.BudgetPage",
    "sveden.VacanciesPage",
    "sveden.InternationalPage",
    "sveden.CateringPage",
]


class FixedSlugMixin:
    """The page's slug is ``legal_slug``, whatever was typed (see the module docstring)."""

    legal_slug = ""

    def full_clean(self, *args, **kwargs):
        self.slug = self.legal_slug
        super().full_clean(*args, **kwargs)


def section_models():
    """{legal slug: page model} of the fourteen subsections."""
    from django.apps import apps

    return {
        spec.slug: apps.get_model(label)
        for spec, label in zip(requirements.SUBSECTIONS, SECTION_PAGE_TYPES, strict=True)
    }


def ordered_sections(pages):
    """Subsection links in the order of the law (editors may have moved them)."""
    order = {slug: number for number, slug in enumerate(requirements.SLUGS)}
    return sorted(pages, key=lambda page: order.get(page.slug, len(order)))


class SvedenSearchMixin:
    """Site search lists the section under its own filter."""

    search_section = Section("sveden", _("Сведения об ОО"), order=90)


class SchoolInfoIndexPage(FixedSlugMixin, SvedenSearchMixin, Page):
    """«Сведения об образовательной организации» (``/sveden/``): the legal section.

    Sits under the home page (one per language) and lists the fourteen subsections,
    its only children.
    """

    legal_slug = "sveden"
    introduction = models.TextField(_("вводный текст"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    promote_panels = PROMOTE_PANELS

    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = SECTION_PAGE_TYPES

    class Meta:
        verbose_name = _("сведения об образовательной организации")
        verbose_name_plural = _("сведения об образовательной организации")

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        wanted, rest = path_components[0], path_components[1:]
        for slug, model in section_models().items():
            if wanted.lower() != slug.lower():
                continue
            # The subsection's type follows from its slug: one query, not page + specific.
            child = model.objects.child_of(self).filter(slug=slug).first()
            if child is None:
                break
            if wanted != slug:  # "/sveden/edustandarts/" → the legal "/sveden/eduStandarts/"
                return RouteResult(child, kwargs={"canonical_redirect": True})
            return child.route(request, rest)
        return super().route(request, path_components)

    def sections(self):
        return ordered_sections(
            self.get_children().live().filter(not_view_restricted()).only(*LINK_FIELDS)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = self.sections()
        context["sections"] = sections
        context["section_rows"] = [(page, requirements.BY_SLUG.get(page.slug)) for page in sections]
        return context


class SectionPage(FixedSlugMixin, SvedenSearchMixin, Page):
    """Base of the fourteen subsections: fixed slug, section navigation, microdata."""

    extra = RichTextField(
        _("дополнительные сведения"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Показывается после обязательных сведений."),
    )

    content_panels = [*Page.content_panels, FieldPanel("extra")]
    promote_panels = PROMOTE_PANELS
    search_fields = [*Page.search_fields, index.SearchField("extra")]

    max_count_per_parent = 1
    parent_page_types = ["sveden.SchoolInfoIndexPage"]
    subpage_types = []

    class Meta:
        abstract = True

    @property
    def requirements(self):
        return requirements.BY_SLUG[self.legal_slug]

    @property
    def section_template(self):
        return f"sveden/sections/{self.legal_slug}.html"

    def get_template(self, request, *args, **kwargs):
        # One layout for all fourteen; each includes ``section_template``.
        return "sveden/section_page.html"

    def serve(self, request, *args, canonical_redirect=False, **kwargs):
        if canonical_redirect:
            return HttpResponsePermanentRedirect(self.get_url(request))
        return super().serve(request, *args, **kwargs)

    def section_navigation(self):
        """(index URL, [(title, URL, current)]) — from the law's list, with no query.

        The fourteen addresses are fixed and every one must exist (the completeness
        report flags a missing one), so the menu needs no database.
        """
        base = self.url[: -len(self.legal_slug) - 1] if self.url else "/sveden/"
        english = (get_language() or "").startswith("en")
        links = [
            (
                spec.title_en if english else spec.title,
                f"{base}{spec.slug}/",
                spec.slug == self.legal_slug,
            )
            for spec in requirements.SUBSECTIONS
        ]
        return base, links

    def section_context(self, request):
        """The subsection's own data; overridden by each subsection."""
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sveden_index_url"], context["sections"] = self.section_navigation()
        context.update(self.section_context(request))
        return context

    def documents(self, *kinds):
        """{kind: [SignedDocument, …]} of the page's language (one query)."""
        from .documents import SignedDocument

        grouped = {kind: [] for kind in kinds}
        queryset = for_locale(SignedDocument.objects.filter(kind__in=kinds), self.locale_id)
        for document in queryset.select_related("document"):
            grouped[document.kind].append(document)
        return grouped

    def snippets(self, model):
        return for_locale(model.objects.all(), self.locale_id)


class ActivityPlaceBlock(blocks.StructBlock):
    """An address where education happens outside the school's building (p. 7)."""

    kind = blocks.ChoiceBlock(choices=ACTIVITY_PLACE_CHOICES, label=_("вид"))
    address = blocks.CharBlock(max_length=300, label=_("адрес"))
    note = blocks.CharBlock(max_length=300, required=False, label=_("пояснение"))

    class Meta:
        icon = "home"
        label = _("Место")


class CommonInfoPage(SectionPage):
    """«Основные сведения» (``/sveden/common/``): names, founders, address, contacts.

    The requisites come from the school's settings (Settings → «Сведения о школе»),
    founders and places of activity from their snippets.
    """

    legal_slug = "common"

    activity_places = StreamField(
        [("place", ActivityPlaceBlock())],
        blank=True,
        verbose_name=_("места осуществления образовательной деятельности"),
        help_text=_("Кроме адреса школы: сетевая форма, практика, ГИА. Пусто — «не используется»."),
    )

    content_panels = [*Page.content_panels, FieldPanel("activity_places"), FieldPanel("extra")]

    class Meta:
        verbose_name = _("основные сведения")

    def section_context(self, request):
        from .snippets import ACTIVITY_PLACE_NONE, Founder

        places = {kind: [] for kind, _label in ACTIVITY_PLACE_CHOICES}
        for block in self.activity_places:
            places[block.value["kind"]].append(block.value)
        return {
            "founders": list(self.snippets(Founder)),
            "places": [
                (kind, label, places[kind], ACTIVITY_PLACE_NONE[kind])
                for kind, label in ACTIVITY_PLACE_CHOICES
            ],
            "docs": self.documents("licenseDocLink", "accreditationDocLink"),
        }


class StructurePage(SectionPage):
    """«Структура и органы управления» (``/sveden/struct/``): bodies, units, branches."""

    legal_slug = "struct"

    class Meta:
        verbose_name = _("структура и органы управления")

    def section_context(self, request):
        from .snippets import Branch, GoverningBody

        branches = list(self.snippets(Branch).select_related("regulation__document"))
        return {
            "bodies": list(self.snippets(GoverningBody).select_related("regulation__document")),
            "filials": [branch for branch in branches if branch.kind == "filInfo"],
            "representations": [branch for branch in branches if branch.kind == "repInfo"],
        }


DOCUMENT_ITEMPROPS = [item.itemprop for item in requirements.subsection("document").items]


class DocumentsPage(SectionPage):
    """«Документы» (``/sveden/document/``): charter, local acts, reports, prescriptions."""

    legal_slug = "document"

    class Meta:
        verbose_name = _("документы")

    def section_context(self, request):
        docs = self.documents(*DOCUMENT_ITEMPROPS, "local_act", "catering")
        return {
            "doc_rows": [
                (item, docs[item.itemprop]) for item in requirements.subsection("document").items
            ],
            "other_acts": docs["local_act"] + docs["catering"],
        }


class EducationPage(SectionPage):
    """«Образование» (``/sveden/education/``): programmes with their documents."""

    legal_slug = "education"

    class Meta:
        verbose_name = _("образование")

    def section_context(self, request):
        from .documents import SignedDocument
        from .snippets import EducationProgramme

        programmes = list(self.snippets(EducationProgramme))
        page_kinds = ["languageEl", "eduChislenEl", "eduPerevodEl"]
        # The page's own documents and every programme's documents in one query: a
        # programme document comes once per programme it belongs to, with its role.
        documents = (
            for_locale(SignedDocument.objects.all(), self.locale_id)
            .filter(Q(kind__in=page_kinds) | Q(programme_links__isnull=False))
            .annotate(
                link_programme=F("programme_links__programme_id"),
                link_role=F("programme_links__role"),
            )
            .select_related("document")
            .order_by("programme_links__sort_order", "sort_order")
        )
        docs = {kind: [] for kind in page_kinds}
        roles = {programme.pk: {} for programme in programmes}
        for document in documents:
            if document.link_programme in roles:
                roles[document.link_programme].setdefault(document.link_role, []).append(document)
            elif document.kind in docs and document.link_programme is None:
                docs[document.kind].append(document)
        return {
            "programmes": [(programme, roles[programme.pk]) for programme in programmes],
            "accredited": [programme for programme in programmes if programme.accredited],
            "docs": docs,
        }


class StandardsPage(SectionPage):
    """«Образовательные стандарты и требования» (``/sveden/eduStandarts/``)."""

    legal_slug = "eduStandarts"

    class Meta:
        verbose_name = _("образовательные стандарты")

    def section_context(self, request):
        from .snippets import STANDARD_KIND_CHOICES, STANDARD_NONE, EducationStandard

        grouped = {kind: [] for kind, _label in STANDARD_KIND_CHOICES}
        for standard in self.snippets(EducationStandard).select_related("document__document"):
            grouped[standard.kind].append(standard)
        return {
            "standards": [
                (kind, label, grouped[kind], STANDARD_NONE[kind])
                for kind, label in STANDARD_KIND_CHOICES
            ]
        }


def staff_pages(locale_id):
    """Live, public portfolios of the locale, one query (an untranslated portfolio is
    there as wagtail-localize's English alias).

    Privacy is part of the same query: a portfolio under any page with a view
    restriction (its own included) is left out, so private pages never appear.
    """
    from wagtail.models import PageViewRestriction

    from teachers.models import TeacherPage

    restricted = PageViewRestriction.objects.filter(
        page__path=Left(OuterRef("path"), Length("page__path"))
    )
    return TeacherPage.objects.live().filter(Q(locale_id=locale_id) & ~Exists(restricted))


class ManagementPage(SectionPage):
    """«Руководство» (``/sveden/managers/``): from the portfolios marked as management."""

    legal_slug = "managers"

    class Meta:
        verbose_name = _("руководство")

    def section_context(self, request):
        managers = list(
            staff_pages(self.locale_id)
            .exclude(manager_role="")
            .only(
                "id",
                "path",
                "depth",
                "title",
                "url_path",
                "locale_id",
                "manager_role",
                "manager_post",
                "position",
                "work_phone",
                "work_email",
            )
            .order_by("title")
        )
        return {
            "director": [page for page in managers if page.manager_role == "director"],
            "deputies": sorted(
                (page for page in managers if page.manager_role == "deputy"),
                key=lambda page: page.manager_post,
            ),
            "branch_heads": [page for page in managers if page.manager_role == "branch"],
        }


class TeachingStaffPage(SectionPage):
    """«Педагогический состав» (``/sveden/employees/``): one row per portfolio.

    A teacher who corrects their portfolio (education, courses, programmes) changes
    this table with the next publish; five queries whatever the number of teachers.
    """

    legal_slug = "employees"

    class Meta:
        verbose_name = _("педагогический состав")

    def section_context(self, request):
        teachers = list(
            staff_pages(self.locale_id)
            .filter(in_teaching_staff=True)
            .defer_streamfields()
            .order_by("title")
        )
        since = timezone.localdate().year - 3
        facts = staff_facts([teacher.pk for teacher in teachers])
        english = (get_language() or "").startswith("en")
        localized = {}
        if english:
            # Programmes are picked in Russian; show their translation where there is one.
            from .snippets import EducationProgramme

            localized = {
                str(programme.translation_key): programme.name
                for programme in self.snippets(EducationProgramme)
            }
        rows = []
        for teacher in teachers:
            mine = facts.get(teacher.pk, [])
            subjects = [
                (fact["extra"] if english and fact["extra"] else fact["text"])
                for fact in mine
                if fact["tag"] == "subject"
            ]
            subjects += [
                name.strip() for name in teacher.extra_disciplines.split(",") if name.strip()
            ]
            rows.append(
                {
                    "page": teacher,
                    "subjects": subjects,
                    "qualification": [
                        fact
                        for fact in mine
                        if fact["tag"] == "qualification" and fact["year"] >= since
                    ],
                    "retraining": [fact for fact in mine if fact["tag"] == "retraining"],
                    "programmes": [
                        localized.get(fact["extra"], fact["text"])
                        for fact in mine
                        if fact["tag"] == "programme"
                    ],
                }
            )
        return {"staff": rows, "courses_since": since}


def staff_facts(page_ids):
    """{page id: [fact]} of the portfolios' subjects, programmes and courses — one query.

    A UNION of the three relations keeps the employees page within its query budget
    whatever the number of teachers. A fact is a dict: tag ("subject", "programme",
    "qualification", "retraining"), text, extra (English name / translation key /
    organisation), year, hours, order.
    """
    from teachers.models import ProfessionalCourse, TeacherPage

    if not page_ids:
        return {}
    text = CharField()
    subjects = (
        TeacherPage.subjects.through.objects.filter(teacherpage_id__in=page_ids)
        .annotate(
            f_owner=F("teacherpage_id"),
            f_tag=Value("subject", output_field=text),
            f_text=Cast("subject__name", text),
            f_extra=Cast("subject__name_en", text),
            f_year=Value(0, output_field=IntegerField()),
            f_hours=Value(0, output_field=IntegerField()),
            f_order=F("subject__sort_order"),
        )
        .values("f_owner", "f_tag", "f_text", "f_extra", "f_year", "f_hours", "f_order")
        # SQLite allows no ORDER BY inside a UNION (the models have a default one).
        .order_by()
    )
    programmes = (
        TeacherPage.programmes.through.objects.filter(teacherpage_id__in=page_ids)
        .annotate(
            f_owner=F("teacherpage_id"),
            f_tag=Value("programme", output_field=text),
            f_text=Cast("educationprogramme__name", text),
            f_extra=Cast("educationprogramme__translation_key", text),
            f_year=Value(0, output_field=IntegerField()),
            f_hours=Value(0, output_field=IntegerField()),
            f_order=F("educationprogramme__sort_order"),
        )
        .values("f_owner", "f_tag", "f_text", "f_extra", "f_year", "f_hours", "f_order")
        # SQLite allows no ORDER BY inside a UNION (the models have a default one).
        .order_by()
    )
    courses = (
        ProfessionalCourse.objects.filter(page_id__in=page_ids)
        .annotate(
            f_owner=F("page_id"),
            f_tag=Cast("kind", text),
            f_text=Cast("title", text),
            f_extra=Cast("organisation", text),
            f_year=F("year"),
            f_hours=Coalesce("hours", Value(0)),
            f_order=Coalesce("sort_order", Value(0)),
        )
        .values("f_owner", "f_tag", "f_text", "f_extra", "f_year", "f_hours", "f_order")
        # SQLite allows no ORDER BY inside a UNION (the models have a default one).
        .order_by()
    )
    grouped = {}
    for row in subjects.union(programmes, courses, all=True):
        fact = {key.removeprefix("f_"): value for key, value in row.items()}
        grouped.setdefault(fact["owner"], []).append(fact)
    for facts in grouped.values():
        facts.sort(key=lambda fact: (fact["tag"], -fact["year"], fact["order"], fact["text"]))
    return grouped


class FacilitiesPage(SectionPage):
    """«Материально-техническое обеспечение… Доступная среда» (``/sveden/objects/``)."""

    legal_slug = "objects"

    ovz = models.TextField(_("беспрепятственный доступ в здания"), blank=True)
    purpose_facil = models.TextField(_("средства обучения и воспитания"), blank=True)
    purpose_facil_ovz = models.TextField(
        _("приспособленные средства обучения и воспитания"), blank=True
    )
    com_net = models.TextField(_("доступ к информационным системам и сетям"), blank=True)
    com_net_ovz = models.TextField(
        _("доступ к приспособленным информационным системам и сетям"), blank=True
    )
    tech_ovz = models.TextField(_("специальные технические средства обучения"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("purpose_facil"),
                FieldPanel("com_net"),
                InlinePanel("resources", label=_("Электронный ресурс")),
            ],
            heading=_("Оснащённость"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("ovz"),
                FieldPanel("purpose_facil_ovz"),
                FieldPanel("com_net_ovz"),
                FieldPanel("tech_ovz"),
            ],
            heading=_("Доступная среда"),
        ),
        FieldPanel("extra"),
    ]

    class Meta:
        verbose_name = _("материально-техническое обеспечение")

    TEXT_ITEMS = [
        ("ovz", "ovz"),
        ("purposeFacil", "purpose_facil"),
        ("purposeFacilOvz", "purpose_facil_ovz"),
        ("comNet", "com_net"),
        ("comNetOvz", "com_net_ovz"),
        ("techOvz", "tech_ovz"),
    ]

    def section_context(self, request):
        from .snippets import Facility

        grouped = {"purposeCab": [], "purposePrac": [], "purposeLibr": [], "purposeSport": []}
        for facility in self.snippets(Facility).filter(kind__in=list(grouped)):
            grouped[facility.kind].append(facility)
        resources = list(self.resources.all())
        return {
            "facilities": grouped,
            "texts": [
                (itemprop, requirements.subsection("objects"), getattr(self, field))
                for itemprop, field in self.TEXT_ITEMS
            ],
            "resources": [link for link in resources if not link.adapted],
            "adapted_resources": [link for link in resources if link.adapted],
        }


class ResourceLink(Orderable):
    """An electronic educational resource pupils have access to (erList / erListOvz)."""

    page = ParentalKey(FacilitiesPage, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(_("название"), max_length=200)
    url = models.URLField(_("адрес"))
    adapted = models.BooleanField(_("приспособлен для инвалидов и лиц с ОВЗ"), default=False)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("adapted")]


class GrantsPage(SectionPage):
    """«Стипендии и меры поддержки обучающихся» (``/sveden/grants/``)."""

    legal_slug = "grants"

    grant_text = models.TextField(
        _("стипендии"),
        blank=True,
        default=_("Стипендии обучающимся по программам общего образования не предусмотрены."),
    )

    content_panels = [*Page.content_panels, FieldPanel("grant_text"), FieldPanel("extra")]

    class Meta:
        verbose_name = _("стипендии и меры поддержки")

    def section_context(self, request):
        from .snippets import SupportMeasure

        return {"measures": list(self.snippets(SupportMeasure))}


class PaidServicesPage(SectionPage):
    """«Платные образовательные услуги» (``/sveden/paid_edu/``)."""

    legal_slug = "paid_edu"

    class Meta:
        verbose_name = _("платные образовательные услуги")

    def section_context(self, request):
        from .snippets import PaidService

        return {
            "services": list(self.snippets(PaidService)),
            "docs": self.documents("paidEdu", "paidDog", "paidSt", "paidParents"),
        }


class BudgetPage(SectionPage):
    """«Финансово-хозяйственная деятельность» (``/sveden/budget/``)."""

    legal_slug = "budget"

    class Meta:
        verbose_name = _("финансово-хозяйственная деятельность")

    def section_context(self, request):
        from .snippets import BudgetReport

        reports = list(BudgetReport.objects.all()[:5])
        return {
            "latest": reports[0] if reports else None,
            "reports": reports,
            "docs": self.documents("finPlanDocLink"),
        }


class VacanciesPage(SectionPage):
    """«Вакантные места для приёма (перевода)» (``/sveden/vacant/``)."""

    legal_slug = "vacant"

    class Meta:
        verbose_name = _("вакантные места")

    def section_context(self, request):
        from .snippets import VacantPlaces

        vacancies = list(
            VacantPlaces.objects.select_related("programme").order_by(
                "grade", "programme__sort_order"
            )
        )
        return {
            "vacancies": vacancies,
            "as_of": max((row.as_of for row in vacancies), default=None),
        }


class InternationalPage(SectionPage):
    """«Международное сотрудничество» (``/sveden/inter/``)."""

    legal_slug = "inter"

    class Meta:
        verbose_name = _("международное сотрудничество")

    def section_context(self, request):
        from .snippets import InternationalAgreement

        return {"agreements": list(self.snippets(InternationalAgreement))}


class CateringPage(SectionPage):
    """«Организация питания» (``/sveden/catering/``): canteen, health, menus.

    Lists the menu files of the ``/food/`` folder (the last two weeks and the next
    days, the typical menu, the calendar) for parents.
    """

    legal_slug = "catering"

    meals_text = models.TextField(
        _("условия питания"),
        blank=True,
        help_text=_("Режим питания, бесплатное питание, родительский контроль."),
    )
    health = models.TextField(_("условия охраны здоровья обучающихся"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("meals_text"),
        FieldPanel("health"),
        FieldPanel("extra"),
    ]

    class Meta:
        verbose_name = _("организация питания")

    def section_context(self, request):
        from .food import MenuFile
        from .snippets import Facility

        today = timezone.localdate()
        menus = list(
            MenuFile.objects.filter(
                Q(
                    kind="daily",
                    date__gte=today - datetime.timedelta(days=14),
                    date__lte=today + datetime.timedelta(days=14),
                )
                | Q(kind__in=["typical", "calendar"], year__gte=today.year - 1)
            ).order_by("-date", "-year", "name")
        )
        return {
            "canteens": list(self.snippets(Facility).filter(kind__in=["meals", "health"])),
            "daily_menus": [menu for menu in menus if menu.kind == "daily"],
            "yearly_menus": [menu for menu in menus if menu.kind != "daily"],
            "today": today,
        }
