"""The per-class view: what a class studies now, what comes next, its homework."""

import datetime

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from portal.models import SchoolClass
from portal.queries import not_view_restricted
from subjects.feeds import ClassAtomFeed, ClassRssFeed, homework_calendar_response

from .subjects import SubjectPage
from .topics import Homework, TopicPage, attach_documents, topic_status

# The class page shows homework due within this many days from today.
HOMEWORK_DAYS = 14
# Upcoming topics shown on a class page (the nearest ones across all subjects).
UPCOMING_LIMIT = 12
# Entries in a class's RSS/Atom feed.
FEED_ITEMS = 30
# A class calendar keeps homework due from this many days ago onwards, at most this many.
CALENDAR_PAST_DAYS = 60
CALENDAR_ITEMS = 300


class ClassIndexPage(RoutablePageMixin, Page):
    """«Классы»: every class of the school, and one generated page per class.

    Sits under the home page with the slug "classes" (one per language) and has no
    child pages: ``/classes/9a/`` is a route that gathers the class's current and
    coming topics and its homework across all subject sections, with RSS, Atom and
    iCal feeds next to it (``rss/``, ``atom/``, ``ical/``).
    """

    introduction = models.TextField(
        _("вводный текст"),
        blank=True,
        max_length=1000,
        help_text=_("Показывается над списком классов."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # One per language: the home page of each locale has its own.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("список классов")
        verbose_name_plural = _("списки классов")

    def get_sitemap_urls(self, request=None):
        """The list, then each class's generated page (``/classes/9a/``)."""
        urls = super().get_sitemap_urls(request)
        own = urls[0]["location"] if urls else None
        if own is None:
            return urls
        for slug in SchoolClass.objects.values_list("slug", flat=True):
            urls.append(
                {
                    "location": own + self.reverse_subpage("class_detail", args=(slug,)),
                    "lastmod": urls[0]["lastmod"],
                }
            )
        return urls

    # Data ---------------------------------------------------------------------------

    def get_class(self, class_slug):
        try:
            return SchoolClass.objects.get(slug=class_slug)
        except SchoolClass.DoesNotExist:
            raise Http404(_("Такого класса нет.")) from None

    def visible_topics(self):
        """Live, public topics in this page's language.

        Built once per request (the page object lives as long as the request): the
        view restrictions and the default locale are then looked up once.
        """
        if not hasattr(self, "_visible_topics"):
            self._visible_topics = (
                TopicPage.objects.live()
                .filter(not_view_restricted())
                .for_locale(self.locale)
                .defer_streamfields()
            )
        return self._visible_topics

    @staticmethod
    def with_subjects(topics):
        """Give each topic its ``subject_page`` (its parent) in one query."""
        topics = list(topics)
        if not topics:
            return topics
        steplen = TopicPage.steplen
        parent_paths = {topic.path[:-steplen] for topic in topics}
        parents = {
            parent.path: parent
            for parent in SubjectPage.objects.filter(path__in=parent_paths)
            .select_related("subject")
            .only("id", "path", "depth", "title", "url_path", "locale_id", "subject")
        }
        for topic in topics:
            topic.subject_page = parents.get(topic.path[:-steplen])
        return topics

    def class_homework(self, school_class):
        """Homework of ``school_class`` on visible topics, with topic and subject."""
        return Homework.objects.filter(
            classes=school_class, topic__in=self.visible_topics().values("pk")
        ).select_related("topic")

    def homework_due_soon(self, school_class, today):
        """Homework due in the next days, with its files (``subject_page`` not set)."""
        homework = list(
            self.class_homework(school_class)
            .filter(due_date__gte=today, due_date__lte=today + datetime.timedelta(HOMEWORK_DAYS))
            .order_by("due_date", "topic__title", "pk")
        )
        return attach_documents(homework)

    def class_context(self, school_class, today):
        topics = self.visible_topics().for_class(school_class).order_by("start_date", "title")
        current = list(topics.current(today))
        upcoming = list(topics.upcoming(today)[:UPCOMING_LIMIT])
        homework = self.homework_due_soon(school_class, today)
        # The subject sections of every topic shown, in one query.
        self.with_subjects([*current, *upcoming, *(item.topic for item in homework)])
        for topic in current + upcoming:
            topic.status = topic_status(topic, today)
        return {
            "school_class": school_class,
            "today": today,
            "homework_days": HOMEWORK_DAYS,
            "current_topics": current,
            "upcoming_topics": upcoming,
            "homework_list": homework,
        }

    def feed_entries(self, school_class):
        """Newest homework and topics of a class for its RSS/Atom feed."""
        homework = list(
            self.class_homework(school_class).order_by("-date_given", "-pk")[:FEED_ITEMS]
        )
        topics = list(
            self.visible_topics()
            .for_class(school_class)
            .order_by("-first_published_at", "-pk")[:FEED_ITEMS]
        )
        self.with_subjects(topics + [item.topic for item in homework])
        return homework, topics

    def calendar_homework(self, school_class, today):
        homework = list(
            self.class_homework(school_class)
            .filter(due_date__gte=today - datetime.timedelta(CALENDAR_PAST_DAYS))
            .order_by("due_date", "pk")[:CALENDAR_ITEMS]
        )
        self.with_subjects([item.topic for item in homework])
        return homework

    # Routes (the index route "" is RoutablePageMixin's: the list of classes) ----------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A callable: the template of a single class never asks for it.
        context["grades"] = self.classes_by_grade
        return context

    def classes_by_grade(self):
        grades = {}
        for school_class in SchoolClass.objects.all():
            grades.setdefault(school_class.grade, []).append(school_class)
        return sorted(grades.items())

    @path("<slug:class_slug>/")
    def class_detail(self, request, class_slug):
        school_class = self.get_class(class_slug)
        return self.render(
            request,
            template="subjects/class_detail.html",
            context_overrides=self.class_context(school_class, timezone.localdate()),
        )

    @path("<slug:class_slug>/rss/")
    def class_rss(self, request, class_slug):
        return ClassRssFeed(self, self.get_class(class_slug))(request)

    @path("<slug:class_slug>/atom/")
    def class_atom(self, request, class_slug):
        return ClassAtomFeed(self, self.get_class(class_slug))(request)

    @path("<slug:class_slug>/ical/")
    def class_ical(self, request, class_slug):
        school_class = self.get_class(class_slug)
        return homework_calendar_response(
            request, school_class, self.calendar_homework(school_class, timezone.localdate())
        )
