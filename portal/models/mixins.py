"""Model mixins shared by the apps."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _


def _grade_label(grade):
    return gettext("%(grade)s класс") % {"grade": grade}


# Lazy: "%" on a lazy string would fix the label in the language active at import.
GRADE_CHOICES = [(grade, lazy(_grade_label, str)(grade)) for grade in range(1, 12)]


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


def grade_range(grade_from, grade_to):
    """The grade numbers of an inclusive range (5–9, or just 9; empty without grades)."""
    if not grade_from:
        return range(0)
    return range(grade_from, (grade_to or grade_from) + 1)


def grades_label(grade_from, grade_to):
    """ "9 класс" or "7–9 классы" ("" without grades)."""
    if not grade_from:
        return ""
    if not grade_to or grade_to == grade_from:
        return _("%(grade)s класс") % {"grade": grade_from}
    return _("%(first)s–%(last)s классы") % {"first": grade_from, "last": grade_to}


def grade_range_errors(grade_from, grade_to):
    """Field errors of a grade range, for a model's ``clean()`` ({} when it is fine)."""
    if grade_to and not grade_from:
        return {"grade_from": _("Укажите первый класс диапазона.")}
    if grade_to is not None and grade_from and grade_to < grade_from:
        return {"grade_to": _("Последний класс не может быть меньше первого.")}
    return {}


def grade_q(grade, prefix=""):
    """A Q object selecting rows whose grade range includes ``grade``."""
    return Q(**{f"{prefix}grade_from__lte": grade}) & (
        Q(**{f"{prefix}grade_to__gte": grade})
        | Q(**{f"{prefix}grade_to__isnull": True, f"{prefix}grade_from": grade})
    )


class IntroductionMixin(models.Model):
    """A short plain-text introduction under the page title (index and section pages,
    free pages): shown on the page and in listings, searchable where the page adds
    ``index.SearchField("introduction")``."""

    introduction = models.TextField(_("вводный текст"), blank=True, max_length=1000)

    class Meta:
        abstract = True


class GradeRangeMixin(models.Model):
    """Grades a page or object is meant for, as an inclusive range (5–9, or just 9).

    A range keeps filtering simple on every database (``grade_q`` above) and
    matches how teachers describe material: "для 7–9 классов". Models whose grades
    are optional (events: none means the whole school) use the functions above.
    """

    grade_from = models.PositiveSmallIntegerField(_("с класса"), choices=GRADE_CHOICES)
    grade_to = models.PositiveSmallIntegerField(
        _("до класса включительно"),
        choices=GRADE_CHOICES,
        null=True,
        blank=True,
        help_text=_("Пусто — только один класс."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = grade_range_errors(self.grade_from, self.grade_to)
        if errors:
            raise ValidationError(errors)

    @property
    def grades(self):
        """The grade numbers as a range (for templates and filters)."""
        return grade_range(self.grade_from, self.grade_to)

    @property
    def grades_label(self):
        """ "9 класс" or "7–9 классы"."""
        return grades_label(self.grade_from, self.grade_to)
