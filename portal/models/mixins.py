"""Model mixins shared by the apps."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

GRADE_CHOICES = [(grade, _("%(grade)s класс") % {"grade": grade}) for grade in range(1, 12)]


class LocalizedNameMixin:
    """``display_<field>`` helpers for models that keep an optional ``<field>_en``.

    Taxonomy and settings are not translated row by row (wagtail-localize would make
    one row per language and split every relation); an English variant of the name is
    enough, and the Russian text is the fallback.
    """

    def localized(self, field):
        value = getattr(self, field)
        if (get_language() or "").startswith("en"):
            return getattr(self, f"{field}_en", "") or value
        return value


class GradeRangeMixin(models.Model):
    """Grades a page or object is meant for, as an inclusive range (5–9, or just 9).

    A range keeps filtering simple on every database (``for_grade`` below) and
    matches how teachers describe material: "для 7–9 классов".
    """

    grade_from = models.PositiveSmallIntegerField(_("с класса"), choices=GRADE_CHOICES)
    grade_to = models.PositiveSmallIntegerField(
        _("по класс"),
        choices=GRADE_CHOICES,
        null=True,
        blank=True,
        help_text=_("Пусто — только один класс."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.grade_to is not None and self.grade_from and self.grade_to < self.grade_from:
            raise ValidationError({"grade_to": _("Последний класс не может быть меньше первого.")})

    @property
    def grades(self):
        """The grade numbers as a range (for templates and filters)."""
        if not self.grade_from:
            return range(0)
        return range(self.grade_from, (self.grade_to or self.grade_from) + 1)

    @property
    def grades_label(self):
        """ "9 класс" or "7–9 классы"."""
        if not self.grade_from:
            return ""
        if not self.grade_to or self.grade_to == self.grade_from:
            return _("%(grade)s класс") % {"grade": self.grade_from}
        return _("%(first)s–%(last)s классы") % {"first": self.grade_from, "last": self.grade_to}

    @staticmethod
    def grade_q(grade, prefix=""):
        """A Q object selecting rows whose range includes ``grade``."""
        return Q(**{f"{prefix}grade_from__lte": grade}) & (
            Q(**{f"{prefix}grade_to__gte": grade})
            | Q(**{f"{prefix}grade_to__isnull": True, f"{prefix}grade_from": grade})
        )
