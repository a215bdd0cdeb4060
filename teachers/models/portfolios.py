"""The teachers' index, one e-portfolio page per teacher and the teacher's blog posts."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from portal.models import IntroductionMixin
from portal.queries import not_view_restricted, section_extras
from search.facets import SearchFacets, Section

from .legal import StaffLegalInfoMixin

# The renditions the portfolio header and the teachers' cards use.
PHOTO_FILTER = "fill-320x400"
CARD_PHOTO_FILTER = "fill-160x200"

QUALIFICATION_CHOICES = [
    ("", _("не указана")),
    ("compliance", _("соответствие занимаемой должности")),
    ("first", _("первая квалификационная категория")),
    ("highest", _("высшая квалификационная категория")),
    ("methodologist", _("педагог-методист")),
    ("mentor", _("педагог-наставник")),
]


class TeacherIndexPage(IntroductionMixin, Page):
    """«Учителя»: the list of the school's teachers with links to their portfolios.

    Sits under the home page (one per language); its children are the portfolios.
    """

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["teachers.TeacherPage", "teachers.MaterialIndexPage"]
    # One per language: the home page of each locale has its own.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("список учителей")
        verbose_name_plural = _("списки учителей")

    def teachers(self):
        """Live, public portfolios for the cards (one query + subjects + photo renditions).

        A school has one teachers' index per language, so every portfolio of the
        language (an alias for an untranslated one) belongs here.
        """
        return (
            TeacherPage.objects.live()
            .filter(not_view_restricted(), locale_id=self.locale_id)
            .prefetch_related(
                "subjects",
                Prefetch(
                    "photo",
                    queryset=get_image_model().objects.prefetch_renditions(CARD_PHOTO_FILTER),
                ),
            )
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["teachers"] = self.teachers()
        return context


class TeacherPage(StaffLegalInfoMixin, Page):
    """A teacher's e-portfolio: who they are, what they teach, courses and achievements.

    Sits under the teachers' index. Its children are the teacher's blog posts and
    piggy-bank materials; the teacher's group may add, edit and publish this whole
    subtree without moderation (see teachers/permissions.py).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("пользователь"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="teacher_pages",
        help_text=_("Учётная запись учителя: связывает портфолио с разделами и событиями."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("фотография"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.CharField(_("должность"), max_length=200, blank=True)
    subjects = ParentalManyToManyField(
        "portal.Subject",
        verbose_name=_("преподаваемые предметы"),
        blank=True,
        related_name="teacher_pages",
    )
    introduction = models.TextField(_("о себе"), blank=True, max_length=2000)
    education = models.TextField(
        _("образование"),
        blank=True,
        max_length=2000,
        help_text=_("Учебное заведение, год окончания, специальность."),
    )
    qualification = models.CharField(
        _("квалификационная категория"),
        max_length=20,
        choices=QUALIFICATION_CHOICES,
        blank=True,
    )
    total_experience = models.PositiveSmallIntegerField(_("общий стаж, лет"), null=True, blank=True)
    teaching_experience = models.PositiveSmallIntegerField(
        _("педагогический стаж, лет"), null=True, blank=True
    )
    awards = RichTextField(_("награды и достижения"), blank=True, features=RICH_TEXT_FEATURES)
    publications = RichTextField(_("публикации"), blank=True, features=RICH_TEXT_FEATURES)
    student_achievements = RichTextField(
        _("достижения учеников"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Только имя и класс ученика, без фамилии (152-ФЗ)."),
    )
    contact_for_parents = models.TextField(
        _("связь для родителей"),
        blank=True,
        max_length=500,
        help_text=_("Необязательно: рабочий e-mail, время консультаций."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("user", permission="auth.change_user"),
                FieldPanel("photo"),
                FieldPanel("position"),
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("introduction"),
            ],
            heading=_("Об учителе"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("education"),
                FieldPanel("qualification"),
                FieldRowPanel([FieldPanel("total_experience"), FieldPanel("teaching_experience")]),
            ],
            heading=_("Образование и стаж"),
        ),
        InlinePanel(
            "courses",
            heading=_("Повышение квалификации и переподготовка"),
            label=_("Курс"),
        ),
        *StaffLegalInfoMixin.legal_panels,
        FieldPanel("awards"),
        FieldPanel("publications"),
        FieldPanel("student_achievements"),
        FieldPanel("contact_for_parents"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("position"),
        index.SearchField("introduction"),
        index.SearchField("education"),
    ]
    search_section = Section("teachers", _("Учителя"), order=40)

    parent_page_types = ["teachers.TeacherIndexPage"]
    subpage_types = [
        "teachers.TeacherPostPage",
        "teachers.MethodMaterialPage",
        "polls.PollPage",
    ]

    class Meta:
        verbose_name = _("портфолио учителя")
        verbose_name_plural = _("портфолио учителей")

    def get_search_facets(self):
        return SearchFacets(subjects=list(self.subjects.values_list("pk", flat=True)))

    def clean(self):
        super().clean()
        if (
            self.total_experience is not None
            and self.teaching_experience is not None
            and self.teaching_experience > self.total_experience
        ):
            raise ValidationError(
                {"teaching_experience": _("Педагогический стаж не может быть больше общего.")}
            )

    def subject_pages(self):
        """Live sections of the subjects taught, in this page's language (one query)."""
        from subjects.models import SubjectPage

        return (
            SubjectPage.objects.live()
            .filter(not_view_restricted())
            .filter(locale=self.locale, subject__in=self.subjects.all())
            .select_related("subject")
            .order_by("subject__sort_order", "title")
        )

    def posts(self):
        return (
            TeacherPostPage.objects.child_of(self)
            .live()
            .filter(not_view_restricted())
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    def materials(self):
        # By name, as subpage_types names it: the materials module imports this one.
        material_model = apps.get_model("teachers", "MethodMaterialPage")
        return material_model.objects.child_of(self).listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subjects"] = list(self.subjects.all())
        context["subject_pages"] = self.subject_pages()
        context["courses"] = self.courses.all()
        context["posts"] = self.posts()[:5]
        context["materials"] = self.materials()
        context["section_extras"] = section_extras(self, "polls.PollPage")
        return context


COURSE_KIND_CHOICES = [
    ("qualification", _("повышение квалификации")),
    ("retraining", _("профессиональная переподготовка")),
]


class ProfessionalCourse(Orderable):
    """One course of a teacher: professional development or retraining; year, hours."""

    page = ParentalKey(TeacherPage, on_delete=models.CASCADE, related_name="courses")
    kind = models.CharField(
        _("вид"), max_length=20, choices=COURSE_KIND_CHOICES, default="qualification"
    )
    year = models.PositiveSmallIntegerField(_("год"))
    title = models.CharField(_("название курса"), max_length=300)
    organisation = models.CharField(_("организация"), max_length=300, blank=True)
    hours = models.PositiveSmallIntegerField(_("часов"), null=True, blank=True)

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("hours")]),
        FieldPanel("title"),
        FieldPanel("organisation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("курс повышения квалификации")
        verbose_name_plural = _("курсы повышения квалификации")

    def __str__(self):
        return f"{self.year}: {self.title}"

    def clean(self):
        super().clean()
        if self.year and self.year > timezone.localdate().year + 1:
            raise ValidationError({"year": _("Год курса ещё не наступил.")})


class TeacherPostPage(Page):
    """A post of the teacher's professional blog (news of their classes, thoughts).

    Sits under the teacher's portfolio; a leaf.
    """

    date = models.DateField(_("дата"), default=timezone.localdate)
    summary = models.TextField(_("кратко"), blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("текст"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    accepts_messages = "comment"  # community: visitors' comments, moderated
    parent_page_types = ["teachers.TeacherPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("запись блога учителя")
        verbose_name_plural = _("записи блога учителя")
