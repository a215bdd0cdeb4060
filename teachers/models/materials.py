"""The methodological piggy bank: materials under each portfolio and the school-wide index."""

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.models import GRADE_CHOICES, GradeRangeMixin, IntroductionMixin, Subject, grade_q
from portal.queries import not_view_restricted
from search.facets import SearchFacets, Section

from .portfolios import TeacherPage

MATERIAL_KIND_CHOICES = [
    ("lesson-plan", _("план-конспект урока")),
    ("presentation", _("презентация")),
    ("worksheet", _("рабочий лист")),
    ("test", _("контрольная или тест")),
    ("extracurricular", _("сценарий внеклассного мероприятия")),
    ("programme", _("рабочая программа")),
    ("other", _("другое")),
]

LICENCE_CHOICES = [
    ("cc-by-4.0", _("CC BY 4.0 — можно использовать с указанием автора")),
    ("cc-by-sa-4.0", _("CC BY-SA 4.0 — с указанием автора, на тех же условиях")),
    ("cc-by-nc-4.0", _("CC BY-NC 4.0 — с указанием автора, некоммерческое")),
    ("all-rights-reserved", _("все права защищены")),
]

MATERIALS_PER_PAGE = 12


class MaterialQuerySet(PageQuerySet):
    """Filters of the piggy bank; the index and the portfolios use them."""

    def listing(self):
        """Live, public materials with what a card shows, without N+1."""
        return (
            self.live()
            .filter(not_view_restricted())
            .select_related("subject")
            # The files with their documents in one query, not two.
            .prefetch_related(
                models.Prefetch("files", queryset=MaterialFile.objects.select_related("document"))
            )
            .order_by("-first_published_at", "-pk")
        )

    def for_subject(self, subject):
        return self.filter(subject=subject)

    def for_grade(self, grade):
        return self.filter(grade_q(grade))

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def by_teacher(self, teacher_page):
        return self.child_of(teacher_page)


MaterialPageManager = PageManager.from_queryset(MaterialQuerySet)


class MethodMaterialPage(GradeRangeMixin, Page):
    """A piggy-bank entry (методическая копилка): a lesson plan, test, presentation …

    Sits under its author's portfolio (a leaf) and is listed school-wide by the
    piggy-bank index with filters by subject, grade, kind and teacher.
    """

    kind = models.CharField(_("вид материала"), max_length=20, choices=MATERIAL_KIND_CHOICES)
    subject = models.ForeignKey(
        "portal.Subject",
        verbose_name=_("предмет"),
        on_delete=models.PROTECT,
        related_name="method_materials",
    )
    description = RichTextField(_("описание"), blank=True, features=RICH_TEXT_FEATURES)
    licence = models.CharField(
        _("лицензия"), max_length=30, choices=LICENCE_CHOICES, default="cc-by-4.0"
    )

    objects = MaterialPageManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("subject"),
                FieldRowPanel([FieldPanel("grade_from"), FieldPanel("grade_to")]),
                FieldPanel("licence"),
            ],
            heading=_("О материале"),
        ),
        FieldPanel("description"),
        InlinePanel("files", heading=_("Файлы"), label=_("Файл"), min_num=1),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
    ]
    search_section = Section("materials", _("Методическая копилка"), order=50)

    accepts_messages = "comment"  # community: visitors' comments, moderated
    parent_page_types = ["teachers.TeacherPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("методический материал")
        verbose_name_plural = _("методические материалы")

    def get_search_facets(self):
        return SearchFacets(
            subjects=[self.subject_id], grade_from=self.grade_from, grade_to=self.grade_to
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["teacher"] = TeacherPage.objects.parent_of(self).first()
        context["files"] = self.files.select_related("document")
        return context


class MaterialFile(Orderable):
    """One downloadable file of a material (a Wagtail document)."""

    page = ParentalKey(MethodMaterialPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("документ"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(
        _("подпись"), max_length=200, blank=True, help_text=_("Пусто — название документа.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("файл материала")
        verbose_name_plural = _("файлы материала")

    def __str__(self):
        return self.display_title

    @property
    def display_title(self):
        return self.title or self.document.title


class SubjectChoiceField(forms.ModelChoiceField):
    """Subjects named in the visitor's language («Математика» / "Mathematics")."""

    def label_from_instance(self, obj):
        return obj.display_name


class MaterialFilterForm(forms.Form):
    """The piggy bank's filters; invalid values are dropped, never an error page."""

    subject = SubjectChoiceField(
        label=_("Предмет"),
        queryset=Subject.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Все предметы"),
    )
    grade = forms.TypedChoiceField(
        label=_("Класс"),
        choices=[("", _("Все классы")), *GRADE_CHOICES],
        coerce=int,
        required=False,
        empty_value=None,
    )
    kind = forms.ChoiceField(
        label=_("Вид"), choices=[("", _("Все виды")), *MATERIAL_KIND_CHOICES], required=False
    )
    teacher = forms.ModelChoiceField(
        label=_("Учитель"),
        queryset=TeacherPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Все учителя"),
    )

    def __init__(self, *args, teachers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["teacher"].queryset = teachers

    def cleaned_filters(self):
        """The valid filters only: a bad value in one field leaves the others working."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "")
        }


class MaterialIndexPage(IntroductionMixin, Page):
    """«Методическая копилка»: every teacher's materials with filters and pagination.

    Sits under the home page or the teachers' index (one per language); it has no
    children — the materials live under their authors' portfolios.
    """

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage", "teachers.TeacherIndexPage"]
    subpage_types = []
    # One per language: the home page of each locale has its own.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("методическая копилка")
        verbose_name_plural = _("методические копилки")

    def teachers(self):
        return (
            TeacherPage.objects.live()
            .filter(not_view_restricted(), locale_id=self.locale_id)
            .order_by("title")
        )

    def materials(self, filters):
        materials = MethodMaterialPage.objects.listing().filter(locale_id=self.locale_id)
        if "subject" in filters:
            materials = materials.for_subject(filters["subject"])
        if "grade" in filters:
            materials = materials.for_grade(filters["grade"])
        if "kind" in filters:
            materials = materials.of_kind(filters["kind"])
        if "teacher" in filters:
            materials = materials.by_teacher(filters["teacher"])
        return materials

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        teachers = self.teachers()
        form = MaterialFilterForm(request.GET or None, teachers=teachers)
        filters = form.cleaned_filters() if request.GET else {}
        page_obj = Paginator(self.materials(filters), MATERIALS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        # One query for the authors of the materials on this page: a material's parent
        # is its portfolio, so the parent paths give them all.
        steplen = Page.steplen
        parent_paths = {material.path[:-steplen] for material in page_obj}
        authors = {teacher.path: teacher for teacher in teachers.filter(path__in=parent_paths)}
        for material in page_obj:
            material.author = authors.get(material.path[:-steplen])
        context.update(filter_form=form, filters=filters, page_obj=page_obj)
        return context
