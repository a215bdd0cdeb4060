"""Event pages: the calendar index and one page per event (or series of events)."""

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import BaseStreamBlock, GalleryBlock
from portal.models import (
    GRADE_CHOICES,
    IntroductionMixin,
    SchoolClass,
    grade_q,
    grade_range_errors,
    grades_label,
)
from portal.queries import class_labels, class_names, not_view_restricted
from search.facets import SearchFacets, Section

from .. import calendar, ical
from ..blocks import ResultBlock
from ..recurrence import expand, local, normalise_rrule, starts, weekly_rrule
from .snippets import EventKind


class EventPageQuerySet(PageQuerySet):
    """Reusable filters for calendars, feeds and the home page's board."""

    def for_listing(self):
        """Live, public events with what a list item shows, without the bodies: the
        classes' labels and the cancelled dates come as arrays in the same query."""
        cancelled = EventException.objects.filter(page=OuterRef("pk")).order_by("date")
        return (
            self.live()
            .filter(not_view_restricted())
            .select_related("kind", "subject")
            .annotate(
                listed_class_labels=class_labels(EventPage.classes.through, "eventpage"),
                listed_cancelled_dates=ArraySubquery(cancelled.values("date")),
            )
            .defer_streamfields()
        )

    def upcoming(self, now):
        """Events with a sitting still to come or going on (recurring series too)."""
        return self.filter(last_end__gte=now)

    def past(self, now):
        """Events whose last sitting is over: the archive fills by itself."""
        return self.filter(last_end__lt=now)

    def overlapping(self, range_start, range_end):
        return self.filter(start__lt=range_end, last_end__gte=range_start)

    def for_grade(self, grade):
        """Events for a grade: by grade range, by one of its classes, or school-wide."""
        through = EventPage.classes.through
        any_class = Exists(through.objects.filter(eventpage_id=OuterRef("pk")))
        class_of_grade = Exists(
            through.objects.filter(eventpage_id=OuterRef("pk"), schoolclass__grade=grade)
        )
        whole_school = Q(grade_from__isnull=True) & ~any_class
        return self.filter(grade_q(grade) | class_of_grade | whole_school)

    def for_class(self, school_class):
        """Events a class takes part in: addressed to it, to its grade, or school-wide."""
        through = EventPage.classes.through
        any_class = Exists(through.objects.filter(eventpage_id=OuterRef("pk")))
        this_class = Exists(
            through.objects.filter(eventpage_id=OuterRef("pk"), schoolclass_id=school_class.pk)
        )
        whole_school = Q(grade_from__isnull=True) & ~any_class
        by_grade = grade_q(school_class.grade) & ~any_class
        return self.filter(this_class | by_grade | whole_school)


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventIndexPage(RoutablePageMixin, IntroductionMixin, Page):
    """The school calendar ("События"): upcoming list, month grid, archive, iCal feeds.

    Sits under the home page (one per language); its children are ``EventPage``s.
    Every view is a route of this page, so it works without JavaScript and keeps its
    filters in the query string.
    """

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    # One per language: the home page of each locale has its own.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("календарь событий")
        verbose_name_plural = _("календари событий")

    def events(self):
        return EventPage.objects.child_of(self).for_listing()

    @staticmethod
    def event_kinds():
        return EventKind.objects.all()

    @path("", name="upcoming")
    def upcoming_view(self, request):
        return self.render(
            request,
            template="events/event_index_page.html",
            context_overrides=calendar.upcoming_context(self, request, self.event_kinds()),
        )

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{1,2})/$", name="month")
    def month_view(self, request, year, month):
        try:
            first_day = calendar.month_start(int(year), int(month))
        except ValueError as error:
            raise Http404(str(error)) from error
        return self.render(
            request,
            template="events/event_month.html",
            context_overrides=calendar.month_context(self, request, self.event_kinds(), first_day),
        )

    @path("mesyac/", name="month_query")
    def month_query_view(self, request):
        """The month picker's target (?year=&month=): bad values fall back to today."""
        first_day = calendar.month_from_query(request.GET)
        return self.render(
            request,
            template="events/event_month.html",
            context_overrides=calendar.month_context(self, request, self.event_kinds(), first_day),
        )

    @path("arhiv/", name="archive")
    def archive_view(self, request):
        return self.render(
            request,
            template="events/event_archive.html",
            context_overrides=calendar.archive_context(self, request, self.event_kinds()),
        )

    @path("calendar.ics/", name="ical")
    def ical_view(self, request):
        return ical.feed_response(request, self.title, self.feed_events(), "calendar.ics")

    @path("klass/<slug:slug>.ics/", name="class_ical")
    def class_ical_view(self, request, slug):
        school_class = SchoolClass.objects.filter(slug=slug).first()
        if school_class is None:
            raise Http404("No such class")
        return ical.feed_response(
            request,
            f"{self.title}: {school_class}",
            self.feed_events().for_class(school_class),
            f"{slug}.ics",
        )

    @path("predmet/<slug:slug>.ics/", name="subject_ical")
    def subject_ical_view(self, request, slug):
        from portal.models import Subject

        subject = Subject.objects.filter(slug=slug).first()
        if subject is None:
            raise Http404("No such subject")
        return ical.feed_response(
            request,
            f"{self.title}: {subject.display_name}",
            self.feed_events().filter(subject=subject),
            f"{slug}.ics",
        )

    def feed_events(self):
        """Events worth subscribing to: everything not older than half a year."""
        return self.events().filter(last_end__gte=timezone.now() - ical.FEED_HISTORY)


class EventPage(RoutablePageMixin, Page):
    """One event of the school calendar: an olympiad, a consultation series, a meeting.

    Lives under an ``EventIndexPage`` and has no children. A regular event (weekly
    consultations, a club) is one page with a recurrence rule and cancelled dates;
    its sittings are computed, not stored. Results and the photo report appear once
    the event is over.
    """

    class Repeat(models.TextChoices):
        NONE = "", _("не повторяется")
        WEEKLY = "weekly", _("каждую неделю до даты")
        BIWEEKLY = "biweekly", _("раз в две недели до даты")
        CUSTOM = "custom", _("своё правило RRULE")

    kind = models.ForeignKey(
        "events.EventKind",
        verbose_name=_("вид"),
        null=True,
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
    grade_from = models.PositiveSmallIntegerField(
        _("с класса"), choices=GRADE_CHOICES, null=True, blank=True
    )
    grade_to = models.PositiveSmallIntegerField(
        _("до класса включительно"), choices=GRADE_CHOICES, null=True, blank=True
    )
    classes = ParentalManyToManyField(
        "portal.SchoolClass",
        verbose_name=_("классы"),
        blank=True,
        related_name="+",
        help_text=_("Пусто вместе с параллелями — событие для всей школы."),
    )
    start = models.DateTimeField(_("начало"))
    end = models.DateTimeField(_("окончание"), null=True, blank=True)
    all_day = models.BooleanField(
        _("весь день"),
        default=False,
        help_text=_("Время не учитывается: событие длится с даты начала по дату окончания."),
    )
    place = models.CharField(_("место"), max_length=200, blank=True)
    cancelled = models.BooleanField(_("отменено"), default=False)
    repeat = models.CharField(
        _("повторение"), max_length=10, choices=Repeat.choices, blank=True, default=""
    )
    repeat_until = models.DateField(_("повторять до"), null=True, blank=True)
    rrule = models.CharField(
        _("правило RRULE"),
        max_length=500,
        blank=True,
        help_text=_(
            "Для «своего правила», по RFC 5545, например FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270525. "
            "Нужны UNTIL или COUNT."
        ),
    )
    # The end of the last sitting, kept in step by save(): lists and the archive
    # split on it in SQL, without expanding every series.
    last_end = models.DateTimeField(editable=False, null=True, db_index=True)
    introduction = models.TextField(_("кратко"), blank=True, max_length=1000)
    description = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("описание"))
    registration_url = models.URLField(_("ссылка на регистрацию"), blank=True)
    registration_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("страница регистрации"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration_deadline = models.DateTimeField(_("регистрация до"), null=True, blank=True)
    registration_places = models.PositiveIntegerField(_("число мест"), null=True, blank=True)
    results = StreamField([("result", ResultBlock())], blank=True, verbose_name=_("результаты"))
    photo_report = StreamField(
        [("gallery", GalleryBlock())], blank=True, verbose_name=_("фотоотчёт")
    )

    objects = EventPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("place"),
                FieldPanel("cancelled"),
            ],
            heading=_("Когда и где"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_until")]),
                FieldPanel("rrule"),
                InlinePanel("exceptions", heading=_("Отменённые даты"), label=_("Дата")),
            ],
            heading=_("Повторение"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("subject"),
                FieldRowPanel([FieldPanel("grade_from"), FieldPanel("grade_to")]),
                FieldPanel("classes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Для кого"),
        ),
        InlinePanel("organisers", heading=_("Организаторы"), label=_("Учитель")),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("registration_url"),
                FieldPanel("registration_page"),
                FieldRowPanel(
                    [FieldPanel("registration_deadline"), FieldPanel("registration_places")]
                ),
            ],
            heading=_("Регистрация"),
        ),
        FieldPanel("results"),
        FieldPanel("photo_report"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("place"),
        index.SearchField("description"),
    ]
    search_section = Section("events", _("События"), order=30, by_date=True)

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("событие")
        verbose_name_plural = _("события")

    def clean(self):
        super().clean()
        errors = {}
        if self.end and self.start and self.end < self.start:
            errors["end"] = _("Окончание не может быть раньше начала.")
        errors.update(grade_range_errors(self.grade_from, self.grade_to))
        if self.registration_url and self.registration_page_id:
            errors["registration_page"] = _(
                "Укажите что-то одно: ссылку на регистрацию или страницу регистрации."
            )
        if self.start:
            try:
                self.rrule = self.build_rrule()
            except ValidationError as error:
                field = "rrule" if self.repeat == self.Repeat.CUSTOM else "repeat_until"
                errors[field] = error.messages
        if errors:
            raise ValidationError(errors)

    def build_rrule(self):
        """The RRULE behind the admin's repeat choice (validated, canonical)."""
        if self.repeat in (self.Repeat.WEEKLY, self.Repeat.BIWEEKLY):
            if not self.repeat_until:
                raise ValidationError(_("Укажите, до какой даты повторять событие."))
            if self.repeat_until < local(self.start).date():
                raise ValidationError(_("Дата окончания повторений раньше начала события."))
            interval = 2 if self.repeat == self.Repeat.BIWEEKLY else 1
            return normalise_rrule(weekly_rrule(self.repeat_until, interval), self.start)
        if self.repeat == self.Repeat.CUSTOM:
            if not self.rrule.strip():
                raise ValidationError(
                    _("Введите правило RRULE или выберите другой вид повторения.")
                )
            return normalise_rrule(self.rrule, self.start)
        return ""

    def save(self, *args, **kwargs):
        if self.all_day and self.start:
            # All-day events run from the first day's midnight to the last day's end,
            # in school time (idempotent, so re-saving a revision changes nothing).
            first = local(self.start).date()
            last = max(local(self.end).date(), first) if self.end else first
            self.start = dt.datetime.combine(first, dt.time(0), local(self.start).tzinfo)
            self.end = dt.datetime.combine(last, dt.time(23, 59, 59), local(self.start).tzinfo)
        if self.start:
            sittings = starts(self.start, self.rrule, set())
            last_start = sittings[-1] if sittings else self.start
            self.last_end = last_start + (self.end - self.start) if self.end else last_start
        super().save(*args, **kwargs)

    # What templates and feeds need --------------------------------------------------

    @cached_property
    def excluded_dates(self):
        """Cancelled dates of a series (school-local dates); read once per instance (the
        sittings and the page's list of cancelled dates both need them)."""
        if "listed_cancelled_dates" in self.__dict__:  # read with the listing
            return set(self.listed_cancelled_dates)
        return {exception.date for exception in self.exceptions.all()}

    def get_search_facets(self):
        return SearchFacets(
            subjects=[self.subject_id],
            grade_from=self.grade_from,
            grade_to=self.grade_to,
            date=timezone.localtime(self.start).date() if self.start else None,
        )

    @cached_property
    def sittings(self):
        return expand(self)

    def upcoming_sittings(self, now=None, limit=8):
        now = now or timezone.now()
        return [s for s in self.sittings if (s.end or s.start) >= now][:limit]

    def next_sitting(self, now=None):
        """The sitting to show first: the next one to come, else the last one."""
        upcoming = self.upcoming_sittings(now, limit=1)
        if upcoming:
            return upcoming[0]
        return self.sittings[-1] if self.sittings else None

    def is_over(self, now=None):
        now = now or timezone.now()
        return self.last_end is not None and self.last_end < now

    @property
    def is_recurring(self):
        return bool(self.rrule)

    def registration_link(self, request=None):
        if self.registration_url:
            return self.registration_url
        if self.registration_page_id and self.registration_page and self.registration_page.live:
            return self.registration_page.get_url(request)
        return ""

    def registration_open(self, now=None):
        now = now or timezone.now()
        if self.cancelled or self.is_over(now):
            return False
        return self.registration_deadline is None or now <= self.registration_deadline

    @property
    def has_registration(self):
        return bool(
            self.registration_url
            or self.registration_page_id
            or self.registration_deadline
            or self.registration_places
        )

    @property
    def audience_label(self):
        """ "9А, 9Б", "7–9 классы" or "вся школа" (a listing reads the classes' labels
        with the events)."""
        if "listed_class_labels" in self.__dict__:
            names = class_names(self.listed_class_labels)
        else:
            names = ", ".join(str(school_class) for school_class in self.classes.all())
        if names:
            return names
        return grades_label(self.grade_from, self.grade_to) or _("вся школа")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context.update(
            now=now,
            is_over=self.is_over(now),
            next_sitting=self.next_sitting(now),
            upcoming_sittings=self.upcoming_sittings(now),
            cancelled_dates=sorted(
                day for day in self.excluded_dates if day >= timezone.localdate(now)
            ),
            organisers=[
                organiser.user
                for organiser in self.organisers.select_related("user").order_by("sort_order")
            ],
            registration_link=self.registration_link(request),
            registration_open=self.registration_open(now),
            json_ld=calendar.event_json_ld(self, request, now),
            ical_url=ical.url(self, request, "ical"),
        )
        return context

    @path("event.ics/", name="ical")
    def ical_view(self, request):
        return ical.feed_response(request, self.title, [self], f"{self.slug}.ics")


class EventOrganiser(Orderable):
    """A teacher organising an event (ordered; teachers' portfolios link users later)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учитель"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("организатор")
        verbose_name_plural = _("организаторы")


class EventException(models.Model):
    """A cancelled date of a recurring event (EXDATE)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("дата"))
    reason = models.CharField(_("причина"), max_length=200, blank=True)

    panels = [FieldPanel("date"), FieldPanel("reason")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("отменённая дата")
        verbose_name_plural = _("отменённые даты")

    def __str__(self):
        return str(self.date)
