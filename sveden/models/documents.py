"""Documents the law asks for, each with the details of its electronic signature.

Order № 1493 wants most local acts placed "as electronic documents signed with an
electronic signature" (63-ФЗ). The file itself goes through Wagtail's document
pipeline; ``SignedDocument`` wraps it with what a visitor sees beside the link: who
signed, in which post, when, with which kind of signature and certificate — and when
the school must look at it again (the completeness report flags it after that day).
"""

import os

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..requirements import document_kinds

# Kinds that are linked from elsewhere, not from a fixed itemprop of «Документы».
EXTRA_KINDS = [
    ("programme", _("документ образовательной программы")),
    ("regulation", _("положение о подразделении, органе управления, филиале")),
    ("local_act", _("иной локальный нормативный акт")),
    ("catering", _("документ об организации питания")),
]

DOCUMENT_KIND_CHOICES = [
    (itemprop, f"{title} ({itemprop})") for itemprop, title, _slug in document_kinds()
] + EXTRA_KINDS

SIGNATURE_CHOICES = [
    ("simple", _("простая электронная подпись")),
    ("unqualified", _("усиленная неквалифицированная электронная подпись")),
    ("qualified", _("усиленная квалифицированная электронная подпись")),
]

# Formats order № 1493 accepts for documents placed on the site.
ALLOWED_EXTENSIONS = {"pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods"}


class SignedDocumentQuerySet(models.QuerySet):
    def needing_review(self, today=None):
        today = today or timezone.localdate()
        return self.filter(review_date__lt=today)


class SignedDocument(TranslatableMixin, index.Indexed, models.Model):
    """One document of the school (charter, rules, report …) with its signature."""

    title = models.CharField(_("название"), max_length=300)
    kind = models.CharField(_("вид"), max_length=40, choices=DOCUMENT_KIND_CHOICES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("файл"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("PDF (или DOC/DOCX, ODT, XLS/XLSX, ODS), как требует приказ № 1493."),
    )
    approved_on = models.DateField(_("дата утверждения"), null=True, blank=True)
    number = models.CharField(_("номер приказа"), max_length=60, blank=True)
    signer_name = models.CharField(_("подписал (ФИО)"), max_length=200)
    signer_post = models.CharField(_("должность подписавшего"), max_length=200)
    signed_at = models.DateTimeField(_("дата и время подписания"))
    signature_kind = models.CharField(
        _("вид подписи"), max_length=20, choices=SIGNATURE_CHOICES, default="simple"
    )
    certificate_serial = models.CharField(
        _("серийный номер сертификата"),
        max_length=80,
        blank=True,
        help_text=_("Для усиленной подписи."),
    )
    certificate_valid_from = models.DateField(_("сертификат действителен с"), null=True, blank=True)
    certificate_valid_to = models.DateField(_("сертификат действителен по"), null=True, blank=True)
    review_date = models.DateField(
        _("пересмотреть до"),
        null=True,
        blank=True,
        help_text=_("После этой даты отчёт о полноте раздела отметит документ как устаревший."),
    )
    sort_order = models.PositiveSmallIntegerField(_("порядок"), default=0)

    objects = SignedDocumentQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("document"),
        FieldRowPanel([FieldPanel("approved_on"), FieldPanel("number")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signer_name"), FieldPanel("signer_post")]),
                FieldRowPanel([FieldPanel("signed_at"), FieldPanel("signature_kind")]),
                FieldPanel("certificate_serial"),
                FieldRowPanel(
                    [FieldPanel("certificate_valid_from"), FieldPanel("certificate_valid_to")]
                ),
            ],
            heading=_("Электронная подпись"),
        ),
        FieldRowPanel([FieldPanel("review_date"), FieldPanel("sort_order")]),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("документ с электронной подписью")
        verbose_name_plural = _("документы с электронной подписью")
        ordering = ["sort_order", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.document_id and self.document is not None:
            extension = os.path.splitext(self.document.file.name)[1].lower().lstrip(".")
            if extension not in ALLOWED_EXTENSIONS:
                errors["document"] = _(
                    "Файл .%(ext)s не подходит: нужен PDF, DOC/DOCX, ODT, RTF, XLS/XLSX или ODS."
                ) % {"ext": extension or "?"}
        if self.signature_kind != "simple":
            for name in ("certificate_serial", "certificate_valid_from", "certificate_valid_to"):
                if not getattr(self, name):
                    errors[name] = _("Для усиленной подписи укажите данные сертификата.")
        valid_from, valid_to = self.certificate_valid_from, self.certificate_valid_to
        if valid_from and valid_to and valid_from > valid_to:
            errors["certificate_valid_to"] = _("Срок действия кончается раньше, чем начинается.")
        if self.signed_at and valid_from and valid_to and not errors:
            signed_on = timezone.localtime(self.signed_at).date()
            if not valid_from <= signed_on <= valid_to:
                errors["signed_at"] = _("В день подписания сертификат не действовал.")
        if self.approved_on and self.review_date and self.review_date < self.approved_on:
            errors["review_date"] = _("Дата пересмотра раньше даты утверждения.")
        if errors:
            raise ValidationError(errors)

    @property
    def url(self):
        """The file's address, or "" when the file was deleted (the page says so)."""
        return self.document.url if self.document_id and self.document is not None else ""

    @property
    def file_extension(self):
        if not self.url:
            return ""
        return os.path.splitext(self.document.file.name)[1].lstrip(".").upper()

    def is_out_of_date(self, today=None):
        return bool(self.review_date and self.review_date < (today or timezone.localdate()))
