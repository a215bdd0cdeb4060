"""Citizens' appeals (59-ФЗ «О порядке рассмотрения обращений граждан РФ»).

What the law asks of the school, and where it lives here:

- an electronic appeal carries the surname, name (patronymic if any), the e-mail for
  an electronic answer or the postal address for a written one, and the substance of
  the proposal, statement or complaint (ст. 7) — the fields of ``Appeal``;
- it is registered within three days of receipt (ст. 8 ч. 2): an appeal sent through
  the site is registered at once, with a number of the year's sequence;
- it is answered within 30 days of registration (ст. 12 ч. 1); the head of the school
  may extend that by up to 30 days, telling the applicant (ст. 12 ч. 2) —
  ``deadline`` is kept in step with the extension;
- an appeal outside the school's competence is forwarded within seven days of
  registration, telling the applicant (ст. 8 ч. 3) — the status «переадресовано».

Nothing here is public: the model is not a page, not indexed for search, has no API
and is seen in the admin only by school editors and administrators.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ANSWER_DAYS = 30  # ст. 12 ч. 1
MAX_EXTENSION_DAYS = 30  # ст. 12 ч. 2
DUE_SOON_DAYS = 5  # the dashboard warns this many days ahead

NAME_MAX_LENGTH = 60
SUBJECT_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 8000
ADDRESS_MAX_LENGTH = 300
ANSWER_MAX_LENGTH = 8000

# Letters of any alphabet, words joined by a space, a hyphen or an apostrophe:
# «Салтыков-Щедрин», «д’Артаньян», «Анна Мария».
validate_name = RegexValidator(
    r"^[^\W\d_]+(?:[ '’\-][^\W\d_]+)*\Z",
    _("Только буквы, пробел, дефис или апостроф."),
    code="invalid_name",
)


class Status(models.TextChoices):
    NEW = "new", _("новое")
    IN_WORK = "in_work", _("в работе")
    ANSWERED = "answered", _("дан ответ")
    FORWARDED = "forwarded", _("переадресовано")


OPEN_STATUSES = [Status.NEW, Status.IN_WORK]


class AnswerBy(models.TextChoices):
    EMAIL = "email", _("по электронной почте")
    POST = "post", _("письмом по почте")


def answer_deadline(registered_on, extension_days=0):
    """The last day to answer: 30 days from registration, plus an extension.

    Counted in calendar days with no shift for weekends: the school answers on
    the day itself or earlier, never later.
    """
    return registered_on + datetime.timedelta(days=ANSWER_DAYS + (extension_days or 0))


class AppealCounter(models.Model):
    """The last number given in a year; one row per year."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("счётчик номеров обращений")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


def next_sequence(year):
    """The next number of ``year`` (1, 2, 3 …), safe under concurrent requests.

    One statement that inserts the year's row or increments it and returns the value:
    PostgreSQL (and SQLite ≥ 3.35) lock the row for the rest of the transaction, so
    two appeals registered at once never get the same number, and a registration
    that is rolled back gives its number back.
    """
    table = connection.ops.quote_name(AppealCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (year, last_number) VALUES (%s, 1) "  # noqa: S608 — quoted name
            f"ON CONFLICT (year) DO UPDATE SET last_number = {table}.last_number + 1 "
            "RETURNING last_number",
            [year],
        )
        return cursor.fetchone()[0]


def format_number(prefix, year, sequence):
    """ "12-2026/0001" with the school's prefix, "2026/0001" without one."""
    number = f"{year}/{sequence:04d}"
    return f"{prefix}-{number}" if prefix else number


class AppealQuerySet(models.QuerySet):
    def open(self):
        """New and in work: an answer is still owed."""
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        return self.open().filter(deadline__lt=today or timezone.localdate())

    def due_soon(self, today=None, days=DUE_SOON_DAYS):
        today = today or timezone.localdate()
        return self.open().filter(
            deadline__gte=today, deadline__lte=today + datetime.timedelta(days=days)
        )

    def answered_late(self):
        return self.filter(status=Status.ANSWERED, answered_on__gt=models.F("deadline"))


class Appeal(models.Model):
    """One registered appeal, from receipt to the answer or forwarding."""

    number = models.CharField(_("регистрационный номер"), max_length=40, unique=True)
    year = models.PositiveSmallIntegerField(_("год регистрации"), editable=False)
    sequence = models.PositiveIntegerField(_("порядковый номер"), editable=False)
    received_at = models.DateTimeField(_("поступило"), default=timezone.now)
    registered_on = models.DateField(_("дата регистрации"), default=timezone.localdate)
    addressee = models.CharField(_("кому адресовано"), max_length=300, blank=True)

    last_name = models.CharField(
        _("фамилия"), max_length=NAME_MAX_LENGTH, validators=[validate_name]
    )
    first_name = models.CharField(_("имя"), max_length=NAME_MAX_LENGTH, validators=[validate_name])
    patronymic = models.CharField(
        _("отчество"), max_length=NAME_MAX_LENGTH, blank=True, validators=[validate_name]
    )
    answer_by = models.CharField(
        _("как направить ответ"), max_length=10, choices=AnswerBy.choices, default=AnswerBy.EMAIL
    )
    email = models.EmailField(_("e-mail"), blank=True)
    postal_address = models.CharField(
        _("почтовый адрес"), max_length=ADDRESS_MAX_LENGTH, blank=True
    )
    phone = models.CharField(_("телефон"), max_length=40, blank=True)
    subject = models.CharField(_("тема"), max_length=SUBJECT_MAX_LENGTH)
    text = models.TextField(_("текст обращения"), max_length=TEXT_MAX_LENGTH)

    status = models.CharField(
        _("статус"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("исполнитель"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    deadline = models.DateField(_("срок ответа"), editable=False, db_index=True)
    extension_days = models.PositiveSmallIntegerField(
        _("продление, дней"),
        default=0,
        validators=[MaxValueValidator(MAX_EXTENSION_DAYS)],
        help_text=_(
            "Не более 30 дней, по решению директора (ст. 12 ч. 2 59-ФЗ); заявителя нужно уведомить."
        ),
    )
    extension_reason = models.TextField(_("основание продления"), blank=True, max_length=1000)
    extension_notified_on = models.DateField(
        _("заявитель уведомлён о продлении"), null=True, blank=True
    )
    forwarded_to = models.CharField(_("куда переадресовано"), max_length=300, blank=True)
    forwarded_on = models.DateField(_("дата переадресации"), null=True, blank=True)
    answer = models.TextField(
        _("ответ"),
        blank=True,
        max_length=ANSWER_MAX_LENGTH,
        help_text=_("Текст ответа или его краткое содержание и исходящий номер письма."),
    )
    answered_on = models.DateField(_("дата ответа"), null=True, blank=True)
    notes = models.TextField(_("служебные заметки"), blank=True, max_length=4000)

    objects = AppealQuerySet.as_manager()

    class Meta:
        verbose_name = _("обращение гражданина")
        verbose_name_plural = _("обращения граждан")
        ordering = ["-registered_on", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="appeal_unique_sequence")
        ]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        # Log entries and titles in the admin name the number, never the person.
        return _("Обращение № %(number)s") % {"number": self.number}

    def save(self, *args, **kwargs):
        self.deadline = answer_deadline(self.registered_on, self.extension_days)
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return " ".join(part for part in (self.last_name, self.first_name, self.patronymic) if part)

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, today=None):
        return self.is_open and self.deadline < (today or timezone.localdate())

    def days_left(self, today=None):
        return (self.deadline - (today or timezone.localdate())).days

    def clean(self):
        super().clean()
        errors = {}
        if self.answer_by == AnswerBy.EMAIL and not self.email:
            errors["email"] = _("Укажите e-mail: на него будет направлен ответ.")
        if self.answer_by == AnswerBy.POST and not self.postal_address.strip():
            errors["postal_address"] = _("Укажите почтовый адрес: на него придёт ответ.")
        if self.extension_days and not self.extension_reason.strip():
            errors["extension_reason"] = _("Укажите основание продления срока.")
        if self.extension_days and not self.extension_notified_on:
            errors["extension_notified_on"] = _(
                "О продлении срока нужно уведомить заявителя: укажите дату уведомления."
            )
        if self.status == Status.ANSWERED:
            if not self.answer.strip():
                errors["answer"] = _("Внесите ответ или его краткое содержание.")
            if not self.answered_on:
                self.answered_on = timezone.localdate()
        if self.status == Status.FORWARDED:
            if not self.forwarded_to.strip():
                errors["forwarded_to"] = _("Укажите, куда переадресовано обращение.")
            if not self.forwarded_on:
                self.forwarded_on = timezone.localdate()
        for field in ("answered_on", "forwarded_on", "extension_notified_on"):
            day = getattr(self, field)
            if day and self.registered_on and day < self.registered_on:
                errors[field] = _("Дата не может быть раньше регистрации обращения.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def register(cls, prefix="", **fields):
        """Create an appeal with the next number of the registration year."""
        with transaction.atomic():
            appeal = cls(**fields)
            appeal.year = appeal.registered_on.year
            appeal.sequence = next_sequence(appeal.year)
            appeal.number = format_number(prefix, appeal.year, appeal.sequence)
            appeal.save()
        return appeal


def overdue_q(today=None):
    """``Q`` of the open appeals past their deadline (for list filters)."""
    return Q(status__in=OPEN_STATUSES, deadline__lt=today or timezone.localdate())
