"""Study material: solved problems, literature lists, useful links."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .math import MathRichTextBlock, MathTextBlock
from .safety import SafeRenderMixin

PROBLEM_FEATURES = ["bold", "italic", "superscript", "subscript", "ol", "ul", "link"]


class WebAddressBlock(blocks.URLBlock):
    """An http(s) address; ``javascript:``, ``data:``, ``ftp:`` and the rest are refused."""

    def clean(self, value):
        if value:
            parts = urlsplit(str(value).strip())
            if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
                raise ValidationError(
                    _("Нужен адрес веб-страницы, начинающийся с http:// или https://.")
                )
        return super().clean(value)


class SolvedProblemBlock(SafeRenderMixin, blocks.StructBlock):
    """A worked example: the statement, an optional hint, the solution behind a
    ``<details>`` (opens without JavaScript) and the answer."""

    title = blocks.CharBlock(
        max_length=200, label=_("Название"), help_text=_("Например, «Задача 1».")
    )
    statement = MathRichTextBlock(features=PROBLEM_FEATURES, label=_("Условие"))
    hint = MathRichTextBlock(features=PROBLEM_FEATURES, required=False, label=_("Подсказка"))
    solution = MathRichTextBlock(features=PROBLEM_FEATURES, label=_("Решение"))
    answer = MathTextBlock(
        max_length=300,
        required=False,
        label=_("Ответ"),
        help_text=_("Можно с формулой: \\( \\frac{1}{3} \\)."),
    )

    class Meta:
        icon = "help"
        label = _("Задача с решением")
        template = "blocks/solved_problem_block.html"


class LiteratureEntryBlock(blocks.StructBlock):
    """One bibliographic entry; the template arranges it close to ГОСТ Р 7.0.100."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("book", _("Книга")),
            ("article", _("Статья")),
            ("web", _("Электронный ресурс")),
        ],
        default="book",
        label=_("Вид"),
    )
    authors = blocks.CharBlock(
        required=False,
        max_length=300,
        label=_("Авторы"),
        help_text=_("Например: Мордкович А. Г., Семенов П. В."),
    )
    title = blocks.CharBlock(max_length=500, label=_("Заглавие"))
    source = blocks.CharBlock(
        required=False,
        max_length=300,
        label=_("Издательство или журнал"),
        help_text=_("Для статьи — журнал или сборник (с номером: «Математика в школе. № 4»)."),
    )
    city = blocks.CharBlock(required=False, max_length=100, label=_("Город"))
    year = blocks.IntegerBlock(required=False, min_value=1500, max_value=2100, label=_("Год"))
    pages = blocks.CharBlock(
        required=False,
        max_length=50,
        label=_("Страницы"),
        help_text=_("Для книги — число страниц (256), для статьи — диапазон (12–18)."),
    )
    url = WebAddressBlock(required=False, label=_("Адрес в интернете"))
    note = blocks.CharBlock(required=False, max_length=300, label=_("Примечание"))

    class Meta:
        icon = "doc-full"
        label = _("Источник")


def _with_full_stop(text):
    text = str(text).strip()
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def format_entry(entry):
    """One source as HTML, close to ГОСТ Р 7.0.100-2018:

    book:    Авторы Заглавие. — Город : Издательство, Год. — 256 с.
    article: Авторы Заглавие // Журнал. — Год. — С. 12–18.
    web:     Авторы Заглавие : электронный ресурс. — URL: https://…
    """
    kind = entry.get("kind") or "book"
    head = []
    if entry.get("authors"):
        head.append(format_html('<span class="literature__authors">{}</span> ', entry["authors"]))
    head.append(format_html('<span class="literature__work">{}</span>', entry.get("title") or ""))
    if kind == "web":
        head.append(format_html(" : {}", _("электронный ресурс")))
    if kind == "article" and entry.get("source"):
        head.append(format_html(" // {}", entry["source"]))
    areas = [mark_safe("".join(str(part) for part in head))]  # noqa: S308 - parts escaped

    pages = (entry.get("pages") or "").strip()
    if kind == "article":
        if entry.get("year"):
            areas.append(conditional_escape(str(entry["year"])))
        if pages:
            areas.append(format_html("{} {}", _("С."), pages))
    else:
        imprint = ""
        if entry.get("city"):
            imprint = entry["city"] + (" : " if entry.get("source") else "")
        if entry.get("source"):
            imprint += entry["source"]
        if entry.get("year"):
            imprint += (", " if imprint else "") + str(entry["year"])
        if imprint:
            areas.append(conditional_escape(imprint))
        if pages:
            areas.append(
                format_html("{} {}", pages, _("с."))
                if pages.isdigit()
                else conditional_escape(pages)
            )
    if entry.get("url"):
        areas.append(
            format_html('URL: <a href="{}" rel="noopener">{}</a>', entry["url"], entry["url"])
        )
    text = mark_safe(" — ".join(_with_full_stop(area) for area in areas))  # noqa: S308
    if entry.get("note"):
        text = format_html('{} <span class="literature__note">{}</span>', text, entry["note"])
    return text


class LiteratureBlock(SafeRenderMixin, blocks.StructBlock):
    """A numbered list of sources."""

    title = blocks.CharBlock(
        required=False, max_length=200, default=_("Литература"), label=_("Заголовок")
    )
    entries = blocks.ListBlock(LiteratureEntryBlock(), min_num=1, label=_("Источники"))

    class Meta:
        icon = "list-ol"
        label = _("Список литературы")
        template = "blocks/literature_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["entries"] = [format_entry(entry) for entry in value.get("entries") or []]
        return context


class UsefulLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Название"))
    url = WebAddressBlock(label=_("Адрес"))
    description = blocks.TextBlock(required=False, max_length=500, label=_("Описание"))

    class Meta:
        icon = "link"
        label = _("Ссылка")


class UsefulLinksBlock(SafeRenderMixin, blocks.StructBlock):
    """Useful links to other sites, each with a short description."""

    title = blocks.CharBlock(
        required=False, max_length=200, default=_("Полезные ссылки"), label=_("Заголовок")
    )
    links = blocks.ListBlock(UsefulLinkBlock(), min_num=1, label=_("Ссылки"))

    class Meta:
        icon = "link"
        label = _("Полезные ссылки")
        template = "blocks/useful_links_block.html"
