"""School meals monitoring: the ``/food/`` folder of daily menu files.

The Ministry of Education's monitoring of school meals (letter № ГД-1158/01 of
17 May 2021 and the federal monitoring centre's format) reads spreadsheets from the
``/food/`` folder at the site's root:

- ``YYYY-MM-DD-sm.xlsx`` — the menu of one school day (``sm``: the usual suffix; a
  school with several kitchens or age groups uses its own suffix per menu);
- ``tmYYYY-sm.xlsx`` — the typical (cyclic) menu of the year;
- ``kpYYYY.xlsx`` — the year's meals calendar (which cycle day falls on which date).

An editor uploads each file in the admin («Меню питания»); the file is served under
the name the monitoring expects whatever it was called on the editor's computer, and
a name that contradicts the chosen date or year is refused.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

KIND_CHOICES = [
    ("daily", _("ежедневное меню")),
    ("typical", _("типовое (цикличное) меню на год")),
    ("calendar", _("календарь питания на год")),
]

MAX_MENU_BYTES = 5 * 1024 * 1024

# Every name the folder serves; the view refuses anything else before touching the DB.
FILE_NAME_RE = re.compile(
    r"^(?:(?P<date>\d{4}-\d{2}-\d{2})-(?P<dsuffix>[a-z0-9]{1,10})"
    r"|tm(?P<tyear>\d{4})-(?P<tsuffix>[a-z0-9]{1,10})"
    r"|kp(?P<kyear>\d{4})(?:-(?P<ksuffix>[a-z0-9]{1,10}))?)\.xlsx$"
)


def parse_file_name(name):
    """``"2026-12-01-sm.xlsx"`` → ("daily", date, None, "sm"); None if not a menu name."""
    match = FILE_NAME_RE.match(name or "")
    if match is None:
        return None
    if match["date"]:
        try:
            day = datetime.date.fromisoformat(match["date"])
        except ValueError:
            return None
        return "daily", day, None, match["dsuffix"]
    if match["tyear"]:
        return "typical", None, int(match["tyear"]), match["tsuffix"]
    return "calendar", None, int(match["kyear"]), match["ksuffix"] or ""


def menu_upload_to(instance, filename):
    return f"food/{instance.build_name() or 'menu.xlsx'}"


class MenuFile(models.Model):
    kind = models.CharField(_("что это"), max_length=10, choices=KIND_CHOICES, default="daily")
    date = models.DateField(_("день"), null=True, blank=True, help_text=_("Для ежедневного меню."))
    year = models.PositiveSmallIntegerField(
        _("год"), null=True, blank=True, help_text=_("Для типового меню и календаря.")
    )
    suffix = models.CharField(
        _("суффикс"),
        max_length=10,
        blank=True,
        default="sm",
        validators=[RegexValidator(r"^[a-z0-9]*$", _("Только строчные латинские буквы и цифры."))],
        help_text=_("«sm» в «2026-12-01-sm.xlsx»; у календаря обычно пусто."),
    )
    file = models.FileField(
        _("файл .xlsx"),
        upload_to=menu_upload_to,
        validators=[FileExtensionValidator(["xlsx"])],
        help_text=_("Таблица в формате мониторинга; можно назвать как угодно — имя дадим сами."),
    )
    name = models.CharField(_("имя в папке /food/"), max_length=40, unique=True, editable=False)
    uploaded_at = models.DateTimeField(_("загружено"), auto_now=True)

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("year"), FieldPanel("suffix")]),
        FieldPanel("file"),
    ]

    class Meta:
        verbose_name = _("файл меню")
        verbose_name_plural = _("меню питания")
        ordering = ["-date", "-year", "name"]

    def __str__(self):
        return self.name or self.build_name() or str(_("новый файл меню"))

    def build_name(self):
        if self.kind == "daily" and self.date and self.suffix:
            return f"{self.date:%Y-%m-%d}-{self.suffix}.xlsx"
        if self.kind == "typical" and self.year and self.suffix:
            return f"tm{self.year}-{self.suffix}.xlsx"
        if self.kind == "calendar" and self.year:
            return f"kp{self.year}{'-' + self.suffix if self.suffix else ''}.xlsx"
        return ""

    def clean(self):
        super().clean()
        self._take_fields_from_file_name()
        errors = {}
        if self.kind == "daily" and not self.date:
            errors["date"] = _("Укажите день, на который это меню.")
        if self.kind in ("typical", "calendar") and not self.year:
            errors["year"] = _("Укажите год.")
        if self.kind in ("daily", "typical") and not self.suffix:
            errors["suffix"] = _("Мониторинг ждёт суффикс, обычно «sm».")
        if errors:
            raise ValidationError(errors)
        self.name = self.build_name()
        clash = MenuFile.objects.filter(name=self.name).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError(
                _("Файл %(name)s уже загружен: откройте его и замените файл.") % {"name": self.name}
            )
        if self.file and not getattr(self.file, "_committed", True):
            self._check_workbook()

    def _take_fields_from_file_name(self):
        """An uploaded «2026-12-01-sm.xlsx» fills an empty date; a contradiction is an error."""
        if not self.file or getattr(self.file, "_committed", True):
            return
        uploaded = self.file.name.rsplit("/", 1)[-1].lower()
        parsed = parse_file_name(uploaded)
        if parsed is None:
            return
        kind, day, year, suffix = parsed
        if kind != self.kind:
            raise ValidationError(
                {
                    "file": _("По имени файла это «%(kind)s», а выбрано другое.")
                    % {"kind": dict(KIND_CHOICES)[kind]}
                }
            )
        if day and self.date and day != self.date:
            raise ValidationError(
                {
                    "file": _("Файл назван на %(file)s, а выбран день %(chosen)s.")
                    % {"file": f"{day:%d.%m.%Y}", "chosen": f"{self.date:%d.%m.%Y}"}
                }
            )
        if year and self.year and year != self.year:
            raise ValidationError({"file": _("Файл назван на другой год.")})
        self.date = self.date or day
        self.year = self.year or year
        if suffix and not self.suffix:
            self.suffix = suffix

    def _check_workbook(self):
        from ..xlsx import MenuWorkbookError, check_menu_workbook

        if self.file.size > MAX_MENU_BYTES:
            raise ValidationError({"file": _("Файл больше 5 МБ — это не похоже на меню.")})
        try:
            check_menu_workbook(self.file, self.date if self.kind == "daily" else None)
        except MenuWorkbookError as error:
            raise ValidationError({"file": str(error)}) from None
        finally:
            self.file.seek(0)
