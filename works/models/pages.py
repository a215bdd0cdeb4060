"""Students' works and photo reports: pages that go live only with a valid consent.

The publishing rule itself (form, ``clean()``, ``serve()``) is in ``consent_rules``;
this module has the page types, their querysets and the lookups the consent
handlers use (``dependent_pages``, ``hidden_page_ids``).
"""

from django import forms
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import DocumentBlock, GalleryBlock, VideoBlock, paragraph_block
from portal.models import IntroductionMixin
from portal.queries import not_view_restricted
from search.facets import SearchFacets, Section

from .consent_rules import (
    ConsentPageForm,
    ConsentRuleMixin,
    consent_problem,
    report_consent_problem,
)
from .consents import Consent, today, validate_first_name

KIND_CHOICES = [
    ("essay", _("сочинение")),
    ("drawing", _("рисунок")),
    ("project", _("проект")),
    ("research", _("исследовательская работа")),
    ("video", _("видео")),
    ("other", _("другое")),
]

PHOTO_LARGE = "max-1600x1200"
PHOTO_THUMB = "fill-400x300"

SEARCH_SECTION = Section("works", _("Творческие работы и фотоотчёты"), order=70)


class StudentWorkQuerySet(PageQuerySet):
    def with_valid_consent(self, on=None):
        return self.filter(consent__in=Consent.objects.valid(on))

    def without_valid_consent(self, on=None):
        return self.exclude(consent__in=Consent.objects.valid(on))

    def for_listing(self, on=None):
        return (
            self.live()
            .filter(not_view_restricted())
            .with_valid_consent(on)
            .select_related("author_class", "subject", "consent")
            .defer_streamfields()
        )


class PhotoReportQuerySet(PageQuerySet):
    def _problem_q(self, on=None):
        through = PhotoReportPage.consents.through
        any_consent = Exists(through.objects.filter(photoreportpage_id=OuterRef("pk")))
        invalid_consent = Exists(
            through.objects.filter(photoreportpage_id=OuterRef("pk")).exclude(
                consent__in=Consent.objects.valid(on)
            )
        )
        return Q(pupils_recognisable=True) & (~any_consent | invalid_consent)

    def with_valid_consent(self, on=None):
        return self.exclude(self._problem_q(on))

    def without_valid_consent(self, on=None):
        return self.filter(self._problem_q(on))

    def for_listing(self, on=None, renditions=True):
        """Listed reports with their photos and images (``renditions=False``: without
        the thumbnails' renditions, which the caller then reads)."""
        thumbs = (PHOTO_THUMB,) if renditions else ()
        return (
            self.live()
            .filter(not_view_restricted())
            .with_valid_consent(on)
            # A card shows the title, date, introduction and first photo, not the event
            # (only the report's own page links to it): no join for it.
            .prefetch_related(
                Prefetch("photos", queryset=photos_with_renditions(PhotoReportPhoto, *thumbs))
            )
        )


def photos_with_renditions(model, *filters):
    """Photos with their images (in the join) and the given renditions (one more query;
    ``filters`` are filter spec strings)."""
    photos = model.objects.select_related("image")
    if not filters:
        return photos
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=filters)
    return photos.prefetch_related(
        Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    )


StudentWorkManager = PageManager.from_queryset(StudentWorkQuerySet)
PhotoReportManager = PageManager.from_queryset(PhotoReportQuerySet)


def dependent_pages(consent):
    """Every work and photo report (specific pages) relying on ``consent``."""
    return [
        *StudentWorkPage.objects.filter(consent=consent),
        *PhotoReportPage.objects.filter(consents=consent, pupils_recognisable=True),
    ]


def hidden_page_ids(on=None):
    """Live pages that must not be shown: their consent is no longer valid."""
    works = StudentWorkPage.objects.live().without_valid_consent(on).values("pk")
    reports = PhotoReportPage.objects.live().without_valid_consent(on).values("pk")
    return Page.objects.filter(Q(pk__in=works) | Q(pk__in=reports)).values("pk")


class StudentWorkBodyBlock(blocks.StreamBlock):
    """What a work consists of: text, pictures, files, a video."""

    paragraph = paragraph_block()
    gallery = GalleryBlock()
    document = DocumentBlock()
    video = VideoBlock()


class StudentWorkIndexPage(IntroductionMixin, Page):
    """«Творческие работы учащихся»: the works of pupils and the school's photo reports.

    Sits under the home page (slug ``tvorcheskie-raboty``) or under a subject section,
    so a teacher can keep their pupils' works in their own section.
    """

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage", "subjects.SubjectPage"]
    subpage_types = ["works.StudentWorkPage", "works.PhotoReportPage"]
    # One per language: the home page of each locale has its own.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("творческие работы учащихся")
        verbose_name_plural = _("разделы творческих работ")

    def works(self):
        return (
            StudentWorkPage.objects.child_of(self)
            .for_listing()
            .order_by("-date", "-first_published_at")
        )

    def photo_reports(self):
        return PhotoReportPage.objects.child_of(self).for_listing().order_by("-date")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["works"] = self.works()
        context["photo_reports"] = self.photo_reports()
        return context


class StudentWorkPage(ConsentRuleMixin, Page):
    """One pupil's work: an essay, a drawing, a project, a research paper, a video.

    Lives under a ``StudentWorkIndexPage``. The author appears as first name + class
    («Алина, 9А»). It can be published only with a valid parent's consent.
    """

    kind = models.CharField(_("вид работы"), max_length=20, choices=KIND_CHOICES)
    author_first_name = models.CharField(
        _("имя автора"),
        max_length=40,
        validators=[validate_first_name],
        help_text=_("Только имя, без фамилии."),
    )
    author_class = models.ForeignKey(
        "portal.SchoolClass",
        verbose_name=_("класс автора"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    teacher = models.ForeignKey(
        "teachers.TeacherPage",
        verbose_name=_("учитель"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.ForeignKey(
        "portal.Subject",
        verbose_name=_("предмет"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    date = models.DateField(_("дата работы"), default=today)
    description = models.TextField(_("о работе"), blank=True, max_length=2000)
    body = StreamField(StudentWorkBodyBlock(), blank=True, verbose_name=_("работа"))
    consent = models.ForeignKey(
        Consent,
        verbose_name=_("согласие на публикацию"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="works",
        help_text=_("Без действующего согласия родителя работу нельзя опубликовать."),
    )

    objects = StudentWorkManager()
    base_form_class = ConsentPageForm

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldRowPanel([FieldPanel("author_first_name"), FieldPanel("author_class")]),
                FieldRowPanel([FieldPanel("teacher"), FieldPanel("subject")]),
                FieldPanel("date"),
            ],
            heading=_("О работе"),
        ),
        FieldPanel("consent"),
        FieldPanel("description"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description", boost=1.5),
        index.SearchField("body"),
    ]
    search_section = SEARCH_SECTION

    parent_page_types = ["works.StudentWorkIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("творческая работа")
        verbose_name_plural = _("творческие работы")

    def consent_problem_for(self, values=None, on=None):
        consent = values.get("consent") if values is not None else self.consent
        return "consent", consent_problem(consent, on)

    @property
    def author_label(self):
        """ "Алина, 9А" """
        if self.author_class_id:
            return f"{self.author_first_name}, {self.author_class}"
        return self.author_first_name

    def get_search_facets(self):
        grade = self.author_class.grade if self.author_class_id else None
        return SearchFacets(subjects=[self.subject_id], grade_from=grade, date=self.date)


class PhotoReportIndexPage(IntroductionMixin, Page):
    """«Фотоотчёты»: the school's photo reports of lessons and events, newest first."""

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["works.PhotoReportPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("фотоотчёты")
        verbose_name_plural = _("разделы фотоотчётов")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photo_reports"] = (
            PhotoReportPage.objects.child_of(self).for_listing().order_by("-date")
        )
        return context


class PhotoReportPage(ConsentRuleMixin, Page):
    """A photo report of a lesson or an event: photos with captions and a lightbox
    that works without JavaScript.

    When pupils can be recognised in the photos, every pupil needs a valid consent
    before the report can be published.
    """

    date = models.DateField(_("дата"), default=today)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("событие"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    introduction = models.TextField(_("вводный текст"), blank=True, max_length=2000)
    pupils_recognisable = models.BooleanField(
        _("на фото узнаваемы ученики"),
        default=True,
        help_text=_("Тогда нужно согласие на публикацию для каждого узнаваемого ученика."),
    )
    consents = ParentalManyToManyField(
        Consent,
        verbose_name=_("согласия на публикацию"),
        blank=True,
        related_name="photo_reports",
    )

    objects = PhotoReportManager()
    base_form_class = ConsentPageForm

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("event")]),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("pupils_recognisable"),
                FieldPanel("consents", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Согласия"),
        ),
        InlinePanel("photos", heading=_("Фотографии"), label=_("Фотография"), min_num=1),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction", boost=1.5),
        index.RelatedFields("photos", [index.SearchField("caption")]),
    ]
    search_section = SEARCH_SECTION

    parent_page_types = ["works.StudentWorkIndexPage", "works.PhotoReportIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("фотоотчёт")
        verbose_name_plural = _("фотоотчёты")

    consent_field = "consents"

    def consent_problem_for(self, values=None, on=None):
        if values is not None:
            recognisable = values.get("pupils_recognisable")
            consents = values.get("consents") or []
        else:
            recognisable = self.pupils_recognisable
            consents = self.consents.all()
        return "consents", report_consent_problem(recognisable, consents, on)

    def get_search_facets(self):
        return SearchFacets(date=self.date)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        photos = list(
            photos_with_renditions(PhotoReportPhoto, PHOTO_THUMB, PHOTO_LARGE).filter(page=self)
        )
        for number, photo in enumerate(photos, start=1):
            photo.number = number
            photo.previous_number = number - 1 if number > 1 else None
            photo.next_number = number + 1 if number < len(photos) else None
        context["photos"] = photos
        return context


class PhotoReportPhoto(Orderable):
    """One photo of a report: the image, its caption and a text for screen readers."""

    page = ParentalKey(PhotoReportPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("фотография"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("подпись"), max_length=300, blank=True)
    alt_text = models.CharField(
        _("альтернативный текст"),
        max_length=250,
        blank=True,
        help_text=_("Что на фото — для незрячих посетителей. Пусто: подпись или название."),
    )

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("alt_text")]

    @property
    def alt(self):
        return self.alt_text or self.caption or self.image.title
