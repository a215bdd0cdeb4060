"""Topics of a subject section and the homework attached to them."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES, StudyStreamBlock
from portal.models import GradeRangeMixin
from portal.queries import LocaleQuerySet
from search.facets import SearchFacets, Section

from ..forms import TopicPageForm

# Subject sections and their topics in the search filters.
SEARCH_SECTION = Section("subjects", _("Предметы"), order=10)


def term_label(term):
    return gettext("%(term)s четверть") % {"term": term}


# Lazy: ``_(…) % …`` would fix the label in the language active at import (Russian),
# and the English topic page would say «2 четверть».
TERM_CHOICES = [(term, lazy(term_label, str)(term)) for term in range(1, 5)]

# How a topic relates to "today" (the three lists of a subject page).
CURRENT, UPCOMING, PAST = "current", "upcoming", "past"
STATUS_LABELS = {
    CURRENT: _("Сейчас изучаем"),
    UPCOMING: _("Скоро"),
    PAST: _("Пройдено"),
}


class TopicQuerySet(LocaleQuerySet):
    """Filters of topics by date and class; every listing, feed and board uses them."""

    def current(self, today):
        """Topics being studied on ``today`` (start ≤ today ≤ end)."""
        return self.filter(start_date__lte=today, end_date__gte=today)

    def upcoming(self, today):
        """Announced topics that start after ``today``."""
        return self.filter(start_date__gt=today)

    def past(self, today):
        """Topics finished before ``today``."""
        return self.filter(end_date__lt=today)

    def for_class(self, school_class):
        """Topics that ``school_class`` (a SchoolClass) studies."""
        return self.filter(classes=school_class)


TopicPageManager = PageManager.from_queryset(TopicQuerySet)


def topic_status(topic, today):
    """CURRENT, UPCOMING or PAST for ``topic`` on ``today``."""
    if topic.start_date > today:
        return UPCOMING
    if topic.end_date < today:
        return PAST
    return CURRENT


def group_topics(topics, today):
    """Sort ``topics`` (already ordered) into the lists a subject page shows.

    Returns ``{"current": [...], "upcoming": [...], "past": [...], "grades": [...]}``;
    ``grades`` is a list of ``{"label", "terms": [{"term", "label", "topics"}]}`` in the
    order the topics come in. Every topic gets ``status`` and ``status_label``.
    """
    grouped = {CURRENT: [], UPCOMING: [], PAST: [], "grades": []}
    grades = {}
    term_labels = dict(TERM_CHOICES)
    for topic in topics:
        topic.status = topic_status(topic, today)
        topic.status_label = STATUS_LABELS[topic.status]
        grouped[topic.status].append(topic)
        key = (topic.grade_from, topic.grade_to or topic.grade_from)
        if key not in grades:
            grades[key] = {"label": topic.grades_label, "terms": {}}
            grouped["grades"].append(grades[key])
        terms = grades[key]["terms"]
        terms.setdefault(
            topic.term, {"term": topic.term, "label": term_labels[topic.term], "topics": []}
        )
        terms[topic.term]["topics"].append(topic)
    for grade in grouped["grades"]:
        grade["terms"] = [grade["terms"][term] for term in sorted(grade["terms"])]
    grouped[UPCOMING].sort(key=lambda topic: topic.start_date)
    grouped[PAST].sort(key=lambda topic: topic.end_date, reverse=True)
    return grouped


class TopicPage(GradeRangeMixin, Page):
    """A topic (lesson or block of lessons) of a subject: the material and its homework.

    Sits under a subject page, is a leaf. Its dates and classes put it into "now",
    "coming soon" and "done" on the subject page and on each class's page.
    """

    term = models.PositiveSmallIntegerField(
        _("четверть"), choices=TERM_CHOICES, help_text=_("Четверть, в которой проходят тему.")
    )
    classes = ParentalManyToManyField(
        "portal.SchoolClass",
        verbose_name=_("классы"),
        blank=True,
        related_name="topics",
        help_text=_("Классы, которые изучают тему: она появится на их страницах и в лентах."),
    )
    start_date = models.DateField(
        _("начало"), help_text=_("Первый урок по теме. До этой даты тема в списке «Скоро».")
    )
    end_date = models.DateField(
        _("окончание"), help_text=_("Последний урок по теме. После этой даты — «Пройдено».")
    )
    summary = models.TextField(
        _("кратко"),
        blank=True,
        max_length=600,
        help_text=_("Одно-два предложения: о чём тема. Показывается в списках и лентах."),
    )
    body = StreamField(StudyStreamBlock(), blank=True, verbose_name=_("материал урока"))

    objects = TopicPageManager()
    base_form_class = TopicPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("grade_from"), FieldPanel("grade_to"), FieldPanel("term")]
                ),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("classes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Когда и кто изучает"),
        ),
        FieldPanel("body"),
        InlinePanel(
            "homework",
            heading=_("Домашние задания"),
            label=_("Домашнее задание"),
            help_text=_("Задание появится на странице класса и в его календаре."),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    search_section = SEARCH_SECTION

    accepts_messages = "question"  # community: visitors' questions, moderated
    parent_page_types = ["subjects.SubjectPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("тема")
        verbose_name_plural = _("темы")

    def get_search_facets(self):
        subject_page = self.get_parent().specific
        return SearchFacets(
            subjects=[getattr(subject_page, "subject_id", None)],
            grade_from=self.grade_from,
            grade_to=self.grade_to,
        )

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Тема не может закончиться раньше, чем началась.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        homework = self.homework.order_by("due_date", "sort_order")
        if not getattr(request, "is_preview", False):
            # A preview keeps homework in memory (unsaved); there is nothing to prefetch.
            homework = homework.prefetch_related("classes")
        context["homework_list"] = attach_documents(homework)
        return context


class Homework(Orderable, ClusterableModel):
    """A homework entry of a topic for one or more classes, edited inline on the topic."""

    topic = ParentalKey(TopicPage, on_delete=models.CASCADE, related_name="homework")
    classes = ParentalManyToManyField(
        "portal.SchoolClass", verbose_name=_("классы"), related_name="homework"
    )
    date_given = models.DateField(_("задано"))
    due_date = models.DateField(_("сдать к"), help_text=_("День урока, к которому готовят."))
    text = RichTextField(_("задание"), features=RICH_TEXT_FEATURES)
    files = StreamField(
        [("document", DocumentChooserBlock(label=_("Файл")))],
        blank=True,
        verbose_name=_("файлы"),
        help_text=_("Карточки, листы с задачами, презентации."),
    )

    panels = [
        FieldPanel("classes", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("date_given"), FieldPanel("due_date")]),
        FieldPanel("text"),
        FieldPanel("files"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("домашнее задание")
        verbose_name_plural = _("домашние задания")

    def __str__(self):
        return f"{self.topic.title}: {self.due_date:%d.%m.%Y}"

    def clean(self):
        super().clean()
        if self.date_given and self.due_date and self.due_date < self.date_given:
            raise ValidationError(
                {"due_date": _("Срок сдачи не может быть раньше дня, когда задание выдано.")}
            )


def attach_documents(homework_list):
    """Give every homework a ``documents`` list, fetching all files in one query.

    Rendering each ``files`` stream on its own would cost a query per homework.
    """
    homework_list = list(homework_list)
    ids = {
        block["value"]
        for homework in homework_list
        for block in homework.files.raw_data
        if block.get("type") == "document" and block.get("value")
    }
    documents = get_document_model().objects.in_bulk(ids) if ids else {}
    for homework in homework_list:
        homework.documents = [
            documents[block["value"]]
            for block in homework.files.raw_data
            if block.get("value") in documents
        ]
    return homework_list
