"""School taxonomy shared by every section: subjects and classes (snippets)."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .mixins import GRADE_CHOICES, LocalizedNameMixin

# Cyrillic class letters → Latin for URLs (/classes/9a/).
CLASS_LETTER_SLUGS = {
    "А": "a", "Б": "b", "В": "v", "Г": "g", "Д": "d", "Е": "e", "Ж": "zh", "З": "z",
    "И": "i", "К": "k", "Л": "l", "М": "m", "Н": "n", "О": "o", "П": "p", "Р": "r",
    "С": "s", "Т": "t", "У": "u", "Ф": "f", "Х": "h", "Э": "e", "Ю": "yu", "Я": "ya",
}  # fmt: skip


class Subject(LocalizedNameMixin, index.Indexed, models.Model):
    """A school subject ("Математика", "Физика") used to tag pages across sections.

    Subject sections, events, exams, teachers and piggy-bank materials all point at
    these rows, so filters by subject work the same everywhere.
    """

    name = models.CharField(_("название"), max_length=100, unique=True)
    name_en = models.CharField(_("название (англ.)"), max_length=100, blank=True)
    slug = models.SlugField(_("адрес в URL"), max_length=100, unique=True, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("предмет")
        verbose_name_plural = _("предметы")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return self.localized("name")


class SchoolClass(models.Model):
    """A class of pupils: grade + letter ("9А"), with its homeroom teacher.

    Topics, homework, events and timetables are addressed to classes; each class has
    a public page at /classes/<slug>/ (slug "9a").
    """

    grade = models.PositiveSmallIntegerField(_("параллель"), choices=GRADE_CHOICES)
    letter = models.CharField(
        _("литера"),
        max_length=2,
        validators=[RegexValidator(r"^[А-ЯЁ]{1,2}$", _("Заглавная русская буква, например «А»."))],
    )
    slug = models.SlugField(_("адрес в URL"), max_length=10, unique=True, editable=False)
    homeroom_teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("классный руководитель"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="homeroom_classes",
    )

    panels = [FieldPanel("grade"), FieldPanel("letter"), FieldPanel("homeroom_teacher")]

    class Meta:
        ordering = ["grade", "letter"]
        verbose_name = _("класс")
        verbose_name_plural = _("классы")
        constraints = [
            models.UniqueConstraint(fields=["grade", "letter"], name="unique_school_class")
        ]

    def __str__(self):
        """«9А» in Russian; "9A" on the English site, as its address spells it
        (``/en/classes/9a/``): English readers cannot be expected to read Cyrillic."""
        if (get_language() or "").startswith("en"):
            return f"{self.grade}{self.latin_letter}"
        return f"{self.grade}{self.letter}"

    def save(self, *args, **kwargs):
        self.slug = self.slug_for(self.grade, self.letter)
        super().save(*args, **kwargs)

    @property
    def latin_letter(self):
        return self.transliterate(self.letter).upper()

    @staticmethod
    def transliterate(letter):
        """The class letter in Latin letters, as in the class's address ("Б" → "b")."""
        return "".join(CLASS_LETTER_SLUGS.get(char, char) for char in letter.upper())

    @staticmethod
    def slug_for(grade, letter):
        return slugify(f"{grade}{SchoolClass.transliterate(letter)}")
