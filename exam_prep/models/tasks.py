"""One task number of an exam: theory, worked examples, practice with answers."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Left, Length
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from exam_prep.blocks import PracticeProblemBlock
from exam_prep.choices import PART_CHOICES, AnswerType, Difficulty
from portal.blocks import SolvedProblemBlock, StudyStreamBlock
from portal.queries import not_view_restricted

from .exams import SEARCH_SECTION, ExamPage


class ExamTaskPageForm(WagtailAdminPageForm):
    """Hands the parent exam to the page's ``clean()``: a new page is not in the tree
    yet, so it cannot find its siblings by itself."""

    def clean(self):
        cleaned_data = super().clean()
        if getattr(self, "parent_page", None) is not None:
            self.instance.validation_parent = self.parent_page
        return cleaned_data


class ExamTaskPage(Page):
    """Task N of an exam («Задание 4. Теория вероятностей»).

    A leaf under an exam page; its number is unique within the exam. Theory, worked
    examples and practice problems with accepted answers (the practice variant of
    the exam takes one problem per task); linked both ways with subject topics.
    """

    number = models.PositiveSmallIntegerField(
        _("номер задания"), validators=[MinValueValidator(1), MaxValueValidator(99)]
    )
    part = models.PositiveSmallIntegerField(_("часть"), choices=PART_CHOICES, default=1)
    section = models.CharField(
        _("раздел"), max_length=100, blank=True, help_text=_("Например: «Алгебра», «Геометрия».")
    )
    max_score = models.PositiveSmallIntegerField(
        _("максимальный первичный балл"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    answer_type = models.CharField(
        _("тип ответа"), max_length=10, choices=AnswerType.choices, default=AnswerType.SHORT
    )
    difficulty = models.CharField(
        _("уровень сложности"), max_length=10, choices=Difficulty.choices, default=Difficulty.BASIC
    )
    codifier_topics = models.TextField(
        _("элементы кодификатора"),
        blank=True,
        max_length=1000,
        help_text=_("По одному на строку, с кодом: «4.1.1 Классическая вероятность»."),
    )
    summary = models.TextField(
        _("кратко"), blank=True, max_length=600, help_text=_("Что проверяет задание.")
    )
    theory = StreamField(StudyStreamBlock(), blank=True, verbose_name=_("теория"))
    examples = StreamField(
        [("solved_problem", SolvedProblemBlock())], blank=True, verbose_name=_("разбор примеров")
    )
    practice = StreamField(
        [("problem", PracticeProblemBlock())],
        blank=True,
        verbose_name=_("задачи для тренировки"),
        help_text=_("Тренировочный вариант экзамена берёт по одной задаче из каждого задания."),
    )
    related_topics = ParentalManyToManyField(
        "subjects.TopicPage",
        verbose_name=_("темы предмета"),
        blank=True,
        related_name="exam_tasks",
        help_text=_("На странице темы появится «Эта тема проверяется в ЕГЭ, задание N»."),
    )

    base_form_class = ExamTaskPageForm
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("part"), FieldPanel("max_score")]),
                FieldRowPanel([FieldPanel("answer_type"), FieldPanel("difficulty")]),
                FieldPanel("section"),
                FieldPanel("codifier_topics"),
                FieldPanel("summary"),
            ],
            heading=_("О задании"),
        ),
        FieldPanel("theory"),
        FieldPanel("examples"),
        FieldPanel("practice"),
        FieldPanel("related_topics"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number_phrase", boost=2),
        index.SearchField("summary"),
        index.SearchField("codifier_topics"),
        index.SearchField("theory"),
        index.SearchField("examples"),
    ]
    search_section = SEARCH_SECTION

    accepts_messages = "question"  # community: visitors' questions, moderated
    parent_page_types = ["exam_prep.ExamPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("задание экзамена")
        verbose_name_plural = _("задания экзамена")

    def number_phrase(self):
        """«задание 12» — what people type into the search box."""
        return _("задание %(number)s") % {"number": self.number}

    # Validation ---------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        parent = getattr(self, "validation_parent", None) or self.get_parent()
        if self.number and parent is not None:
            taken = (
                ExamTaskPage.objects.child_of(parent)
                .filter(number=self.number)
                .exclude(pk=self.pk)
                .only("id", "title")
                .first()
            )
            if taken is not None:
                errors["number"] = _(
                    "В этом экзамене уже есть задание № %(number)s: «%(title)s». "
                    "Выберите другой номер или измените ту страницу."
                ) % {"number": self.number, "title": taken.title}
        if self.answer_type == AnswerType.SHORT:
            missing = [
                str(position)
                for position, block in enumerate(self.practice, start=1)
                if not block.block.accepted_answers(block.value)
            ]
            if missing:
                errors["practice"] = _(
                    "У задания с кратким ответом у каждой задачи должен быть ответ: "
                    "его нет у задач № %(numbers)s."
                ) % {"numbers": ", ".join(missing)}
        if errors:
            raise ValidationError(errors)

    # Data ---------------------------------------------------------------------------

    def exam(self):
        """The parent exam with its subject (one query)."""
        return (
            ExamPage.objects.filter(path=self.path[: -self.steplen])
            .select_related("subject")
            .defer_streamfields()
            .first()
        )

    # Visitors' questions (community) -------------------------------------------------

    def message_teachers(self):
        """The teachers of the exam's subject (the teachers of its subject sections):
        a question on a task is theirs to answer, not only the exam pages' editors'."""
        exam = self.exam()
        if exam is None:
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(subject_sections__page__subject_id=exam.subject_id)
            .distinct()
        )

    @classmethod
    def pages_answered_by(cls, user):
        """The task pages of the exams in the subjects ``user`` teaches (one subquery)."""
        from subjects.models import SubjectTeacher

        taught = SubjectTeacher.objects.filter(user_id=user.pk).values("page__subject_id")
        parent_path = Left(OuterRef("path"), Length(OuterRef("path")) - cls.steplen)
        exams = ExamPage.objects.filter(subject_id__in=taught, path=parent_path)
        return cls.objects.filter(Exists(exams))

    def get_search_facets(self):
        exam = self.exam()
        if exam is None:
            return None
        return exam.get_search_facets()

    def visible_topics(self):
        """Related live, public topics, in this page's language where translated."""
        from subjects.models import TopicPage

        # In a preview the relation is modelcluster's in-memory FakeQuerySet.
        ids = self.related_topics.values_list("id", flat=True)
        if not isinstance(ids, models.QuerySet):
            ids = list(ids)
        topics = list(
            TopicPage.objects.filter(pk__in=ids)
            .live()
            .filter(not_view_restricted())
            .defer_streamfields()
            .only("id", "path", "depth", "url_path", "title", "locale_id", "translation_key")
            .order_by("path")
        )
        if not topics or self.locale_id == Locale.get_default().pk:
            return topics
        translations = {
            topic.translation_key: topic
            for topic in TopicPage.objects.live()
            .filter(not_view_restricted())
            .filter(
                locale_id=self.locale_id, translation_key__in=[t.translation_key for t in topics]
            )
            .only("id", "path", "depth", "url_path", "title", "locale_id", "translation_key")
        }
        return [translations.get(topic.translation_key, topic) for topic in topics]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        exam = self.exam()
        siblings = []
        if exam is not None:
            siblings = list(
                exam.tasks().only("id", "path", "depth", "url_path", "number", "title", "locale_id")
            )
        numbers = [task.number for task in siblings]
        position = numbers.index(self.number) if self.number in numbers else None
        context.update(
            exam=exam,
            sibling_tasks=siblings,
            previous_task=siblings[position - 1] if position else None,
            next_task=siblings[position + 1]
            if position is not None and position + 1 < len(siblings)
            else None,
            topics=self.visible_topics(),
            codifier_lines=[
                line.strip() for line in self.codifier_topics.splitlines() if line.strip()
            ],
        )
        return context
