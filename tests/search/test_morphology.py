"""Russian morphology: every query, in another case or number, finds its page.

The pages stand in for the page types that will join search later (topic, exam task,
event, teacher portfolio); their titles and text are what those pages carry.
"""

import pytest

from tests.factories.search import text_page

from .helpers import titles

PAGES = {
    "topic": (
        "Классическое определение вероятности",
        "Вероятность события — отношение числа благоприятных исходов к числу всех исходов.",
        "<p>Разберём задачи на подбрасывание монеты и игральной кости.</p>",
    ),
    "exam_task": (
        "Задание 12. Неравенства",
        "Задание 12 профильного ЕГЭ: решение неравенств методом интервалов.",
        "<p>Показательные и логарифмические неравенства с подробными решениями.</p>",
    ),
    "event": (
        "Олимпиада по математике",
        "Школьный этап всероссийской олимпиады школьников пройдёт в октябре.",
        "<p>Регистрация участников открыта до пятницы.</p>",
    ),
    "teacher": (
        "Иванова Мария Петровна",
        "Учитель математики высшей квалификационной категории.",
        "<p>Руководит школьным научным обществом, готовит призёров олимпиад.</p>",
    ),
    "formula": (
        "Формула полной вероятности",
        "Гипотезы образуют полную группу событий.",
        r"<p>P(A) = \sum_{i=1}^{n} P(H_i) P(A|H_i), где H_i — гипотезы.</p>",
    ),
    "timetable": (
        "Расписание консультаций",
        "Консультации перед экзаменами проходят по средам.",
        "<p>Кабинет 214, начало в 15:00.</p>",
    ),
}

# (query, key of the page it must find)
CASES = [
    ("вероятностей", "topic"),
    ("вероятностью", "topic"),
    ("определения вероятности", "topic"),
    ("благоприятными исходами", "topic"),
    ("задание 12", "exam_task"),
    ("заданию 12", "exam_task"),
    ("неравенство", "exam_task"),
    ("неравенствами", "exam_task"),
    ("методом интервалов", "exam_task"),
    ("олимпиады", "event"),
    ("олимпиадой", "event"),
    ("олимпиадам", "event"),
    ("школьного этапа", "event"),
    ("Ивановой", "teacher"),
    ("Марии Петровны", "teacher"),
    ("учителем математики", "teacher"),
    ("формулой полной вероятности", "formula"),
    ("гипотез", "formula"),
    ("sum", "formula"),
    ("консультации", "timetable"),
    ("расписанию консультаций", "timetable"),
]


@pytest.fixture
def library(home):
    return {
        key: text_page(home, title, introduction=intro, body_html=body)
        for key, (title, intro, body) in PAGES.items()
    }


@pytest.mark.django_db
def test_word_forms_find_their_page(search, library):
    # One test over the whole table (building the pages once): the failure message
    # lists every query that missed its page.
    missing = []
    for query, key in CASES:
        response = search(query)
        assert response.status_code == 200
        if PAGES[key][0] not in titles(response):
            missing.append((query, PAGES[key][0], titles(response)))
    assert missing == []
    assert len(CASES) >= 15


@pytest.mark.django_db
def test_title_matches_rank_first(search, library):
    # "вероятности" is in the topic's title and only in the formula page's title and
    # body: both are found, and the topic (shorter title, title boost) is not buried.
    found = titles(search("определение вероятности"))
    assert found[0] == "Классическое определение вероятности"


@pytest.mark.django_db
def test_matched_word_forms_are_highlighted(search, library):
    html = search("олимпиадой").content.decode()
    assert "<mark>Олимпиада</mark> по математике" in html
    assert "<mark>олимпиады</mark>" in html
