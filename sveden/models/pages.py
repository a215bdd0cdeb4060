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
from django.db.models import Prefetch, Q
from django.http import HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.url_routing import RouteResult

from portal.blocks import RICH_TEXT_FEATURES

from .. import requirements
from ..queries import for_locale

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


def ordered_sections(pages):
    """Subsection links in the order of the law (editors may have moved them)."""
    order = {slug: number for number, slug in enumerate(requirements.SLUGS)}
    return sorted(pages, key=lambda page: order.get(page.slug, len(order)))


class SchoolInfoIndexPage(FixedSlugMixin, Page):
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
        # "/sveden/edustandarts/" → the legal "/sveden/eduStandarts/".
        if path_components:
            wanted = path_components[0]
            for slug in requirements.SLUGS:
                if wanted != slug and wanted.lower() == slug.lower():
                    child = self.get_children().filter(slug=slug).live().first()
                    if child is not None:
                        return RouteResult(child.specific, kwargs={"canonical_redirect": True})
        return super().route(request, path_components)

    def sections(self):
        return ordered_sections(self.get_children().live().public().only(*LINK_FIELDS))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = self.sections()
        context["sections"] = sections
        context["section_rows"] = [
            (page, requirements.BY_SLUG.get(page.slug)) for page in sections
        ]
        return context


class SectionPage(FixedSlugMixin, Page):
    """Base of the fourteen subsections: fixed slug, section navigation, microdata."""

    extra = RichTextField(
        _("дополнительные сведения"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Показывается после обязательных сведений."),
    )

    content_panels = [*Page.content_panels, FieldPanel("extra")]
    promote_panels = PROMOTE_PANELS

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
        """(the index page, its subsections in legal order) in one query."""
        parent_path = self.path[: -self.steplen]
        pages = (
            Page.objects.filter(
                Q(path=parent_path) | Q(path__startswith=parent_path, depth=self.depth)
            )
            .live()
            .public()
            .only(*LINK_FIELDS)
        )
        index = None
        sections = []
        for page in pages:
            if page.path == parent_path:
                index = page
            else:
                sections.append(page)
        return index, ordered_sections(sections)

    def section_context(self, request):
        """The subsection's own data; overridden by each subsection."""
        return {}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sveden_index"], context["sections"] = self.section_navigation()
        context.update(self.section_context(request))
        return context

    def documents(self, *kinds):
        """{kind: [SignedDocument, …]} of the page's language (one query)."""
        from .documents import SignedDocument

        grouped = {kind: [] for kind in kinds}
        queryset = for_locale(SignedDocument.objects.filter(kind__in=kinds), self.locale)
        for document in queryset.select_related("document"):
            grouped[document.kind].append(document)
        return grouped

    def snippets(self, model):
        return for_locale(model.objects.all(), self.locale)


class CommonInfoPage(SectionPage):
    """«Основные сведения» (``/sveden/common/``): names, founders, address, contacts.

    The requisites come from the school's settings (Settings → «Сведения о школе»),
    founders and places of activity from their snippets.
    """

    legal_slug = "common"

    class Meta:
        verbose_name = _("основные сведения")

    def section_context(self, request):
        from .snippets import ACTIVITY_PLACE_CHOICES, ACTIVITY_PLACE_NONE, ActivityPlace, Founder

        places = {kind: [] for kind, _label in ACTIVITY_PLACE_CHOICES}
        for place in self.snippets(ActivityPlace):
            places[place.kind].append(place)
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
        docs = self.documents(*DOCUMENT_ITEMPROPS, "local_act")
        return {
            "doc_rows": [
                (item, docs[item.itemprop]) for item in requirements.subsection("document").items
            ],
            "other_acts": docs["local_act"],
        }


class EducationPage(SectionPage):
    """«Образование» (``/sveden/education/``): programmes with their documents."""

    legal_slug = "education"

    class Meta:
        verbose_name = _("образование")

    def section_context(self, request):
        from .snippets import EducationProgramme, ProgrammeDocument

        programmes = list(
            self.snippets(EducationProgramme).prefetch_related(
                Prefetch(
                    "documents",
                    queryset=ProgrammeDocument.objects.select_related("document__document"),
                )
            )
        )
        return {
            "programmes": [(programme, programme.documents_by_role()) for programme in programmes],
            "accredited": [programme for programme in programmes if programme.accredited],
            "docs": self.documents("languageEl", "eduChislenEl", "eduPerevodEl"),
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


def staff_pages(locale):
    """Live, public portfolios of ``locale`` (or untranslated Russian ones)."""
    from portal.queries import with_locale_fallback
    from teachers.models import TeacherPage

    return with_locale_fallback(TeacherPage.objects.live().public(), locale)


class ManagementPage(SectionPage):
    """«Руководство» (``/sveden/managers/``): from the portfolios marked as management."""

    legal_slug = "managers"

    class Meta:
        verbose_name = _("руководство")

    def section_context(self, request):
        managers = list(
            staff_pages(self.locale)
            .exclude(manager_role="")
            .only("id", "path", "depth", "title", "url_path", "locale_id", "manager_role",
                  "manager_post", "position", "work_phone", "work_email")
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
        from teachers.models import ProfessionalCourse

        from .snippets import EducationProgramme

        since = timezone.localdate().year - 3
        teachers = list(
            staff_pages(self.locale)
            .filter(in_teaching_staff=True)
            .defer_streamfields()
            .prefetch_related(
                "subjects",
                "programmes",
                Prefetch(
                    "courses",
                    queryset=ProfessionalCourse.objects.order_by("-year", "sort_order"),
                ),
            )
            .order_by("title")
        )
        # Programmes are picked in Russian; show their translation where there is one.
        localized = {
            programme.translation_key: programme
            for programme in self.snippets(EducationProgramme)
        }
        rows = []
        for teacher in teachers:
            courses = list(teacher.courses.all())
            rows.append(
                {
                    "page": teacher,
                    "subjects": [subject.display_name for subject in teacher.subjects.all()]
                    + [
                        name.strip()
                        for name in teacher.extra_disciplines.split(",")
                        if name.strip()
                    ],
                    "qualification": [
                        course
                        for course in courses
                        if course.kind == "qualification" and course.year >= since
                    ],
                    "retraining": [course for course in courses if course.kind == "retraining"],
                    "programmes": [
                        localized.get(programme.translation_key, programme)
                        for programme in teacher.programmes.all()
                    ],
                }
            )
        return {"staff": rows, "courses_since": since}


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
        daily = list(
            MenuFile.objects.filter(
                kind="daily",
                date__gte=today - datetime.timedelta(days=14),
                date__lte=today + datetime.timedelta(days=14),
            ).order_by("-date", "name")
        )
        yearly = list(MenuFile.objects.exclude(kind="daily").order_by("-year", "kind")[:6])
        return {
            "canteens": list(self.snippets(Facility).filter(kind__in=["meals", "health"])),
            "daily_menus": daily,
            "yearly_menus": yearly,
            "today": today,
            "docs": self.documents("catering"),
        }
