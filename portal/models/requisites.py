"""The school's legal requisites, kept on ``SchoolSettings`` for «Сведения об ОО».

A separate abstract model so the settings class only gains a base class and a panel:
name, short name, address, phones and e-mail already live on ``SchoolSettings``; what
the law adds (date of creation, licence, accreditation, registration numbers, extra
phones and e-mails) is here. «Основные сведения» (``/sveden/common/``) shows them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class LegalRequisitesMixin(models.Model):
    registration_date = models.DateField(
        _("дата создания"),
        null=True,
        blank=True,
        help_text=_("Дата создания образовательной организации (по уставу или ЕГРЮЛ)."),
    )
    inn = models.CharField(_("ИНН"), max_length=12, blank=True)
    ogrn = models.CharField(_("ОГРН"), max_length=15, blank=True)
    extra_phones = models.CharField(
        _("другие телефоны"),
        max_length=300,
        blank=True,
        help_text=_("Через запятую, с подписью: «8 (4722) 55-12-13 — бухгалтерия»."),
    )
    extra_emails = models.CharField(
        _("другие адреса e-mail"), max_length=300, blank=True, help_text=_("Через запятую.")
    )
    license_number = models.CharField(
        _("номер лицензии"),
        max_length=60,
        blank=True,
        help_text=_("Например, Л035-01234-31/00123456."),
    )
    license_date = models.DateField(_("дата лицензии"), null=True, blank=True)
    accreditation_number = models.CharField(
        _("номер государственной аккредитации"), max_length=60, blank=True
    )
    accreditation_date = models.DateField(_("дата аккредитации"), null=True, blank=True)

    legal_panels = [
        MultiFieldPanel(
            [
                FieldPanel("registration_date"),
                FieldRowPanel([FieldPanel("inn"), FieldPanel("ogrn")]),
                FieldPanel("extra_phones"),
                FieldPanel("extra_emails"),
                FieldRowPanel([FieldPanel("license_number"), FieldPanel("license_date")]),
                FieldRowPanel(
                    [FieldPanel("accreditation_number"), FieldPanel("accreditation_date")]
                ),
            ],
            heading=_("Реквизиты для раздела «Сведения об образовательной организации»"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def phone_list(self):
        """The main phone and the extra ones, each as it was typed."""
        extra = [phone.strip() for phone in self.extra_phones.split(",") if phone.strip()]
        return [self.phone, *extra] if self.phone else extra

    @property
    def email_list(self):
        extra = [email.strip() for email in self.extra_emails.split(",") if email.strip()]
        return [self.email, *extra] if self.email else extra
