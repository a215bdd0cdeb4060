"""Mathematics in page bodies: display formulas and inline math inside text.

Teachers write LaTeX; visitors get MathML made on the server (no JavaScript, read by
screen readers). Inside text ``\\(…\\)`` marks an inline formula and ``\\[…\\]`` a
display one, as in LaTeX itself.
"""

import html
import re
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.rich_text import RichText

from .basic import RICH_TEXT_FEATURES
from .latex import LatexError, check_latex, latex_to_text, render_math
from .safety import SafeRenderMixin

# \( … \) inline, \[ … \] display; a formula stays inside one text run.
FORMULA_PATTERN = re.compile(r"\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\]", re.DOTALL)
UNCLOSED_PATTERN = re.compile(r"\\[(\[]")
# A tag starts with "<" and a letter ("</" and a letter, "<!--" for a comment); any other
# "<" is text.
TAG_PATTERN = re.compile(r"(<!--.*?-->|</?[A-Za-z][^>]*>)", re.DOTALL)


def find_formulas(text):
    """(latex, display) for each formula in plain ``text``; raises ``LatexError`` for
    an opening delimiter that is never closed."""
    formulas = []
    position = 0
    for match in FORMULA_PATTERN.finditer(text):
        if UNCLOSED_PATTERN.search(text, position, match.start()):
            break
        display = match.group("display") is not None
        formulas.append((match.group("display" if display else "inline"), display))
        position = match.end()
    if UNCLOSED_PATTERN.search(text, position):
        raise LatexError(_("Формула не закрыта: «\\(» нужно закрыть «\\)», «\\[» — «\\]»."))
    return formulas


def formula_error(latex, error):
    return ValidationError(
        format_lazy(_("Ошибка в формуле «{latex}»: {message}"), latex=latex, message=error.message)
    )


def check_text_formulas(text):
    """Raise ``ValidationError`` for the first refused formula in plain ``text``."""
    try:
        formulas = find_formulas(text)
    except LatexError as error:
        raise ValidationError(error.message) from error
    for latex, _display in formulas:
        try:
            check_latex(latex)
        except LatexError as error:
            raise formula_error(latex, error) from error


def math_in_text(text):
    """Plain text → escaped HTML with its formulas as MathML.

    Formulas are found in the unescaped text and converted from it; only the text
    between them is escaped, so ``<``, ``>``, ``&`` and quotes inside a formula are
    mathematics, not markup."""
    pieces = []
    position = 0
    for match in FORMULA_PATTERN.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(_render_formula(match))
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - text escaped, formulas rebuilt by render_math


def _render_formula(match):
    display = match.group("display") is not None
    latex = match.group("display" if display else "inline")
    if not display:
        return str(render_math(latex, "inline"))
    # A wide display formula scrolls inside its own keyboard-focusable box.
    return f'<span class="math-display" tabindex="0">{render_math(latex, "block")}</span>'


@lru_cache(maxsize=1024)
def math_in_html(markup):
    """Rich-text HTML → the same HTML with formulas in its text runs as MathML.

    A text run is unescaped, its formulas converted and the rest escaped again. A ``<``
    that starts no tag (``\\(D < 0\\)`` typed into stored HTML) is text, as in the HTML
    parsing rules, and leaves escaped: it neither hides the formulas after it nor
    reaches the page bare."""
    parts = TAG_PATTERN.split(markup)
    for index in range(0, len(parts), 2):  # split() puts the tags at the odd places
        part = parts[index]
        if "\\(" in part or "\\[" in part or "<" in part or ">" in part:
            parts[index] = math_in_text(html.unescape(part))
    return "".join(parts)


def text_with_plain_formulas(text):
    """``text`` with each formula as readable plain text («x² + 1», «a/b»): what the
    search index stores, so search snippets never show LaTeX."""
    return FORMULA_PATTERN.sub(
        lambda match: latex_to_text(match.group("display") or match.group("inline") or ""),
        text,
    )


def rich_text_formulas_source(source):
    """The text runs of rich-text source HTML, unescaped, for validation."""
    return [html.unescape(part) for part in TAG_PATTERN.split(source)[::2]]


class MathRichText(RichText):
    """Rich text whose ``\\(…\\)`` / ``\\[…\\]`` formulas render as MathML."""

    def __html__(self):
        return mark_safe(math_in_html(str(super().__html__())))  # noqa: S308 - formulas rebuilt


class MathRichTextBlock(SafeRenderMixin, blocks.RichTextBlock):
    """Rich text in which teachers write inline ``\\(…\\)`` and display ``\\[…\\]`` math."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs.setdefault(
            "help_text",
            _("Формулы в LaTeX: \\( x^2 \\) — в строке, \\[ \\frac{a}{b} \\] — отдельной строкой."),
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        return MathRichText(value)

    def normalize(self, value):
        if isinstance(value, MathRichText):
            return value
        if isinstance(value, RichText):
            return MathRichText(value.source)
        return MathRichText(value and str(value))

    def value_from_form(self, value):
        return MathRichText(value)

    def get_default(self):
        return self.normalize(super().get_default())

    def clean(self, value):
        value = super().clean(value)
        for run in rich_text_formulas_source(value.source or ""):
            check_text_formulas(run)
        return value

    def get_searchable_content(self, value):
        return [text_with_plain_formulas(text) for text in super().get_searchable_content(value)]

    class Meta:
        icon = "pilcrow"


class MathTextBlock(blocks.CharBlock):
    """A line of plain text that may hold ``\\(…\\)`` formulas (an answer, an option).

    Templates show it with the ``math_text`` filter of ``study_tags``."""

    def clean(self, value):
        value = super().clean(value)
        check_text_formulas(value or "")
        return value

    def get_searchable_content(self, value):
        return [text_with_plain_formulas(text) for text in super().get_searchable_content(value)]


class LatexBlock(blocks.TextBlock):
    """The LaTeX source of one formula, checked before it can be saved."""

    def __init__(self, **kwargs):
        kwargs.setdefault("rows", 3)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value:
            try:
                check_latex(value)
            except LatexError as error:
                raise ValidationError(error.message) from error
        return value

    def get_searchable_content(self, value):
        return [latex_to_text(value)] if self.search_index and value else []


class MathBlock(SafeRenderMixin, blocks.StructBlock):
    """A display formula with an optional label (equation number) and caption."""

    latex = LatexBlock(
        label=_("Формула (LaTeX)"),
        help_text=_("Без знаков $ и \\[ \\]. Например: \\frac{a+b}{2} \\geq \\sqrt{ab}"),
    )
    label = blocks.CharBlock(
        required=False,
        max_length=20,
        label=_("Номер"),
        help_text=_("Например, (1) — чтобы ссылаться на формулу в тексте."),
    )
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Подпись"))

    class Meta:
        icon = "code"
        label = _("Формула")
        template = "blocks/math_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["mathml"] = render_math(value.get("latex") or "", "block")
        return context
