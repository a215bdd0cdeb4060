"""Lesson timetables per class, shown on the home page's bulletin board."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

WEEKDAYS = [
    (1, _("Понедельник")),
    (2, _("Вторник")),
    (3, _("Среда")),
    (4, _("Четверг")),
    (5, _("Пятница")),
    (6, _("Суббота")),
]
LESSON_NUMBERS = [(number, str(number)) for number in range(1, 9)]


class ClassTimetableForm(WagtailAdminModelForm):
    """Refuses two lessons in the same slot (weekday + number) with a clear message."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("lessons")
        # ClusterForm validates child formsets after this form; validate them now so
        # their cleaned data can be compared (is_valid() runs full_clean only once).
        if formset is None or not formset.is_valid():
            return cleaned
        seen = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            slot = (data.get("weekday"), data.get("number"))
            if slot in seen:
                form.add_error("number", _("В этот день уже есть урок с таким номером."))
                self.add_error(None, _("Два урока стоят на одном месте расписания."))
            seen.add(slot)
        return cleaned


class ClassTimetable(ClusterableModel):
    """The weekly lesson timetable of one class (snippet)."""

    school_class = models.OneToOneField(
        "portal.SchoolClass",
        verbose_name=_("класс"),
        on_delete=models.CASCADE,
        related_name="timetable",
    )
    note = models.CharField(
        _("примечание"),
        max_length=300,
        blank=True,
        help_text=_("Например: «Действует со 2 сентября»."),
    )

    base_form_class = ClassTimetableForm
    panels = [
        FieldPanel("school_class"),
        FieldPanel("note"),
        InlinePanel("lessons", heading=_("Уроки")),
    ]

    class Meta:
        ordering = ["school_class__grade", "school_class__letter"]
        verbose_name = _("расписание уроков")
        verbose_name_plural = _("расписания уроков")

    def __str__(self):
        return _("Расписание %(class)s") % {"class": self.school_class}

    @staticmethod
    def grid(lessons):
        """Rows of the timetable table: (number, [lesson or None for each weekday]),
        only for lesson numbers and weekdays that have any lesson."""
        by_slot = {(lesson.weekday, lesson.number): lesson for lesson in lessons}
        numbers = sorted({number for _day, number in by_slot})
        days = [day for day in WEEKDAYS if any(slot[0] == day[0] for slot in by_slot)]
        rows = [
            (number, [by_slot.get((day, number)) for day, _label in days]) for number in numbers
        ]
        return days, rows


class Lesson(Orderable):
    """One lesson of a class's timetable: weekday, number, subject, room."""

    timetable = ParentalKey(ClassTimetable, on_delete=models.CASCADE, related_name="lessons")
    weekday = models.PositiveSmallIntegerField(_("день недели"), choices=WEEKDAYS)
    number = models.PositiveSmallIntegerField(_("номер урока"), choices=LESSON_NUMBERS)
    subject = models.ForeignKey(
        "portal.Subject", verbose_name=_("предмет"), on_delete=models.CASCADE, related_name="+"
    )
    room = models.CharField(_("кабинет"), max_length=20, blank=True)

    panels = [
        FieldPanel("weekday"),
        FieldPanel("number"),
        FieldPanel("subject"),
        FieldPanel("room"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("урок")
        verbose_name_plural = _("уроки")
