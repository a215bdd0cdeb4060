"""LaTeX → MathML on the server: real formulas convert, bad ones are refused clearly,
and nothing stored can break a page."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from wagtail import blocks

from portal.blocks import (
    LatexError,
    MathBlock,
    MathRichTextBlock,
    StudyStreamBlock,
    latex_to_mathml,
    render_math,
)
from portal.blocks.latex import KNOWN_COMMANDS, MAX_LATEX_LENGTH, latex_to_text
from portal.blocks.math import math_in_html, text_with_plain_formulas


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (r"\frac{a+b}{2}", ["<mfrac", "<mi>a</mi>", "<mo>+</mo>", "<mn>2</mn>"]),
        (r"\sum_{k=1}^{n} k^2", ["<msubsup>", "<mo>∑</mo>", "<msup>"]),
        (r"\binom{n}{k}", ['<mfrac linethickness="0"', "<mi>n</mi>", "<mi>k</mi>"]),
        (r"P(A\mid B)", ["<mi>P</mi>", "<mo>∣</mo>", "<mi>B</mi>"]),
        (r"\alpha + \beta = \Gamma", ["<mi>α</mi>", "<mi>β</mi>", "<mi>Γ</mi>"]),
        (r"\begin{pmatrix}1 & 2\\ 3 & 4\end{pmatrix}", ["<mtable>", "<mtr>", "<mtd><mn>4</mn>"]),
        (r"\sqrt[3]{x} \le \infty", ["<mroot>", "<mo>≤</mo>", "∞"]),
        (r"\left( \frac{1}{2} \right)", ['form="prefix"', 'form="postfix"']),
        (r"x < y", ["<mo>&lt;</mo>"]),
    ],
)
def test_real_formulas_become_mathml(latex, expected):
    mathml = latex_to_mathml(latex)
    assert mathml.startswith('<math display="inline" xmlns="http://www.w3.org/1998/Math/MathML">')
    for fragment in expected:
        assert fragment in mathml
    assert "\\" not in mathml


def test_display_formulas_are_blocks():
    assert 'display="block"' in latex_to_mathml(r"x^2", "block")


@pytest.mark.parametrize(
    ("latex", "message"),
    [
        (r"\frac{1", "Не закрыта фигурная скобка"),
        (r"x}", "Лишняя закрывающая фигурная скобка"),
        (r"\frac{1}", "не хватает аргумента"),
        (r"\unknowncmd{x}", "Неизвестная команда «\\unknowncmd»"),
        (r"\text{\foo}", "Неизвестная команда «\\foo»"),
        (r"\left( x", "«\\left» без парного «\\right»"),
        (r"x \right)", "«\\right» без парного «\\left»"),
        (r"\begin{pmatrix}1\end{bmatrix}", "без парного"),
        (r"\begin{tikzpicture}\end{tikzpicture}", "Неизвестное окружение «tikzpicture»"),
        (r"\href{javascript:alert(1)}{x}", "не разрешена"),
        (r"\newcommand{\R}{x}", "не разрешена"),
        (r"x^", "Формулу не удалось разобрать"),
        ("x" * (MAX_LATEX_LENGTH + 1), "Формула слишком длинная"),
        ("   ", "Формула пуста"),
    ],
)
def test_invalid_latex_is_refused_with_a_clear_message(latex, message):
    with pytest.raises(LatexError) as caught:
        latex_to_mathml(latex)
    assert message in str(caught.value.message)


def test_known_commands_come_from_the_converter_tables():
    for command in (r"\frac", r"\binom", r"\mid", r"\alpha", r"\sum", r"\sin", r"\pmatrix"):
        assert command in KNOWN_COMMANDS
    assert r"\href" not in KNOWN_COMMANDS
    assert len(KNOWN_COMMANDS) > 1000


def test_markup_inside_text_is_escaped():
    mathml = latex_to_mathml(r"\text{<script>alert(1)</script>}")
    assert "<script>" not in mathml
    assert "&lt;script&gt;" in mathml


def test_render_math_never_raises_on_bad_stored_latex():
    html = render_math(r"\frac{1")
    assert "<code>\\frac{1</code>" in html
    assert "формулу не удалось показать" in html
    assert "<math" not in html


def test_math_block_refuses_bad_latex_on_its_field():
    block = MathBlock()
    value = block.to_python({"latex": r"\left( x", "label": "(1)", "caption": ""})
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(value)
    assert set(caught.value.block_errors) == {"latex"}
    assert "\\right" in str(caught.value.block_errors["latex"].messages[0])


def test_math_block_renders_label_and_caption():
    block = MathBlock()
    value = block.to_python(
        {"latex": r"a^2 + b^2 = c^2", "label": "(1)", "caption": "Теорема Пифагора"}
    )
    html = block.render(value)
    assert '<math display="block"' in html
    assert "(1)" in html
    assert "<figcaption>Теорема Пифагора</figcaption>" in html


@pytest.mark.django_db
def test_inline_and_display_math_in_rich_text():
    block = MathRichTextBlock()
    value = block.to_python(
        r"<p>Площадь круга \(S = \pi r^2\), а вероятность \[P(A) = \frac{m}{n}.\]</p>"
    )
    html = str(block.render(value))
    assert '<math display="inline"' in html
    assert '<math display="block"' in html
    assert "<mi>π</mi>" in html
    assert "Площадь круга" in html
    assert "\\(" not in html


@pytest.mark.django_db
def test_rich_text_entities_become_latex_again():
    # Draftail stores "<" as "&lt;": the formula must see the real character.
    block = MathRichTextBlock()
    html = str(block.render(block.to_python(r"<p>\(0 &lt; x &amp;&amp; 1\)</p>")))
    assert "<mo>&lt;</mo>" in html


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (r"<p>Дробь \(\frac{1}\) здесь</p>", "Ошибка в формуле «\\frac{1}»"),
        (r"<p>Начало \(x^2 и всё</p>", "Формула не закрыта"),
        (r"<p>\[\unknown\]</p>", "Неизвестная команда"),
    ],
)
def test_rich_text_with_bad_formula_is_refused(source, message):
    block = MathRichTextBlock()
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(source))
    assert message in caught.value.messages[0]


@pytest.mark.django_db
def test_stream_renders_stored_invalid_math_without_error():
    stream = StudyStreamBlock()
    value = stream.to_python(
        [
            {"type": "math", "value": {"latex": r"\frac{1", "label": "", "caption": ""}},
            {"type": "paragraph", "value": r"<p>Текст \(\left( x\) и \(x^2\)</p>"},
            {
                "type": "solved_problem",
                "value": {
                    "title": "Задача",
                    "statement": r"<p>\(\unknown\)</p>",
                    "hint": "",
                    "solution": "<p>Решение</p>",
                    "answer": r"\(\frac{1\)",
                },
            },
        ]
    )
    html = stream.render(value)
    assert html.count('class="math-error"') == 4
    assert "<msup>" in html  # the good formula next to a bad one still renders


def test_math_text_filter_escapes_text_and_renders_formulas():
    html = Template("{% load study_tags %}{{ text|math_text }}").render(
        Context({"text": r"<b>ответ</b>: \(\frac{1}{3}\)"})
    )
    assert "&lt;b&gt;ответ&lt;/b&gt;" in html
    assert "<mfrac" in html


# Every character rich text escapes, each inside a formula in the middle of a paragraph,
# as the editor stores it (an entity) and as hand-written HTML may have it (bare).
ESCAPED_CHARACTERS = [
    ("<", r"D = -4 § 0", ["&lt;", "&#60;", "<"], "<mo>&lt;</mo>"),
    (">", r"P(B) § 0", ["&gt;", "&#62;", ">"], "<mo>&gt;</mo>"),
    ("&", r"\begin{pmatrix}1 § 2\end{pmatrix}", ["&amp;", "&#38;", "&"], "<mtd><mn>2</mn>"),
    ('"', r"\text{§да§}", ["&quot;", "&#34;", '"'], '<mtext>"да"</mtext>'),
    ("'", r"f§(x) = 2x", ["&#x27;", "&#39;", "'"], "<mi>f</mi>"),
]
CASES = [
    pytest.param(latex, written, expected, id=f"{char}-{written}")
    for char, latex, forms, expected in ESCAPED_CHARACTERS
    for written in forms
]
TAG = re.compile(r"</?[a-z]+(?: [a-z]+=\"[^\"<>]*\")*>")


@pytest.mark.parametrize(("latex", "written", "expected"), CASES)
def test_every_escaped_character_inside_formulas_of_one_paragraph(latex, written, expected):
    formula = latex.replace("§", written)
    source = (
        rf"<p>Сначала \(a^2\), затем \({formula}\), и после \(x_1\) ещё "
        rf"\(\frac{{1}}{{2}}\).</p>"
    )
    html = math_in_html(source)
    assert html.count("<math ") == 4, html
    assert "\\(" not in html
    assert "\\)" not in html
    assert expected in html
    assert "<msup>" in html
    assert "<msub>" in html
    # Outside the tags no bare "<" or ">" is left: the page is well-formed.
    text = TAG.sub("", html)
    assert "<" not in text, text
    assert ">" not in text, text


def test_bare_less_than_in_plain_text_is_escaped():
    html = math_in_html("<p>Если 3 < 5 и 5 > 3, то \\(x\\).</p>")
    assert "3 &lt; 5 и 5 &gt; 3" in html
    assert html.count("<math ") == 1


def test_decimal_comma_is_one_number():
    assert "<mn>0,88</mn>" in latex_to_mathml(r"0{,}88")
    assert "<mn>0,02048</mn><mo>≈</mo><mn>0,02</mn>" in latex_to_mathml(r"0{,}02048 \approx 0{,}02")
    # An index list keeps its comma as an operator.
    assert "<mn>1</mn><mo>,</mo><mn>2</mn>" in latex_to_mathml(r"x_{1,2}")


def test_inline_fractions_are_set_in_display_style():
    assert '<mstyle displaystyle="true"><mfrac>' in latex_to_mathml(r"\frac{1}{2}")
    assert "<mfrac>" in latex_to_mathml(r"\frac{1}{2}", "block")
    # A fraction in an exponent stays small.
    inline = latex_to_mathml(r"e^{\frac{x}{2}}")
    assert "<mfrac>" in inline
    assert "displaystyle" not in inline


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"x^2 + 4x - 5 = 0", "x² + 4x − 5 = 0"),
        (r"P(A) = \frac{m}{n}", "P(A) = m/n"),
        (r"P = \frac{14}{40} = 0{,}35", "P = 14/40 = 0,35"),
        (r"x_{1,2} = \frac{-b \pm \sqrt{D}}{2a}", "x_(1,2) = (−b ± √D)/(2a)"),
        (r"q^{n - k}", "q^(n − k)"),
        (r"D = -4 < 0", "D = −4 < 0"),
    ],
)
def test_formulas_become_readable_text_for_search(latex, text):
    assert latex_to_text(latex) == text


def test_search_text_of_blocks_has_no_latex():
    rich = MathRichTextBlock()
    value = rich.to_python(r"<p>Вероятность \(P(A) = \frac{m}{n}\), где \(m &lt; n\).</p>")
    (content,) = rich.get_searchable_content(value)
    assert content == "Вероятность P(A) = m/n, где m < n."
    assert MathBlock().child_blocks["latex"].get_searchable_content(r"c^2 = a^2 + b^2") == [
        "c² = a² + b²"
    ]
    assert text_with_plain_formulas(r"Ответ: \(-5;\ 1\)") == "Ответ: −5; 1"
