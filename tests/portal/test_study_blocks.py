"""Solved problems, literature lists and useful links."""

import pytest
from wagtail import blocks

from portal.blocks import LiteratureBlock, SolvedProblemBlock, StudyStreamBlock, UsefulLinksBlock


@pytest.mark.django_db
def test_solved_problem_hides_hint_and_solution_in_details():
    block = SolvedProblemBlock()
    value = block.to_python(
        {
            "title": "Задача 1",
            "statement": r"<p>Из урны с 3 белыми и 2 чёрными шарами берут один. Найдите \(P(A)\).</p>",
            "hint": "<p>Посчитайте благоприятные исходы.</p>",
            "solution": r"<p>Всего исходов 5, благоприятных 3: \[P(A)=\frac{3}{5}.\]</p>",
            "answer": r"\(\frac{3}{5}\) или 0,6",
        }
    )
    block.clean(value)
    html = block.render(value)
    assert html.count("<details") == 2
    assert "<summary>Подсказка</summary>" in html
    assert "<summary>Решение</summary>" in html
    assert '<math display="block"' in html
    assert "<mfrac><mn>3</mn><mn>5</mn></mfrac>" in html.replace("<mrow>", "").replace(
        "</mrow>", ""
    )
    assert "или 0,6" in html
    # The answer is inside the solution's <details>, hidden until opened.
    assert html.index("Ответ:") > html.index("<summary>Решение</summary>")


def test_solved_problem_refuses_a_bad_answer_formula():
    block = SolvedProblemBlock()
    value = block.to_python(
        {
            "title": "Задача",
            "statement": "<p>Условие</p>",
            "hint": "",
            "solution": "<p>Решение</p>",
            "answer": r"\(\frac{1}{\)",
        }
    )
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(value)
    assert set(caught.value.block_errors) == {"answer"}


def test_literature_follows_gost_style():
    block = LiteratureBlock()
    value = block.to_python(
        {
            "title": "Литература",
            "entries": [
                {
                    "kind": "book",
                    "authors": "Высоцкий И. Р., Ященко И. В.",
                    "title": "Теория вероятностей и статистика. 7–9 классы : учебник",
                    "source": "Просвещение",
                    "city": "Москва",
                    "year": 2023,
                    "pages": "255",
                    "url": "",
                    "note": "",
                },
                {
                    "kind": "article",
                    "authors": "Бунимович Е. А.",
                    "title": "Вероятность в школьном курсе",
                    "source": "Математика в школе. № 4",
                    "city": "",
                    "year": 2021,
                    "pages": "12–18",
                    "url": "https://school.example/article",
                    "note": "Есть в школьной библиотеке.",
                },
            ],
        }
    )
    block.clean(value)
    html = block.render(value)
    assert (
        "Теория вероятностей и статистика. 7–9 классы : учебник</span>. — "
        "Москва : Просвещение, 2023. — 255 с." in html
    )
    assert "Вероятность в школьном курсе</span> // Математика в школе. № 4. — 2021. — С. 12–18." in html
    assert 'URL: <a href="https://school.example/article" rel="noopener">' in html
    assert "Есть в школьной библиотеке." in html
    assert html.count("<li>") == 2
    assert "<ol" in html


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://files.example/a.pdf", "mailto:a@b.c"],
)
def test_useful_links_accept_only_web_addresses(url):
    block = UsefulLinksBlock()
    value = block.to_python(
        {"title": "Ссылки", "links": [{"title": "Сайт", "url": url, "description": ""}]}
    )
    with pytest.raises(blocks.StructBlockValidationError) as caught:
        block.clean(value)
    link_error = caught.value.block_errors["links"].block_errors[0]
    assert "http:// или https://" in link_error.block_errors["url"].messages[0]


def test_useful_links_render_with_descriptions():
    block = UsefulLinksBlock()
    value = block.to_python(
        {
            "title": "Полезные ссылки",
            "links": [
                {
                    "title": "Открытый банк заданий ФИПИ",
                    "url": "https://fipi.example/bank/",
                    "description": "Задания ОГЭ и ЕГЭ с ответами.",
                }
            ],
        }
    )
    block.clean(value)
    html = block.render(value)
    assert '<a href="https://fipi.example/bank/" rel="noopener">Открытый банк заданий ФИПИ</a>' in html
    assert "Задания ОГЭ и ЕГЭ с ответами." in html


def test_study_stream_has_the_whole_library():
    names = set(StudyStreamBlock().child_blocks)
    assert {
        "heading",
        "paragraph",
        "math",
        "video",
        "solved_problem",
        "quiz",
        "literature",
        "links",
        "image",
        "gallery",
        "document",
        "embed",
        "callout",
        "table",
    } <= names
    assert list(StudyStreamBlock().child_blocks)[:2] == ["heading", "paragraph"]
