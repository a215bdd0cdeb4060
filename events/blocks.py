"""Blocks of event pages: one row of a results table."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from portal.blocks.safety import SafeRenderMixin


class ResultBlock(SafeRenderMixin, blocks.StructBlock):
    """A participant's result. Only the first name and class are published (152-ФЗ)."""

    place = blocks.IntegerBlock(min_value=1, max_value=1000, label=_("Место"))
    first_name = blocks.CharBlock(
        max_length=60,
        label=_("Имя участника"),
        help_text=_("Только имя: фамилии учеников не публикуются без согласия родителей."),
    )
    school_class = SnippetChooserBlock("portal.SchoolClass", required=False, label=_("Класс"))
    score = blocks.DecimalBlock(
        required=False, min_value=0, max_digits=6, decimal_places=2, label=_("Баллы")
    )
    award = blocks.CharBlock(
        required=False, max_length=60, label=_("Статус"), help_text=_("Победитель, призёр …")
    )

    class Meta:
        icon = "list-ol"
        label = _("Результат")
