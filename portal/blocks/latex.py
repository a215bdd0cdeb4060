"""LaTeX → MathML on the server, with the validation latex2mathml does not do itself.

latex2mathml converts almost anything: ``\\frac{1`` and ``\\unknowncmd`` come back as
MathML, ``\\text{<b>}`` comes back as raw markup and ``\\href`` as a link. So every
formula goes through ``check_latex`` (the editor gets a clear Russian message) and
the converter's output is rebuilt from its element tree with an allow-list of MathML
elements and attributes, every text node escaped. Two typographic fixes happen on the
way: a Russian decimal comma written the LaTeX way, ``0{,}88``, becomes one number
«0,88» (the converter would put an operator with spacing between the halves), and a
fraction in an inline formula is set in display style, so its digits are not shrunk to
script size inside a line of text. Conversions are cached: pages re-render the same
formulas again and again.
"""

import html
import re
from functools import lru_cache
from xml.etree.ElementTree import Element

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from latex2mathml import commands as l2m_commands
from latex2mathml import converter as l2m_converter
from latex2mathml.symbols_parser import SYMBOLS
from latex2mathml.tokenizer import tokenize

MAX_LATEX_LENGTH = 2000

# Commands that define macros (unbounded expansion), make links or inject attributes.
FORBIDDEN_COMMANDS = frozenset(
    {
        r"\def",
        r"\newcommand",
        r"\renewcommand",
        r"\newenvironment",
        r"\DeclareMathOperator",
        r"\href",
        r"\style",
        r"\class",
        r"\unicode",
    }
)

COMMAND_PATTERN = re.compile(r"^\\[a-zA-Z]+\*?$")
RAW_COMMAND_PATTERN = re.compile(r"\\[a-zA-Z]+")
CHARACTER_REFERENCE = re.compile(r"&#x([0-9a-fA-F]+);|&#([0-9]+);")


def _commands_known_to_latex2mathml():
    """Every command the converter handles, read from its own tables.

    latex2mathml names its commands as module constants of ``commands`` (strings,
    tuples of strings, dicts keyed by command) and its symbols in ``SYMBOLS``.
    """
    known = set()

    def add(item):
        if isinstance(item, str) and COMMAND_PATTERN.match(item):
            known.add(item)

    for value in vars(l2m_commands).values():
        if isinstance(value, str):
            add(value)
        elif isinstance(value, tuple | list | frozenset | set | dict):
            for item in value:
                add(item)
    for table in (SYMBOLS, l2m_converter.OPERATORS, l2m_converter.MOVABLE_LIMIT_TEXTS):
        for item in table:
            add(item)
    return frozenset(known - FORBIDDEN_COMMANDS)


KNOWN_COMMANDS = _commands_known_to_latex2mathml()
# \begin{pmatrix} is handled as the command \pmatrix.
KNOWN_ENVIRONMENTS = frozenset(
    name.lstrip("\\") for name in l2m_commands.MATRICES if name.startswith("\\")
)

ALLOWED_ELEMENTS = frozenset(
    {
        "math",
        "mi",
        "mn",
        "mo",
        "ms",
        "mtext",
        "mspace",
        "mrow",
        "mfrac",
        "msqrt",
        "mroot",
        "mstyle",
        "merror",
        "mpadded",
        "mphantom",
        "menclose",
        "msub",
        "msup",
        "msubsup",
        "munder",
        "mover",
        "munderover",
        "mmultiscripts",
        "mprescripts",
        "none",
        "mtable",
        "mtr",
        "mtd",
    }
)
ALLOWED_ATTRIBUTES = frozenset(
    {
        "display",
        "mathvariant",
        "mathsize",
        "mathcolor",
        "mathbackground",
        "displaystyle",
        "scriptlevel",
        "stretchy",
        "fence",
        "form",
        "separator",
        "lspace",
        "rspace",
        "minsize",
        "maxsize",
        "symmetric",
        "largeop",
        "movablelimits",
        "accent",
        "accentunder",
        "linethickness",
        "width",
        "height",
        "depth",
        "voffset",
        "notation",
        "linebreak",
        "columnalign",
        "rowalign",
        "columnspacing",
        "rowspacing",
        "columnlines",
        "rowlines",
        "frame",
        "framespacing",
        "columnspan",
        "rowspan",
    }
)
# Elements whose children are fixed in number: fewer means a missing argument.
ARITY = {
    "mfrac": 2,
    "mroot": 2,
    "msub": 2,
    "msup": 2,
    "msubsup": 3,
    "munder": 2,
    "mover": 2,
    "munderover": 3,
}


class LatexError(ValueError):
    """A formula the portal refuses; ``message`` is the editor-facing explanation."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _check_tokens(latex):
    """Braces, \\left/\\right and \\begin/\\end balanced; only known commands."""
    braces = 0
    fences = []  # a stack of "left"/"begin:<env>"
    for piece in tokenize(latex):
        if piece == "{":
            braces += 1
        elif piece == "}":
            braces -= 1
            if braces < 0:
                raise LatexError(_("Лишняя закрывающая фигурная скобка «}»."))
        elif piece == r"\left":
            fences.append(r"\left")
        elif piece == r"\right":
            if not fences or fences[-1] != r"\left":
                raise LatexError(_("«\\right» без парного «\\left»."))
            fences.pop()
        elif piece == r"\middle":
            if r"\left" not in fences:
                raise LatexError(_("«\\middle» можно ставить только между «\\left» и «\\right»."))
        elif piece.startswith((r"\begin{", r"\end{")):
            name = piece[piece.index("{") + 1 : -1]
            if name not in KNOWN_ENVIRONMENTS:
                raise LatexError(format_lazy(_("Неизвестное окружение «{name}»."), name=name))
            if piece.startswith(r"\begin"):
                fences.append("begin:" + name)
            elif not fences or fences[-1] != "begin:" + name:
                raise LatexError(
                    format_lazy(_("«\\end{{{name}}}» без парного «\\begin{{{name}}}»."), name=name)
                )
            else:
                fences.pop()
        elif piece.startswith("\\") and COMMAND_PATTERN.match(piece):
            if piece in FORBIDDEN_COMMANDS:
                raise LatexError(
                    format_lazy(_("Команда «{command}» на сайте не разрешена."), command=piece)
                )
            if piece not in KNOWN_COMMANDS:
                raise LatexError(format_lazy(_("Неизвестная команда «{command}»."), command=piece))
    if braces > 0:
        raise LatexError(_("Не закрыта фигурная скобка «{»."))
    if fences:
        if fences[-1] == r"\left":
            raise LatexError(_("«\\left» без парного «\\right»."))
        name = fences[-1].split(":", 1)[1]
        raise LatexError(
            format_lazy(_("Не закрыто окружение «{name}» (нет «\\end{{{name}}}»)."), name=name)
        )


def _resolve_references(text):
    def replace(match):
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if (code < 0x20 and code not in (0x9, 0xA, 0xD)) or code > 0x10FFFF:
            return ""
        return chr(code)

    return CHARACTER_REFERENCE.sub(replace, text)


# Elements whose children are set in a smaller script style (an inline fraction inside
# these stays small: it is an index or a limit).
SCRIPT_PARENTS = frozenset(
    {"mfrac", "msub", "msup", "msubsup", "munder", "mover", "munderover", "mroot", "mmultiscripts"}
)


def _is_braced_comma(element):
    """``{,}`` as the converter gives it: an ``mrow`` holding only the operator ``,``."""
    return (
        element.tag == "mrow"
        and len(element) == 1
        and element[0].tag == "mo"
        and _resolve_references(element[0].text or "").strip() == ","
    )


def _join_decimal_commas(element):
    """``<mn>0</mn><mrow><mo>,</mo></mrow><mn>88</mn>`` → ``<mn>0,88</mn>``, everywhere."""
    index = 0
    while index + 2 < len(element):
        first, comma, second = element[index], element[index + 1], element[index + 2]
        if first.tag == "mn" and second.tag == "mn" and _is_braced_comma(comma):
            first.text = f"{_resolve_references(first.text or '')},{second.text or ''}"
            first.tail = second.tail
            element.remove(comma)
            element.remove(second)
        else:
            index += 1
    for child in element:
        _join_decimal_commas(child)


def _display_inline_fractions(element, in_script=False):
    """Set the outer fractions of an inline formula in display style (readable size),
    as ``\\dfrac`` does: each goes into ``<mstyle displaystyle="true">``."""
    for index, child in enumerate(list(element)):
        if child.tag == "mfrac" and not in_script:
            wrapper = Element("mstyle", {"displaystyle": "true"})
            wrapper.tail, child.tail = child.tail, None
            element.remove(child)
            wrapper.append(child)
            element.insert(index, wrapper)
        _display_inline_fractions(child, in_script or child.tag in SCRIPT_PARENTS)


def _serialize(element, parts):
    """Rebuild the converter's tree as escaped MathML, refusing what is not MathML."""
    tag = element.tag
    if tag not in ALLOWED_ELEMENTS:
        raise LatexError(_("Формулу не удалось преобразовать."))
    expected = ARITY.get(tag)
    if expected is not None and len(element) != expected:
        raise LatexError(_("У команды не хватает аргумента (например, у дроби нет знаменателя)."))
    for text in (element.text, element.tail):
        if text and RAW_COMMAND_PATTERN.search(text):
            command = RAW_COMMAND_PATTERN.search(text).group(0)
            raise LatexError(format_lazy(_("Неизвестная команда «{command}»."), command=command))
    parts.append("<" + tag)
    for name, value in element.attrib.items():
        if name in ALLOWED_ATTRIBUTES:
            parts.append(f' {name}="{html.escape(_resolve_references(value))}"')
    if tag == "math":
        parts.append(' xmlns="http://www.w3.org/1998/Math/MathML"')
    parts.append(">")
    if element.text:
        parts.append(html.escape(_resolve_references(element.text), quote=False))
    for child in element:
        _serialize(child, parts)
        if child.tail:
            parts.append(html.escape(_resolve_references(child.tail), quote=False))
    parts.append(f"</{tag}>")


@lru_cache(maxsize=2048)
def _convert(latex, display):
    """(mathml, None) or (None, LatexError); cached, since exceptions are not."""
    try:
        if len(latex) > MAX_LATEX_LENGTH:
            raise LatexError(
                format_lazy(
                    _("Формула слишком длинная: {length} символов, можно не больше {limit}."),
                    length=len(latex),
                    limit=MAX_LATEX_LENGTH,
                )
            )
        if not latex.strip():
            raise LatexError(_("Формула пуста."))
        _check_tokens(latex)
        try:
            root = l2m_converter.convert_to_element(latex, display=display)
        except LatexError:
            raise
        except Exception as error:  # latex2mathml raises many unrelated exception types
            raise LatexError(
                _("Формулу не удалось разобрать: проверьте аргументы команд и индексы.")
            ) from error
        if not isinstance(root, Element):
            raise LatexError(_("Формулу не удалось преобразовать."))
        _join_decimal_commas(root)
        if display == "inline":
            _display_inline_fractions(root)
        parts = []
        _serialize(root, parts)
        return "".join(parts), None
    except LatexError as error:
        return None, error
    except RecursionError:
        return None, LatexError(_("Формула слишком глубоко вложена."))


def latex_to_mathml(latex, display="inline"):
    """MathML for ``latex`` (``display`` "inline" or "block"); raises ``LatexError``."""
    mathml, error = _convert(latex, display)
    if error is not None:
        raise error
    return mark_safe(mathml)  # noqa: S308 - rebuilt from an allow-list, every text escaped


def check_latex(latex):
    """Raise ``LatexError`` with an editor-facing message when ``latex`` is refused."""
    latex_to_mathml(latex)


def render_math(latex, display="inline") -> SafeString:
    """MathML, or — for a stored formula that is no longer valid — its source in
    ``<code>`` with a note. Never raises: a formula must not break a page."""
    try:
        return latex_to_mathml(latex, display)
    except LatexError:
        return format_html(
            '<span class="math-error"><code>{}</code> <small>{}</small></span>',
            latex,
            _("(формулу не удалось показать)"),
        )


SUPERSCRIPTS = str.maketrans("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ")
SUBSCRIPTS = str.maketrans("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
# Operators written without spaces around them in plain text.
TIGHT_OPERATORS = frozenset("()[]{}|,;.!'′∣")
OPENING_FENCES = frozenset("([{")
# Operators the converter gives as identifiers (``\\pm`` is an ``mi``).
SPACED_SYMBOLS = frozenset("±∓")


def _scripted(text, table, marker):
    """``text`` in Unicode super-/subscript when every character has one, else ``^(…)``."""
    if set(text) <= {"′", "'"}:  # f′(x): a prime is already raised
        return text
    translated = text.translate(table)
    if all(char != original for char, original in zip(translated, text, strict=True)):
        return translated
    return f"{marker}{text}" if len(text) == 1 else f"{marker}({text})"


def _grouped(text):
    """A numerator, denominator or radicand in parentheses unless it is one number or
    one letter: «14/40», «m/n», «(2a)», «(n − k)»."""
    if len(text) <= 1 or text.replace(",", "").isdigit():
        return text
    return f"({text})"


def _plain(element):
    """The readable text of a MathML element: x², a/b, √x, x₁."""
    children = list(element)
    tag = element.tag
    if tag in ("mi", "mn", "mtext", "ms"):
        return _resolve_references(element.text or "")
    if tag == "mo":
        return _resolve_references(element.text or "").strip()
    parts = [_plain(child) for child in children]
    if tag == "msup" and len(parts) == 2:
        return parts[0] + _scripted(parts[1], SUPERSCRIPTS, "^")
    if tag == "msub" and len(parts) == 2:
        return parts[0] + _scripted(parts[1], SUBSCRIPTS, "_")
    if tag == "msubsup" and len(parts) == 3:
        return (
            parts[0] + _scripted(parts[1], SUBSCRIPTS, "_") + _scripted(parts[2], SUPERSCRIPTS, "^")
        )
    if tag == "mfrac" and len(parts) == 2:
        return f"{_grouped(parts[0])}/{_grouped(parts[1])}"
    if tag == "msqrt":
        return "√" + _grouped("".join(parts))
    if tag == "mroot" and len(parts) == 2:
        return _scripted(parts[1], SUPERSCRIPTS, "^") + "√" + _grouped(parts[0])
    if tag == "mtr":
        return ", ".join(parts)
    if tag == "mtable":
        return "; ".join(parts)
    pieces = []
    after_operand = False  # a binary operator follows an operand; a sign starts a term
    for child, text in zip(children, parts, strict=True):
        operator = (child.tag == "mo" and text not in TIGHT_OPERATORS) or text in SPACED_SYMBOLS
        pieces.append(f" {text} " if operator and after_operand else text)
        after_operand = not operator and text not in OPENING_FENCES
    return "".join(pieces)


@lru_cache(maxsize=2048)
def latex_to_text(latex):
    """A formula as readable plain text («x² + 4x − 5 = 0», «a/b») for the search index
    and its snippets; the LaTeX source itself when it does not convert."""
    try:
        root = l2m_converter.convert_to_element(latex)
        _join_decimal_commas(root)
        text = _plain(root)
    except Exception:  # latex2mathml raises many unrelated exception types
        return latex
    return " ".join(text.split())
