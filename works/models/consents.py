"""A parent's consent to publish a pupil's work or photographs (152-ФЗ).

The record itself is personal data: it is seen only in the admin, by the teacher who
entered it and by school editors/administrators. Public pages show the pupil's first
name and class, never who gave the consent.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

SCOPE_SITE = "site"
SCOPE_SITE_SOCIAL = "site_social"
SCOPE_SCHOOL_ONLY = "school_only"
SCOPE_CHOICES = [
    (SCOPE_SITE, _("публикация на сайте школы")),
    (SCOPE_SITE_SOCIAL, _("сайт и официальные группы школы в соцсетях")),
    (SCOPE_SCHOOL_ONLY, _("только внутри школы (стенды, школьные мероприятия), не в интернете")),
]
# Scopes that allow publishing on this website.
WEBSITE_SCOPES = (SCOPE_SITE, SCOPE_SITE_SOCIAL)

# One word of letters, optionally hyphenated ("Алина", "Анна-Мария"): a first name,
# never "Алина Петрова".
FIRST_NAME_RE = re.compile(r"^[^\W\d_]+(-[^\W\d_]+)?$")


def validate_first_name(value):
    if not FIRST_NAME_RE.match((value or "").strip()):
        raise ValidationError(
            _("Только имя, одним словом (например, «Алина»): фамилию на сайте не указываем."),
            code="not_first_name",
        )


def today():
    return timezone.localdate()


class ConsentQuerySet(models.QuerySet):
    def valid(self, on=None):
        """Consents given by ``on`` (default today), not withdrawn by then, for the website."""
        on = on or today()
        return self.filter(given_on__lte=on, scope__in=WEBSITE_SCOPES).filter(
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on)
        )

    def invalid(self, on=None):
        return self.exclude(pk__in=self.model.objects.valid(on).values("pk"))

    def visible_to(self, user):
        """What ``user`` may see in the admin: their own records, or all for editors."""
        if not (user and user.is_authenticated and user.is_active):
            return self.none()
        if user.has_perm("works.view_all_consents"):
            return self.all()
        return self.filter(created_by=user)


class Consent(index.Indexed, models.Model):
    """A signed consent of a parent or legal representative to publish a pupil's work
    or photographs on the school's site.

    ``is_valid(on)`` is what the pages check: given, not withdrawn as of that day and
    with a scope that covers the website. The signed paper form stays at school; the
    record says where (no scans of personal documents are uploaded to the site).
    """

    pupil_first_name = models.CharField(
        _("имя ученика"),
        max_length=40,
        validators=[validate_first_name],
        help_text=_("Только имя, без фамилии."),
    )
    school_class = models.ForeignKey(
        "portal.SchoolClass",
        verbose_name=_("класс"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    class_label = models.CharField(
        _("класс (если его нет в списке)"),
        max_length=20,
        blank=True,
        help_text=_("Например, «9А» или «выпускник 2025 года»."),
    )
    given_by = models.CharField(
        _("кто дал согласие"),
        max_length=200,
        help_text=_(
            "ФИО родителя или законного представителя. Персональные данные: видны только "
            "в админке, на сайте не показываются."
        ),
    )
    given_on = models.DateField(_("дата согласия"), default=today)
    scope = models.CharField(
        _("на что дано согласие"), max_length=20, choices=SCOPE_CHOICES, default=SCOPE_SITE
    )
    paper_form_location = models.CharField(
        _("где хранится бланк"),
        max_length=200,
        help_text=_(
            "Подписанный бумажный бланк хранится в школе: укажите где "
            "(например, «канцелярия, папка 9А»)."
        ),
    )
    withdrawn_on = models.DateField(
        _("дата отзыва"),
        null=True,
        blank=True,
        help_text=_(
            "С этого дня согласие недействительно: работы и фотоотчёты с ним "
            "снимаются с публикации."
        ),
    )
    notes = models.TextField(_("примечания"), blank=True, max_length=2000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("внёс(ла)"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("создано"), auto_now_add=True)

    objects = ConsentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("pupil_first_name"),
                FieldRowPanel([FieldPanel("school_class"), FieldPanel("class_label")]),
            ],
            heading=_("Ученик"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("given_by"),
                FieldRowPanel([FieldPanel("given_on"), FieldPanel("scope")]),
                FieldPanel("paper_form_location"),
            ],
            heading=_("Согласие"),
        ),
        FieldPanel("withdrawn_on"),
        FieldPanel("notes"),
    ]
    # The admin list and chooser search by the pupil's name. The parent's name stays
    # out of the search index: personal data is kept in one table only.
    search_fields = [
        index.SearchField("pupil_first_name"),
        index.AutocompleteField("pupil_first_name"),
        index.FilterField("created_by"),
    ]

    class Meta:
        verbose_name = _("согласие на публикацию")
        verbose_name_plural = _("согласия на публикацию")
        ordering = ["-given_on", "-pk"]
        permissions = [("view_all_consents", _("Видит согласия всех учителей"))]

    def __str__(self):
        return _("%(pupil)s — согласие от %(date)s") % {
            "pupil": self.pupil_label,
            "date": date_format(self.given_on, "SHORT_DATE_FORMAT") if self.given_on else "—",
        }

    @property
    def class_name(self):
        return str(self.school_class) if self.school_class_id else self.class_label

    @property
    def pupil_label(self):
        """ "Алина, 9А" — how the pupil may appear publicly."""
        if self.class_name:
            return f"{self.pupil_first_name}, {self.class_name}"
        return self.pupil_first_name

    def clean(self):
        super().clean()
        if self.pupil_first_name:
            self.pupil_first_name = self.pupil_first_name.strip()
        if self.withdrawn_on and self.given_on and self.withdrawn_on < self.given_on:
            raise ValidationError(
                {"withdrawn_on": _("Согласие не может быть отозвано раньше, чем дано.")}
            )

    def is_valid(self, on=None):
        on = on or today()
        return (
            self.given_on is not None
            and self.given_on <= on
            and self.scope in WEBSITE_SCOPES
            and (self.withdrawn_on is None or self.withdrawn_on > on)
        )

    is_valid.boolean = True
