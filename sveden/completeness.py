"""The completeness check of «Сведения об ОО»: what is missing or out of date.

The school editor sees the list under Reports → «Полнота сведений об ОО» and its count
on the dashboard. Every check reads the structured data (settings, snippets,
portfolios, menu files), not the rendered pages, and says where to fix it. The
Russian rows are checked: they are the legal version.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from . import requirements

# Our own rule, not the law's: vacancies change all year, a month-old table misleads.
VACANCIES_MAX_AGE_DAYS = 31
# A portfolio nobody published for a year probably shows last year's experience.
PORTFOLIO_MAX_AGE_DAYS = 365

# Document kinds every general-education school must place (with no "none" allowed).
REQUIRED_DOCUMENT_KINDS = [
    "licenseDocLink",
    "ustavDocLink",
    "localActStud",
    "localActOrder",
    "reportEduDocLink",
    "priemDocLink",
    "modeDocLink",
    "tekKontrolDocLink",
    "perevodDocLink",
    "vozDocLink",
    "languageEl",
    "eduChislenEl",
    "eduPerevodEl",
    "finPlanDocLink",
]
PAID_DOCUMENT_KINDS = ["paidEdu", "paidDog", "paidSt"]

SETTINGS_FIELDS = [
    ("name", "fullName"),
    ("short_name", "shortName"),
    ("registration_date", "regDate"),
    ("address", "address"),
    ("working_hours", "workTime"),
    ("phone", "telephone"),
    ("email", "email"),
    ("license_number", "licenseDocLink"),
]


@dataclass
class Problem:
    subsection: str
    item: str
    message: str
    obj: object = None
    url: str = ""

    @property
    def subsection_title(self):
        spec = requirements.BY_SLUG.get(self.subsection)
        return spec.title if spec else _("Раздел")


def _ru(queryset):
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE.split("-")[0])


def _field_label(model, name):
    return str(model._meta.get_field(name).verbose_name)


class Checker:
    def __init__(self, site=None, today=None):
        self.today = today or timezone.localdate()
        self.site = site
        self.problems = []

    def add(self, subsection, item, message, obj=None):
        self.problems.append(Problem(subsection, item, message, obj))

    def run(self):
        from .models import SchoolInfoIndexPage

        index = _ru(SchoolInfoIndexPage.objects.all()).first()
        if index is None:
            self.add("", "/sveden/", _("Нет раздела «Сведения об образовательной организации»."))
        else:
            self.check_pages(index)
        self.check_settings()
        self.check_founders()
        self.check_bodies()
        self.check_documents()
        self.check_programmes()
        self.check_standards()
        self.check_staff()
        self.check_facilities(index)
        self.check_support()
        self.check_budget()
        self.check_vacancies()
        self.check_catering(index)
        return self.problems

    def check_pages(self, index):
        if not index.live:
            self.add("", "/sveden/", _("Раздел не опубликован."), index)
        children = {page.slug: page for page in index.get_children()}
        for spec in requirements.SUBSECTIONS:
            page = children.get(spec.slug)
            if page is None:
                self.add(spec.slug, spec.path, _("Подраздел не создан."), index)
            elif not page.live:
                self.add(spec.slug, spec.path, _("Подраздел не опубликован."), page)

    def check_settings(self):
        from portal.models import SchoolSettings

        school = SchoolSettings.for_site(self.site) if self.site else SchoolSettings.objects.first()
        if school is None:
            self.add("common", "SchoolSettings", _("Не заполнены сведения о школе."))
            return
        for field, itemprop in SETTINGS_FIELDS:
            if not getattr(school, field):
                self.add(
                    "common",
                    itemprop,
                    _("Не заполнено поле «%(field)s» в настройках «Сведения о школе».")
                    % {"field": _field_label(SchoolSettings, field)},
                    school,
                )

    def check_founders(self):
        from .models import Founder

        if not _ru(Founder.objects.all()).exists():
            self.add("common", "uchredLaw", _("Не указан учредитель."))

    def check_bodies(self):
        from .models import GoverningBody

        bodies = list(_ru(GoverningBody.objects.all()).select_related("regulation"))
        if not bodies:
            self.add("struct", "structOrgUprav", _("Не указаны органы управления."))
        for body in bodies:
            if body.regulation is None:
                self.add(
                    "struct",
                    "divisionClauseDocLink",
                    _("«%(name)s»: не приложено положение.") % {"name": body.name},
                    body,
                )

    def check_documents(self):
        from .models import PaidService, SignedDocument

        documents = list(_ru(SignedDocument.objects.all()).select_related("document"))
        kinds = {document.kind for document in documents}
        required = list(REQUIRED_DOCUMENT_KINDS)
        if _ru(PaidService.objects.all()).exists():
            required += PAID_DOCUMENT_KINDS
        titles = {itemprop: title for itemprop, title, _slug in requirements.document_kinds()}
        slugs = {itemprop: slug for itemprop, _title, slug in requirements.document_kinds()}
        for kind in required:
            if kind not in kinds:
                self.add(
                    slugs.get(kind, "document"),
                    kind,
                    _("Не размещён документ: %(title)s.") % {"title": titles.get(kind, kind)},
                )
        for document in documents:
            slug = slugs.get(document.kind, "document")
            if not document.url:
                self.add(
                    slug,
                    document.kind,
                    _("«%(title)s»: файл удалён, ссылка не работает.") % {"title": document.title},
                    document,
                )
            if document.is_out_of_date(self.today):
                self.add(
                    slug,
                    document.kind,
                    _("«%(title)s»: срок пересмотра истёк %(date)s.")
                    % {"title": document.title, "date": f"{document.review_date:%d.%m.%Y}"},
                    document,
                )

    def check_programmes(self):
        from .models import EducationProgramme, ProgrammeDocument
        from .models.snippets import PROGRAMME_DOCUMENT_ROLES, REQUIRED_PROGRAMME_ROLES

        programmes = list(
            _ru(EducationProgramme.objects.all()).prefetch_related(
                Prefetch("documents", queryset=ProgrammeDocument.objects.select_related("document"))
            )
        )
        if not programmes:
            self.add("education", "eduOp", _("Не указаны образовательные программы."))
        labels = dict(PROGRAMME_DOCUMENT_ROLES)
        for programme in programmes:
            if not programme.accredited:
                continue
            roles = programme.documents_by_role()
            for role in REQUIRED_PROGRAMME_ROLES:
                if role not in roles:
                    self.add(
                        "education",
                        role,
                        _("«%(programme)s»: нет документа «%(role)s».")
                        % {"programme": programme.name, "role": labels[role]},
                        programme,
                    )

    def check_standards(self):
        from .models import EducationStandard

        if not _ru(EducationStandard.objects.filter(kind="eduFedDoc")).exists():
            self.add("eduStandarts", "eduFedDoc", _("Не указаны применяемые ФГОС."))

    def check_staff(self):
        from teachers.models import ProfessionalCourse, TeacherPage

        teachers = list(
            _ru(TeacherPage.objects.live())
            .defer_streamfields()
            .prefetch_related(
                "subjects",
                "programmes",
                Prefetch("courses", queryset=ProfessionalCourse.objects.all()),
            )
            .order_by("title")
        )
        if not any(teacher.manager_role == "director" for teacher in teachers):
            self.add(
                "managers", "rucovodstvo", _("Ни одно портфолио не отмечено как руководитель.")
            )
        since = self.today.year - 3
        stale = timezone.now() - datetime.timedelta(days=PORTFOLIO_MAX_AGE_DAYS)
        for teacher in teachers:
            name = teacher.title
            if teacher.manager_role and not (teacher.work_phone and teacher.work_email):
                self.add(
                    "managers",
                    "telephone",
                    _("%(name)s: у руководителя не указан рабочий телефон или e-mail.")
                    % {"name": name},
                    teacher,
                )
            if not teacher.in_teaching_staff:
                continue
            missing = []
            if not teacher.position:
                missing.append(_field_label(TeacherPage, "position"))
            if not teacher.subjects.all() and not teacher.extra_disciplines.strip():
                missing.append(_field_label(TeacherPage, "subjects"))
            for field in ("education_level", "education_specialty", "education_qualification"):
                if not getattr(teacher, field):
                    missing.append(_field_label(TeacherPage, field))
            if teacher.teaching_experience is None:
                missing.append(_field_label(TeacherPage, "teaching_experience"))
            if not teacher.programmes.all():
                missing.append(_field_label(TeacherPage, "programmes"))
            if missing:
                self.add(
                    "employees",
                    "teachingStaff",
                    _("%(name)s: в портфолио не заполнено: %(fields)s.")
                    % {"name": name, "fields": ", ".join(missing)},
                    teacher,
                )
            recent = [
                course
                for course in teacher.courses.all()
                if course.kind == "qualification" and course.year >= since
            ]
            if not recent:
                self.add(
                    "employees",
                    "qualification",
                    _("%(name)s: нет повышения квалификации за последние три года.")
                    % {"name": name},
                    teacher,
                )
            if teacher.last_published_at and teacher.last_published_at < stale:
                self.add(
                    "employees",
                    "specExperience",
                    _("%(name)s: портфолио не обновлялось больше года — проверьте стаж.")
                    % {"name": name},
                    teacher,
                )

    def check_facilities(self, index):
        from .models import FacilitiesPage, Facility

        kinds = set(_ru(Facility.objects.all()).values_list("kind", flat=True))
        for kind, item in [
            ("purposeCab", "purposeCab"),
            ("purposeLibr", "purposeLibr"),
            ("purposeSport", "purposeSport"),
            ("meals", "meals"),
        ]:
            if kind not in kinds:
                slug = "catering" if kind == "meals" else "objects"
                self.add(
                    slug,
                    item,
                    _("Нет ни одного объекта вида «%(kind)s».")
                    % {"kind": dict(Facility._meta.get_field("kind").choices)[kind]},
                )
        page = index and FacilitiesPage.objects.child_of(index).first()
        if page is None:
            return
        for itemprop, field in FacilitiesPage.TEXT_ITEMS:
            if not getattr(page, field).strip():
                self.add(
                    "objects",
                    itemprop,
                    _("Не заполнено: «%(field)s».")
                    % {"field": _field_label(FacilitiesPage, field)},
                    page,
                )
        if not page.resources.exists():
            self.add(
                "objects", "erList", _("Не указаны электронные образовательные ресурсы."), page
            )

    def check_support(self):
        from .models import SupportMeasure

        if not _ru(SupportMeasure.objects.all()).exists():
            self.add("grants", "support", _("Не указаны меры социальной поддержки обучающихся."))

    def check_budget(self):
        from .models import BudgetReport

        year = self.today.year - 1
        if not BudgetReport.objects.filter(year=year).exists():
            self.add(
                "budget",
                "volume",
                _("Нет финансового отчёта за %(year)s год.") % {"year": year},
            )

    def check_vacancies(self):
        from .models import VacantPlaces

        latest = VacantPlaces.objects.order_by("-as_of").values_list("as_of", flat=True).first()
        if latest is None:
            self.add("vacant", "vacant", _("Не указаны вакантные места."))
        elif (self.today - latest).days > VACANCIES_MAX_AGE_DAYS:
            self.add(
                "vacant",
                "vacant",
                _("Вакантные места указаны на %(date)s — обновите.")
                % {"date": f"{latest:%d.%m.%Y}"},
            )

    def check_catering(self, index):
        from .models import CateringPage, MenuFile

        page = index and CateringPage.objects.child_of(index).first()
        if page is not None and not page.health.strip():
            self.add("catering", "health", _("Не заполнены условия охраны здоровья."), page)
        next_day = self.today + datetime.timedelta(days=1)
        while next_day.weekday() >= 5:
            next_day += datetime.timedelta(days=1)
        names = set(MenuFile.objects.values_list("name", flat=True))
        if not any(name.startswith(f"{next_day:%Y-%m-%d}-") for name in names):
            self.add(
                "catering",
                "food",
                _("Нет меню на ближайший учебный день (%(date)s) в папке /food/.")
                % {"date": f"{next_day:%d.%m.%Y}"},
            )
        year = self.today.year
        if not any(name.startswith(f"tm{year}-") for name in names):
            self.add(
                "catering", "food", _("Нет типового меню tm%(year)s-sm.xlsx.") % {"year": year}
            )
        if not any(name.startswith(f"kp{year}") for name in names):
            self.add(
                "catering", "food", _("Нет календаря питания kp%(year)s.xlsx.") % {"year": year}
            )


def find_problems(site=None, today=None, user=None):
    """Every problem, each with an admin URL where ``user`` may fix it."""
    problems = Checker(site=site, today=today).run()
    finder = AdminURLFinder(user) if user is not None else None
    for problem in problems:
        target = problem.obj
        if finder is not None and target is not None:
            if isinstance(target, Page):
                target = (
                    target.specific_deferred if hasattr(target, "specific_deferred") else target
                )
            problem.url = finder.get_edit_url(target) or ""
    return problems
