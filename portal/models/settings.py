"""The school's site-wide settings (name, contacts, logo, colour, motto, social links)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from .mixins import LocalizedNameMixin
from .requisites import LegalRequisitesMixin

SOCIAL_NETWORKS = [
    # Network names as their own sites spell them in each language (footer labels).
    ("vk", pgettext_lazy("social network", "ВКонтакте")),
    ("telegram", "Telegram"),
    ("max", "MAX"),
    ("ok", pgettext_lazy("social network", "Одноклассники")),
    ("rutube", "RUTUBE"),
    ("youtube", "YouTube"),
    ("other", _("Другое")),
]


DEFAULT_BRAND_COLOUR = "#1f4e9c"
# White header text on the main colour needs WCAG AA contrast (4.5:1).
MIN_CONTRAST_WITH_WHITE = 4.5


def relative_luminance(hex_colour):
    """WCAG relative luminance of a "#rrggbb" colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour):
    return 1.05 / (relative_luminance(hex_colour) + 0.05)


def darker(hex_colour, factor=0.75):
    """The same hue, darker: for the menu bar and hovered links."""
    channels = [round(int(hex_colour[i : i + 2], 16) * factor) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in channels)


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
    brand_colour = models.CharField(
        _("основной цвет"),
        max_length=7,
        default=DEFAULT_BRAND_COLOUR,
        validators=[
            RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Цвет в виде #RRGGBB, например #1f4e9c."))
        ],
        help_text=_(
            "Цвет шапки и ссылок, в виде #RRGGBB. Белый текст на нём должен читаться, "
            "поэтому слишком светлый цвет сайт не примет."
        ),
    )
    motto = models.CharField(_("девиз"), max_length=200, blank=True)
    motto_en = models.CharField(_("девиз (англ.)"), max_length=200, blank=True)
    director_en = models.CharField(_("директор (англ.)"), max_length=200, blank=True)
    working_hours_en = models.TextField(_("часы работы (англ.)"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("картинка главной страницы"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Широкая картинка под шапкой главной страницы, на ней — девиз школы. "
            "Лучше без узнаваемых лиц детей."
        ),
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
    select_related = ["privacy_policy_page", "privacy_policy_page__locale", "logo", "hero_image"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("logo")],
            heading=_("Название"),
        ),
        MultiFieldPanel(
            [FieldPanel("brand_colour"), FieldPanel("motto"), FieldPanel("hero_image")],
            heading=_("Оформление"),
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
            [
                FieldPanel("name_en"),
                FieldPanel("short_name_en"),
                FieldPanel("address_en"),
                FieldPanel("motto_en"),
                FieldPanel("director_en"),
                FieldPanel("working_hours_en"),
            ],
            heading=_("Английская версия"),
            classname="collapsed",
        ),
    ]

    class Meta:
        verbose_name = _("Сведения о школе")

    def __str__(self):
        return self.short_name or self.name

    def clean(self):
        super().clean()
        colour = self.brand_colour or ""
        if len(colour) == 7 and colour.startswith("#"):
            try:
                contrast = contrast_with_white(colour)
            except ValueError:
                return  # the field's own validator reports the format
            if contrast < MIN_CONTRAST_WITH_WHITE:
                raise ValidationError(
                    {
                        "brand_colour": _(
                            "Слишком светлый цвет: белый текст на нём не прочитать "
                            "(контраст %(contrast).1f:1, нужно не меньше 4,5:1)."
                        )
                        % {"contrast": contrast}
                    }
                )

    @property
    def theme_colours(self):
        """The main colour and its darker shade for the theme stylesheet."""
        colour = (self.brand_colour or "").lower()
        if not re.fullmatch(r"#[0-9a-f]{6}", colour):
            colour = DEFAULT_BRAND_COLOUR
        return {"primary": colour, "primary_dark": darker(colour)}

    @property
    def theme_version(self):
        """Changes with the colour, so browsers fetch the new theme at once."""
        return self.theme_colours["primary"].lstrip("#")

    @property
    def phone_href(self):
        """The phone as a ``tel:`` link: "+7 (4012) 34-56-78" → "tel:+74012345678"."""
        digits = re.sub(r"[^\d+]", "", self.phone)
        return f"tel:{digits}" if digits else ""

    @property
    def display_motto(self):
        """The motto in the visitor's language."""
        return self.localized("motto")

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
    def display_director(self):
        """The director's name as written in the visitor's language."""
        return self.localized("director")

    @property
    def display_working_hours(self):
        """Working hours in the visitor's language."""
        return self.localized("working_hours")

    @property
    def display_address(self):
        """Address in the visitor's language."""
        return self.localized("address")
