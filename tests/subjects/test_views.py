"""What visitors see: subject page lists, class pages, feeds and calendars."""

import datetime

import feedparser
import pytest
from django.conf import settings
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from portal import ical
from portal.translation import enable_sync, translate_page
from subjects.models import TopicPage, group_topics
from tests.factories import SchoolClassFactory, SubjectFactory
from tests.factories.subjects import (
    ClassIndexPageFactory,
    HomeworkFactory,
    SubjectIndexPageFactory,
    SubjectPageFactory,
    TopicPageFactory,
)
from tests.utils import count_queries

pytestmark = pytest.mark.dated

TODAY = datetime.date(2026, 11, 25)


def days(offset):
    return TODAY + datetime.timedelta(days=offset)


@pytest.fixture
def today(clock):
    return clock.set(TODAY)


@pytest.fixture
def school(site, today):
    index = SubjectIndexPageFactory(parent=site["home"])
    sections = {
        slug: SubjectPageFactory(
            parent=index, title=name, slug=slug, subject=SubjectFactory(name=name, slug=slug)
        )
        for slug, name in [
            ("matematika", "Математика"),
            ("fizika", "Физика"),
            ("russkij-yazyk", "Русский язык"),
        ]
    }
    classes = ClassIndexPageFactory(parent=site["home"])
    return {
        **site,
        "index": index,
        "sections": sections,
        "classes_page": classes,
        "9a": SchoolClassFactory(grade=9, letter="А"),
        "9b": SchoolClassFactory(grade=9, letter="Б"),
        "8a": SchoolClassFactory(grade=8, letter="А"),
    }


def topic(school, section, title, start, end, classes=("9a",), **fields):
    return TopicPageFactory(
        parent=school["sections"][section],
        title=title,
        start_date=days(start),
        end_date=days(end),
        classes=[school[name] for name in classes],
        **fields,
    )


def hide(page, how):
    """Make ``page`` unpublished or view-restricted."""
    if how == "draft":
        page.unpublish()
    else:
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")


# Subject page ----------------------------------------------------------------------


def test_topics_are_grouped_by_grade_term_and_date(school):
    topic(school, "matematika", "Комбинаторика", -40, -27, term=1)
    topic(school, "matematika", "Условная вероятность", -7, 6, term=2)
    topic(school, "matematika", "Схема Бернулли", 7, 20, term=2)
    topic(school, "matematika", "Случайные события", -30, -20, grade_from=8, term=1)
    topic(school, "matematika", "Последний день", -10, 0, term=2)
    topic(school, "matematika", "Первый день завтра", 1, 5, term=3)

    groups = group_topics(school["sections"]["matematika"].topics(), TODAY)

    titles = lambda topics: [t.title for t in topics]  # noqa: E731
    assert titles(groups["current"]) == ["Последний день", "Условная вероятность"]
    assert titles(groups["upcoming"]) == ["Первый день завтра", "Схема Бернулли"]
    assert titles(groups["past"]) == ["Случайные события", "Комбинаторика"]
    assert [grade["label"] for grade in groups["grades"]] == ["8 класс", "9 класс"]
    ninth = groups["grades"][1]
    assert [term["label"] for term in ninth["terms"]] == ["1 четверть", "2 четверть", "3 четверть"]
    assert titles(ninth["terms"][1]["topics"]) == [
        "Последний день",
        "Условная вероятность",
        "Схема Бернулли",
    ]


def test_subject_page_shows_now_soon_and_done(client, school):
    topic(school, "matematika", "Комбинаторика", -40, -27)
    topic(school, "matematika", "Условная вероятность", -7, 6)
    topic(school, "matematika", "Схема Бернулли", 7, 20)
    html = client.get("/predmety/matematika/").content.decode()
    now = html.index('id="current-topics"')
    soon = html.index('id="upcoming-topics"')
    done = html.index('id="past-topics"')
    assert now < html.index("Условная вероятность") < soon < html.index("Схема Бернулли") < done
    assert html.index("Комбинаторика", done) > done
    for badge in ("badge--current", "badge--upcoming", "badge--past"):
        assert badge in html


def test_subject_index_lists_live_sections(client, school):
    school["sections"]["fizika"].unpublish()
    html = client.get("/predmety/").content.decode()
    assert "Математика" in html
    assert "Русский язык" in html
    assert "/predmety/fizika/" not in html


# Class view ------------------------------------------------------------------------


def test_class_page_gathers_three_subjects(client, school):
    math_now = topic(school, "matematika", "Условная вероятность", -7, 6, classes=["9a", "9b"])
    topic(school, "fizika", "Законы Ньютона", -5, 9)
    topic(school, "russkij-yazyk", "Сложноподчинённое предложение", -4, 10)
    topic(school, "matematika", "Схема Бернулли", 7, 20)
    topic(school, "matematika", "Комбинаторика", -40, -27)
    topic(school, "fizika", "Электрический ток", -7, 6, classes=["8a"], grade_from=8)
    HomeworkFactory(
        topic=math_now,
        classes=[school["9a"]],
        date_given=days(-1),
        due_date=days(2),
        text="<p>Задачи про дерево исходов</p>",
    )
    HomeworkFactory(
        topic=math_now,
        classes=[school["9a"]],
        date_given=days(-1),
        due_date=days(20),
        text="<p>Далёкий срок</p>",
    )
    HomeworkFactory(
        topic=math_now,
        classes=[school["9b"]],
        date_given=days(-1),
        due_date=days(3),
        text="<p>Только для 9Б</p>",
    )
    HomeworkFactory(
        topic=math_now,
        classes=[school["9a"]],
        date_given=days(-10),
        due_date=days(-1),
        text="<p>Уже сдали</p>",
    )

    response = client.get("/classes/9a/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>9А класс</h1>" in html
    current = html[html.index('id="current-topics"') : html.index('id="upcoming-topics"')]
    for title, subject in [
        ("Условная вероятность", "Математика"),
        ("Законы Ньютона", "Физика"),
        ("Сложноподчинённое предложение", "Русский язык"),
    ]:
        assert title in current
        assert subject in current
    upcoming = html[html.index('id="upcoming-topics"') :]
    assert "Схема Бернулли" in upcoming
    assert "Комбинаторика" not in html
    assert "Электрический ток" not in html
    assert "Задачи про дерево исходов" in html
    for absent in ("Далёкий срок", "Только для 9Б", "Уже сдали"):
        assert absent not in html
    for alternate in ("application/rss+xml", "application/atom+xml", "text/calendar"):
        assert f'rel="alternate" type="{alternate}"' in html
    assert "Подписаться" in html
    assert 'href="/classes/9a/ical/"' in html


def test_class_list_links_every_class(client, school):
    html = client.get("/classes/").content.decode()
    assert 'href="/classes/8a/"' in html
    assert 'href="/classes/9b/"' in html
    assert html.index("8 классы") < html.index("9 классы")


@pytest.mark.parametrize(
    "path",
    [
        "/classes/10v/",
        "/classes/10v/rss/",
        "/classes/10v/ical/",
        "/classes/9a/nothing/",
        "/classes/9a/rss/extra/",
        "/classes/%D0%B9/",
        "/classes/9a/homework.ics",
        "/predmety/matematika/net-takoj-temy/",
    ],
)
def test_bad_paths_are_404(client, school, path):
    assert client.get(path).status_code == 404


def test_english_class_page_falls_back_to_russian_topics(client, school):
    topic(school, "matematika", "Условная вероятность", -7, 6)
    translate_page(school["classes_page"], school["home_en"].locale, {"title": "Classes"})
    # wagtail-localize's ru → en synchronisation: the untranslated pages get English aliases.
    enable_sync()
    response = client.get("/en/classes/9a/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "Условная вероятность" in html


# Visibility ------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["draft", "private", "private-section"])
def test_hidden_topics_never_leak(client, school, how):
    visible = topic(school, "matematika", "Видимая тема", -3, 5)
    hidden = topic(school, "fizika", "Скрытая тема", -3, 5)
    HomeworkFactory(topic=visible, classes=[school["9a"]], date_given=days(-1), due_date=days(2))
    HomeworkFactory(
        topic=hidden,
        classes=[school["9a"]],
        date_given=days(-1),
        due_date=days(2),
        text="<p>Секретное задание</p>",
    )
    hide(school["sections"]["fizika"] if how == "private-section" else hidden, how)

    class_html = client.get("/classes/9a/").content.decode()
    assert "Видимая тема" in class_html
    assert "Скрытая тема" not in class_html
    assert "Секретное задание" not in class_html

    if how != "private-section":
        section_html = client.get("/predmety/fizika/").content.decode()
        assert "Скрытая тема" not in section_html

    for kind in ("rss", "atom"):
        feed = feedparser.parse(client.get(f"/classes/9a/{kind}/").content)
        assert not feed.bozo, feed.bozo_exception
        text = " ".join(entry.title + entry.get("summary", "") for entry in feed.entries)
        assert "Видимая тема" in text
        assert "Скрытая тема" not in text
        assert "Секретное задание" not in text

    calendar = Calendar.from_ical(client.get("/classes/9a/ical/").content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert len(summaries) == 1
    assert "Видимая тема" in summaries[0]


# Feeds and calendar ----------------------------------------------------------------


def test_rss_and_atom_list_homework_and_topics(client, school):
    math = topic(school, "matematika", "Условная вероятность", -7, 6, summary="P(A | B)")
    homework = HomeworkFactory(
        topic=math,
        classes=[school["9a"]],
        date_given=days(-1),
        due_date=days(2),
        text="<p>§ 14, задачи 3, 5, 8</p>",
    )
    topic(school, "fizika", "Только для 8А", -7, 6, classes=["8a"])

    rss_response = client.get("/classes/9a/rss/")
    assert rss_response["Content-Type"].startswith("application/rss+xml")
    rss = feedparser.parse(rss_response.content)
    assert rss.version == "rss20"
    assert rss.feed.title == "9А класс — темы и домашние задания"
    titles = [entry.title for entry in rss.entries]
    assert "Домашнее задание к 27.11: Условная вероятность (Математика)" in titles
    assert "Тема: Условная вероятность (Математика)" in titles
    assert not any("8А" in title for title in titles)
    homework_entry = rss.entries[
        titles.index("Домашнее задание к 27.11: Условная вероятность (Математика)")
    ]
    assert homework_entry.link.endswith(f"/predmety/matematika/{math.slug}/#homework-{homework.pk}")
    assert "§ 14, задачи 3, 5, 8" in homework_entry.summary

    atom = feedparser.parse(client.get("/classes/9a/atom/").content)
    assert atom.version == "atom10"
    assert {entry.id for entry in atom.entries} == {entry.id for entry in rss.entries}


def test_ical_has_all_day_homework_with_stable_uids(client, school):
    math = topic(school, "matematika", "Условная вероятность", -7, 6)
    homework = HomeworkFactory(
        topic=math,
        classes=[school["9a"], school["9b"]],
        date_given=days(-1),
        due_date=days(2),
        text="<p>§ 14, задачи 3, 5, 8.</p><p>Повторить формулы.</p>",
    )
    response = client.get("/classes/9a/ical/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="9a-homework.ics"'
    calendar = Calendar.from_ical(response.content)
    # The same writer as the events calendar: the school's zone from the settings.
    assert str(calendar["PRODID"]) == ical.PRODID
    assert str(calendar["X-WR-TIMEZONE"]) == settings.TIME_ZONE == "Europe/Moscow"
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == days(2)
    assert event.decoded("DTEND") == days(3)
    assert not isinstance(event.decoded("DTSTART"), datetime.datetime)
    assert str(event["SUMMARY"]) == "Математика. ДЗ: Условная вероятность"
    assert str(event["DESCRIPTION"]) == "§ 14, задачи 3, 5, 8.\nПовторить формулы."
    assert str(event["URL"]).endswith(f"/predmety/matematika/{math.slug}/")
    assert str(event["UID"]) == f"homework-{homework.pk}-9a@testserver"

    again = Calendar.from_ical(client.get("/classes/9a/ical/").content)
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [str(event["UID"])]
    other = Calendar.from_ical(client.get("/classes/9b/ical/").content)
    assert [str(e["UID"]) for e in other.walk("VEVENT")] == [
        f"homework-{homework.pk}-9b@testserver"
    ]


def test_topic_page_shows_homework_with_files(client, school):
    from tests.factories import DocumentFactory

    math = topic(school, "matematika", "Условная вероятность", -7, 6)
    document = DocumentFactory(title="Карточка с задачами")
    HomeworkFactory(
        topic=math,
        classes=[school["9a"]],
        files=[("document", document)],
        text="<p>Решить карточку</p>",
    )
    html = client.get(math.url).content.decode()
    assert "Решить карточку" in html
    assert f'href="{document.url}"' in html
    assert "Карточка с задачами" in html


# Query counts ----------------------------------------------------------------------


def fill(school, total):
    math = school["sections"]["matematika"]
    while TopicPage.objects.count() < total:
        n = TopicPage.objects.count()
        page = topic(
            school,
            ["matematika", "fizika", "russkij-yazyk"][n % 3],
            f"Тема {n}",
            (n % 5) * 7 - 14,
            (n % 5) * 7 - 8,
            classes=["9a", "9b"],
            term=1 + n % 4,
        )
        HomeworkFactory(
            topic=page,
            classes=[school["9a"]],
            date_given=days(-1),
            due_date=days(1 + n % 10),
            files=[("document", _document(school))],
        )
    return math


def _document(school):
    from tests.factories import DocumentFactory

    if "document" not in school:
        school["document"] = DocumentFactory()
    return school["document"]


# The subject pages whose queries must not grow with the topics, within the budget of
# every public page (tests/portal/test_query_budgets.py).
PATHS = ["/predmety/", "/predmety/matematika/", "/classes/9a/", "/classes/9a/rss/"]
PATHS += ["/classes/9a/atom/", "/classes/9a/ical/", "a topic"]
BUDGET = 15


def test_query_counts_do_not_grow(client, school):
    """Every subject page at 5 and at 50 topics (one fill for all of them)."""
    counts = {path: [] for path in PATHS}
    for total in (5, 50):
        math = fill(school, total)
        first_topic = TopicPage.objects.child_of(math).order_by("pk").first()
        for path in PATHS:
            url = first_topic.url if path == "a topic" else path
            counts[path].append(count_queries(client, url))
    grown = {path: pair for path, pair in counts.items() if pair[0] != pair[1]}
    over = {path: pair[1] for path, pair in counts.items() if pair[1] > BUDGET}
    assert (grown, over) == ({}, {}), counts
