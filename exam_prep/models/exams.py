"""The exam hub («ГИА и ЕГЭ») and one page per exam with its dates and scoring."""

import datetime
import itertools
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from exam_prep.blocks import DOCUMENT_KINDS, OfficialDocumentBlock, ScoreRowBlock
from exam_prep.choices import EXAM_DAY_KINDS, ExamKind, ExamLevel, KeyDateKind
from exam_prep.variant import render_variant
from portal.blocks import StudyStreamBlock
from portal.models import IntroductionMixin
from portal.queries import LocaleQuerySet, not_view_restricted
from search.facets import SearchFacets, Section

# Exams and their tasks in the search filters.
SEARCH_SECTION = Section("exams", _("Подготовка к экзаменам"), order=20)

# How many upcoming exam dates the hub lists.
NEAREST_DATES = 8


@dataclass
class Countdown:
    """Where "today" stands relative to an exam: the next exam day and days left."""

    date: datetime.date | None
    days: int | None
    passed: bool


def countdown_to(dates, today):
    """A ``Countdown`` to the first of ``dates`` (exam days) that is not before ``today``."""
    dates = sorted(dates)
    upcoming = [day for day in dates if day >= today]
    if upcoming:
        return Countdown(date=upcoming[0], days=(upcoming[0] - today).days, passed=False)
    return Countdown(date=None, days=None, passed=bool(dates))


class ExamQuerySet(LocaleQuerySet):
    """Exams; ``for_locale()`` keeps one locale's."""


ExamPageManager = PageManager.from_queryset(ExamQuerySet)


class ExamPrepIndexPage(IntroductionMixin, Page):
    """«ГИА и ЕГЭ»: the exam-preparation hub, exams grouped by kind and subject.

    Sits under the home page, one per language (``max_count_per_parent``: a plain
    ``max_count`` would count the English translation too); its children are the
    exam pages. Shows the nearest exam
    days with a countdown and, once the events app is merged, the consultations
    (context key ``consultations``).
    """

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["exam_prep.ExamPage"]
    # One per language: the home page of each locale has its own.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("раздел «ГИА и ЕГЭ»")
        verbose_name_plural = _("разделы «ГИА и ЕГЭ»")

    def exams(self):
        """Live, public exams of this hub (in English, aliases of untranslated ones)."""
        return (
            ExamPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .defer_streamfields()
            .select_related("subject")
            .prefetch_related("key_dates")
            .order_by("kind", "subject__sort_order", "level", "-year", "title")
        )

    @staticmethod
    def group_exams(exams):
        """``[{"kind", "label", "subjects": [{"subject", "exams": [...]}]}]`` in order."""
        groups = []
        for exam in exams:
            if not groups or groups[-1]["kind"] != exam.kind:
                groups.append({"kind": exam.kind, "label": exam.get_kind_display(), "subjects": []})
            subjects = groups[-1]["subjects"]
            if not subjects or subjects[-1]["subject"].pk != exam.subject_id:
                subjects.append({"subject": exam.subject, "exams": []})
            subjects[-1]["exams"].append(exam)
        order = [kind.value for kind in ExamKind]
        groups.sort(key=lambda group: order.index(group["kind"]))
        return groups

    @staticmethod
    def nearest_dates(exams, today, limit=NEAREST_DATES):
        """Upcoming exam days of ``exams`` (prefetched key dates), soonest first."""
        dates = [
            {"exam": exam, "key_date": key_date, "days": (key_date.date - today).days}
            for exam in exams
            for key_date in exam.key_dates.all()
            if key_date.kind in EXAM_DAY_KINDS and key_date.date >= today
        ]
        dates.sort(key=lambda item: (item["key_date"].date, item["exam"].title))
        return dates[:limit]

    def consultations(self):
        """Upcoming consultation events of every subject (events app)."""
        from events.board import upcoming_consultations

        return upcoming_consultations(self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        exams = list(self.exams())
        for exam in exams:
            exam.countdown = countdown_to(exam.exam_days(), today)
        context.update(
            today=today,
            exam_groups=self.group_exams(exams),
            nearest_dates=self.nearest_dates(exams, today),
            consultations=self.consultations(),
        )
        return context


class ExamPage(RoutablePageMixin, IntroductionMixin, Page):
    """One exam of one year («ЕГЭ по математике, профильный уровень, 2027»).

    Sits under the «ГИА и ЕГЭ» hub; its children are the task pages (one per task
    number). Carries the dates with a countdown, the format, the scoring table and
    the official documents, shows the task-number grid, and serves a practice variant
    at ``variant/`` (graded by a form POST to ``exam_prep.views.check_variant``).

    The subject is a ``portal.Subject`` (so filters by subject work site-wide); the
    page links to the live subject section of that subject in its language.
    """

    kind = models.CharField(_("экзамен"), max_length=3, choices=ExamKind.choices)
    subject = models.ForeignKey(
        "portal.Subject",
        verbose_name=_("предмет"),
        on_delete=models.PROTECT,
        related_name="exam_pages",
    )
    level = models.CharField(
        _("уровень"),
        max_length=10,
        choices=ExamLevel.choices,
        blank=True,
        help_text=_("Только где экзамен делится на уровни: ЕГЭ по математике."),
    )
    year = models.PositiveSmallIntegerField(
        _("год"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("продолжительность, минут"), null=True, blank=True
    )
    allowed_materials = models.TextField(
        _("что можно взять на экзамен"),
        blank=True,
        max_length=1000,
        help_text=_("Например: линейка без справочной информации, справочные материалы в КИМ."),
    )
    max_primary_score = models.PositiveSmallIntegerField(
        _("максимальный первичный балл"), validators=[MinValueValidator(1)]
    )
    scoring = StreamField(
        [("row", ScoreRowBlock())],
        blank=True,
        verbose_name=_("шкала перевода баллов"),
        help_text=_("По строке на каждый первичный балл от 0 до максимального, по возрастанию."),
    )
    documents = StreamField(
        [("document", OfficialDocumentBlock())],
        blank=True,
        verbose_name=_("официальные документы"),
        help_text=_("Спецификация, кодификатор, демоверсия — файлом или ссылкой на ФИПИ."),
    )
    body = StreamField(StudyStreamBlock(), blank=True, verbose_name=_("об экзамене"))

    objects = ExamPageManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("level"), FieldPanel("year")]),
                FieldPanel("subject"),
                FieldPanel("introduction"),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("max_primary_score")]),
                FieldPanel("allowed_materials"),
            ],
            heading=_("Об экзамене"),
        ),
        InlinePanel("key_dates", heading=_("Даты"), label=_("Дата")),
        FieldPanel("scoring"),
        FieldPanel("documents"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.RelatedFields("subject", [index.SearchField("name")]),
    ]
    search_section = SEARCH_SECTION

    parent_page_types = ["exam_prep.ExamPrepIndexPage"]
    subpage_types = ["exam_prep.ExamTaskPage"]

    class Meta:
        verbose_name = _("экзамен")
        verbose_name_plural = _("экзамены")

    # Validation ---------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = self.scoring_errors()
        if errors:
            raise ValidationError({"scoring": errors})

    def scoring_errors(self):
        """What is wrong with the scoring table (empty list when it is fine or empty)."""
        rows = self.score_rows()
        if not rows:
            return []
        errors = []
        primaries = [primary for primary, _test in rows]
        expected = list(range((self.max_primary_score or 0) + 1))
        if primaries != expected:
            errors.append(
                _(
                    "Нужна ровно одна строка на каждый первичный балл от 0 до %(max)s "
                    "по возрастанию; сейчас: %(got)s."
                )
                % {"max": self.max_primary_score or 0, "got": ", ".join(map(str, primaries))}
            )
        for (primary, test), (_next_primary, next_test) in itertools.pairwise(rows):
            if next_test < test:
                errors.append(
                    _(
                        "Баллы по шкале не могут убывать: после %(test)s (за %(primary)s) "
                        "идёт %(next)s."
                    )
                    % {"test": test, "primary": primary, "next": next_test}
                )
                break
        if self.kind in (ExamKind.OGE, ExamKind.GVE) and any(
            not 2 <= test <= 5 for _primary, test in rows
        ):
            errors.append(_("Для ОГЭ и ГВЭ шкала переводит баллы в отметки от 2 до 5."))
        return errors

    # Data ---------------------------------------------------------------------------

    def score_rows(self):
        return [
            (block.value.get("primary"), block.value.get("test"))
            for block in self.scoring
            if block.block_type == "row"
            and block.value.get("primary") is not None
            and block.value.get("test") is not None
        ]

    def test_score(self, primary):
        """The test score (ЕГЭ) or mark (ОГЭ, ГВЭ) for ``primary``; None without a table."""
        table = dict(self.score_rows())
        if not table:
            return None
        if primary in table:
            return table[primary]
        return table[max(key for key in table if key <= primary)] if primary > 0 else table[0]

    @property
    def exam_grade(self):
        """The grade that sits this exam: ОГЭ after 9, ЕГЭ after 11, ГВЭ after either."""
        return {ExamKind.OGE: (9, None), ExamKind.EGE: (11, None)}.get(self.kind, (9, 11))

    def get_search_facets(self):
        grade_from, grade_to = self.exam_grade
        return SearchFacets(subjects=[self.subject_id], grade_from=grade_from, grade_to=grade_to)

    @property
    def uses_marks(self):
        """ОГЭ and ГВЭ convert primary scores into marks 2–5, ЕГЭ into test scores."""
        return self.kind in (ExamKind.OGE, ExamKind.GVE)

    @property
    def short_label(self):
        """«ЕГЭ, профильный уровень» — how exam tasks name their exam in cross-links."""
        label = self.get_kind_display()
        return f"{label}, {self.get_level_display()}" if self.level else str(label)

    def exam_days(self):
        return [
            key_date.date for key_date in self.key_dates.all() if key_date.kind in EXAM_DAY_KINDS
        ]

    def countdown(self, today=None):
        return countdown_to(self.exam_days(), today or timezone.localdate())

    @staticmethod
    def task_model():
        # By name, as subpage_types names it: the tasks module imports this one.
        return apps.get_model("exam_prep", "ExamTaskPage")

    def tasks(self):
        """Live, public task pages of this exam by number, for the grid (one query)."""
        return (
            self.task_model()
            .objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .defer_streamfields()
            .order_by("number")
        )

    def variant_tasks(self):
        """The tasks a practice variant draws from, with their practice problems."""
        return (
            self.task_model()
            .objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .defer("theory", "examples")
            .order_by("number")
        )

    def subject_page(self):
        """The live subject section of this exam's subject, in this page's language."""
        from subjects.models import SubjectPage

        return (
            SubjectPage.objects.live()
            .filter(not_view_restricted())
            .filter(subject_id=self.subject_id, locale_id=self.locale_id)
            .only("id", "path", "depth", "url_path", "title", "locale_id", "subject_id")
            .first()
        )

    def official_documents(self):
        """``[{"title", "url", "extension", "external"}]`` (files in one query)."""
        labels = dict(DOCUMENT_KINDS)
        links = []
        for block in self.documents:
            value = block.value
            title = value.get("title") or labels.get(value.get("kind"), "")
            document = value.get("document")
            if document is not None:
                links.append(
                    {
                        "title": title,
                        "url": document.url,
                        "extension": document.file_extension,
                        "external": False,
                    }
                )
            elif value.get("url"):
                links.append(
                    {"title": title, "url": value["url"], "extension": "", "external": True}
                )
        return links

    def consultations(self):
        """Upcoming consultation events in this exam's subject (events app)."""
        from events.board import upcoming_consultations

        return upcoming_consultations(self.locale, subject=self.subject_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        today = timezone.localdate()
        tasks = list(self.tasks())
        parts = []
        for task in tasks:
            if not parts or parts[-1]["part"] != task.part:
                parts.append({"part": task.part, "label": task.get_part_display(), "tasks": []})
            parts[-1]["tasks"].append(task)
        key_dates = list(self.key_dates.all())
        context.update(
            today=today,
            countdown=countdown_to(
                [item.date for item in key_dates if item.kind in EXAM_DAY_KINDS], today
            ),
            key_dates=key_dates,
            tasks=tasks,
            task_parts=parts,
            score_rows=self.score_rows(),
            subject_page=self.subject_page(),
            official_documents=self.official_documents(),
            consultations=self.consultations(),
        )
        return context

    # Routes -------------------------------------------------------------------------

    @path("")
    def exam(self, request):
        return self.render(request)

    @path("variant/")
    def variant(self, request):
        """The practice variant: GET shows it, grading is a POST to ``check_variant``."""
        return render_variant(self, request, self.variant_tasks(), request.GET.get("v"))


class ExamKeyDate(Orderable):
    """A key date of an exam: an exam day, a reserve day, an appeal deadline …"""

    page = ParentalKey(ExamPage, on_delete=models.CASCADE, related_name="key_dates")
    kind = models.CharField(_("что"), max_length=10, choices=KeyDateKind.choices)
    date = models.DateField(_("дата"))
    note = models.CharField(
        _("пояснение"),
        max_length=200,
        blank=True,
        help_text=_("Например: «по всем предметам» или «для выпускников прошлых лет»."),
    )

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("дата экзамена")
        verbose_name_plural = _("даты экзамена")
        ordering = ["date", "sort_order"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.date:%d.%m.%Y}"

    @property
    def is_exam_day(self):
        return self.kind in EXAM_DAY_KINDS
