"""Students' works and photo reports: pages that go live only with a valid consent.

The rule, enforced on every path to "live":

- the admin's page form refuses *Publish* (and *Submit for moderation*) with an error
  next to the consent field; saving a draft is always allowed;
- ``clean()`` refuses to save a live page without a valid consent, so
  ``revision.publish()`` (scheduled publishing, workflow approval, a shell) fails
  with a ``ValidationError`` too;
- a withdrawn consent unpublishes the pages at once (``works/signals.py``) and the
  daily ``enforce_consents`` command catches withdrawal dates that have come; both
  also cancel moderation and schedules that would publish without consent
  (``works/unpublishing.hold_back``);
- until then ``serve()`` answers 404 and listings and search leave such pages out.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, DocumentBlock, GalleryBlock, VideoBlock
from search.facets import SearchFacets

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

SEARCH_SECTION = "works"
SEARCH_SECTION_LABEL = _("Творческие работы и фотоотчёты")
SEARCH_SECTION_ORDER = 70

NO_CONSENT = _("Без действующего согласия на публикацию работу опубликовать нельзя.")
INVALID_CONSENT = _(
    "Согласие «%(consent)s» не действует: оно отозвано, ещё не дано или не распространяется "
    "на сайт школы."
)
NO_REPORT_CONSENTS = _(
    "На фотографиях узнаваемы ученики: выберите согласия на публикацию для каждого из них."
)


def consent_problem(consent, on=None):
    """The error message for a work's consent, or None when it is valid."""
    if consent is None:
        return NO_CONSENT
    if not consent.is_valid(on):
        return INVALID_CONSENT % {"consent": consent}
    return None


def report_consent_problem(recognisable, consents, on=None):
    """The error message for a photo report's consents, or None when publishing is fine."""
    if not recognisable:
        return None
    consents = list(consents)
    if not consents:
        return NO_REPORT_CONSENTS
    for consent in consents:
        if not consent.is_valid(on):
            return INVALID_CONSENT % {"consent": consent}
    return None


class ConsentPageForm(WagtailAdminPageForm):
    """The page form of works and photo reports.

    Offers only the consents the editor may see (a teacher's own records) and checks
    them when the editor publishes or submits; a draft is saved whatever they are.
    """

    consent_fields = ("consent", "consents")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        visible = Consent.objects.visible_to(self.for_user)
        for name in self.consent_fields:
            field = self.fields.get(name)
            if field is None:
                continue
            # Keep what the page already has (an editor's colleague may have chosen it).
            current = self._current_consent_ids(name)
            field.queryset = Consent.objects.filter(
                Q(pk__in=visible.values("pk")) | Q(pk__in=current)
            ).select_related("school_class")
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                # The photo report's checkbox list offers only consents valid today
                # (plus the report's own), by class and name: with every withdrawn
                # record in it, an editor who sees all would scroll a long list. A
                # withdrawn one posted anyway still gets the clear message below.
                offered = field.queryset.filter(
                    Q(pk__in=visible.valid().values("pk")) | Q(pk__in=current)
                ).order_by("school_class__grade", "school_class__letter", "pupil_first_name")
                field.widget.choices = [(consent.pk, str(consent)) for consent in offered]

    def _current_consent_ids(self, name):
        if not self.instance.pk:
            return []
        if name == "consent":
            return [self.instance.consent_id] if self.instance.consent_id else []
        return [consent.pk for consent in self.instance.consents.all()]

    @property
    def publishing(self):
        """Publish, submit for moderation, restart a workflow or approve in the editor."""
        keys = ("action-publish", "action-submit", "action-restart-workflow")
        approving = (
            "action-workflow-action" in self.data
            and self.data.get("workflow-action-name") == "approve"
        )
        return approving or any(key in self.data for key in keys)

    def clean(self):
        cleaned_data = super().clean()
        # The model's own check runs again when the revision is published.
        self.instance._skip_consent_check = True
        if self.publishing:
            field, problem = self.instance.consent_problem_for(cleaned_data)
            if problem:
                self.add_error(field, problem)
        return cleaned_data


class ConsentRuleMixin:
    """``clean()``/``serve()`` half of the publishing rule, shared by both page types."""

    consent_field = "consent"

    def consent_problem_for(self, values=None):
        raise NotImplementedError

    def has_valid_consent(self, on=None):
        return self.consent_problem_for(on=on)[1] is None

    def clean(self):
        super().clean()
        if self.live and not getattr(self, "_skip_consent_check", False):
            field, problem = self.consent_problem_for()
            if problem:
                raise ValidationError({field: problem})

    def save_revision(self, *args, **kwargs):
        # A draft of a live page may lack consent for now; publishing it may not.
        self._skip_consent_check = True
        try:
            return super().save_revision(*args, **kwargs)
        finally:
            self._skip_consent_check = False

    def get_sitemap_urls(self, request=None):
        if not self.has_valid_consent():
            return []
        return super().get_sitemap_urls(request)

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False) and not self.has_valid_consent():
            raise Http404("No valid consent")
        return super().serve(request, *args, **kwargs)


class StudentWorkQuerySet(PageQuerySet):
    def with_valid_consent(self, on=None):
        return self.filter(consent__in=Consent.objects.valid(on))

    def without_valid_consent(self, on=None):
        return self.exclude(consent__in=Consent.objects.valid(on))

    def for_listing(self, on=None):
        return (
            self.live()
            .public()
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

    def for_listing(self, on=None):
        return (
            self.live()
            .public()
            .with_valid_consent(on)
            .select_related("event")
            .prefetch_related(
                Prefetch("photos", queryset=photos_with_renditions(PhotoReportPhoto, PHOTO_THUMB))
            )
        )


def photos_with_renditions(model, *filters):
    """Photos with their images and the given renditions, in two extra queries."""
    return model.objects.prefetch_related(
        Prefetch("image", queryset=get_image_model().objects.prefetch_renditions(*filters))
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

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Текст"),
        template="blocks/paragraph_block.html",
    )
    gallery = GalleryBlock()
    document = DocumentBlock()
    video = VideoBlock()


class StudentWorkIndexPage(Page):
    """«Творческие работы учащихся»: the works of pupils and the school's photo reports.

    Sits under the home page (slug ``tvorcheskie-raboty``) or under a subject section,
    so a teacher can keep their pupils' works in their own section.
    """

    introduction = models.TextField(_("вводный текст"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage", "subjects.SubjectPage"]
    subpage_types = ["works.StudentWorkPage", "works.PhotoReportPage"]

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
        index.FilterField("kind"),
    ]
    search_section = SEARCH_SECTION
    search_section_label = SEARCH_SECTION_LABEL
    search_section_order = SEARCH_SECTION_ORDER

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


class PhotoReportIndexPage(Page):
    """«Фотоотчёты»: the school's photo reports of lessons and events, newest first."""

    introduction = models.TextField(_("вводный текст"), blank=True, max_length=1000)

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
    search_section_label = SEARCH_SECTION_LABEL
    search_section_order = SEARCH_SECTION_ORDER

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
