"""The school's site-wide settings (name, contacts, logo, social links)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from .mixins import LocalizedNameMixin
from .requisites import LegalRequisitesMixin

SOCIAL_NETWORKS = [
    ("vk", "ВКонтакте"),
    ("telegram", "Telegram"),
    ("max", "MAX"),
    ("ok", "Одноклассники"),
    ("rutube", "RUTUBE"),
    ("youtube", "YouTube"),
    ("other", _("Другое")),
]


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS, label=_("Сеть"))
    url = blocks.URLBlock(label=_("Адрес"))
    label = blocks.CharBlock(
        required=False, max_length=60, label=_("Подпись"), help_text=_("Если «Другое»")
    )

    class Meta:
        icon = "link"
        label = _("Ссылка на соцсеть")


@register_setting(icon="home")
class SchoolSettings(LocalizedNameMixin, LegalRequisitesMixin, BaseSiteSetting):
    """The school's name and contacts, shown in every page's header and footer.

    Edited under Settings → «Сведения о школе». English variants are optional: the
    English site falls back to the Russian text where they are empty.
    """

    name = models.CharField(_("полное название"), max_length=300)
    short_name = models.CharField(_("краткое название"), max_length=120)
    name_en = models.CharField(_("полное название (англ.)"), max_length=300, blank=True)
    short_name_en = models.CharField(_("краткое название (англ.)"), max_length=120, blank=True)
    address = models.CharField(_("адрес"), max_length=300, blank=True)
    address_en = models.CharField(_("адрес (англ.)"), max_length=300, blank=True)
    phone = models.CharField(_("телефон"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    director = models.CharField(_("директор"), max_length=200, blank=True)
    working_hours = models.TextField(_("часы работы"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("логотип"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_links = StreamField([("link", SocialLinkBlock())], blank=True, verbose_name=_("соцсети"))
    privacy_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("политика обработки персональных данных"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Страница с политикой (152-ФЗ). На неё ведут ссылки у каждого согласия на "
            "обработку данных в формах сайта и в подвале."
        ),
    )

    # The header, the footer and every consent label read these on every page.
    select_related = ["privacy_policy_page", "privacy_policy_page__locale"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("logo")],
            heading=_("Название"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("director"),
                FieldPanel("working_hours"),
            ],
            heading=_("Контакты"),
        ),
        FieldPanel("social_links"),
        *LegalRequisitesMixin.legal_panels,
        FieldPanel("privacy_policy_page"),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("short_name_en"), FieldPanel("address_en")],
            heading=_("Английская версия"),
            classname="collapsed",
        ),
    ]

    class Meta:
        verbose_name = _("Сведения о школе")

    def __str__(self):
        return self.short_name or self.name

    @property
    def social_link_items(self):
        """(label, url) pairs for the footer; "other" links show their own label."""
        names = dict(SOCIAL_NETWORKS)
        items = []
        for link in self.social_links:
            network, label = link.value["network"], link.value["label"]
            items.append(
                (label if network == "other" and label else names[network], link.value["url"])
            )
        return items

    @property
    def display_name(self):
        """Full name in the visitor's language."""
        return self.localized("name")

    @property
    def display_short_name(self):
        """Short name in the visitor's language."""
        return self.localized("short_name")

    @property
    def display_address(self):
        """Address in the visitor's language."""
        return self.localized("address")
