"""A teacher's polls and works gallery are linked from their section and portfolio:
live, public ones only."""

import pytest

from tests.factories.polls import PollPageFactory
from tests.factories.search import restricted
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory, TopicPageFactory
from tests.factories.teachers import TeacherIndexPageFactory, TeacherPageFactory
from tests.factories.works import StudentWorkIndexPageFactory

pytestmark = pytest.mark.django_db


def extras(client, page):
    html = client.get(page.url).content.decode()
    if 'class="section-extras"' not in html:
        return ""
    return html.split('class="section-extras"', 1)[1].split("</section>", 1)[0]


def test_subject_section_links_its_polls_and_works_but_not_hidden_ones(client, home):
    section = SubjectPageFactory(parent=SubjectIndexPageFactory(parent=home), title="Физика")
    TopicPageFactory(parent=section, title="Закон Ома")
    PollPageFactory(parent=section, title="Понятна ли тема «Закон Ома»?")
    StudentWorkIndexPageFactory(parent=section, title="Проекты по физике", slug="proekty")
    PollPageFactory(parent=section, title="Черновик опроса", live=False)
    restricted(PollPageFactory(parent=section, title="Опрос для учителей"), "login")

    listed = extras(client, section)

    assert "Понятна ли тема «Закон Ома»?" in listed
    assert "Опрос" in listed  # the kind of page
    assert "Проекты по физике" in listed
    assert "Закон Ома</a>" not in listed  # topics have their own lists
    assert "Черновик опроса" not in listed
    assert "Опрос для учителей" not in listed


def test_portfolio_links_the_teachers_survey(client, home):
    portfolio = TeacherPageFactory(parent=TeacherIndexPageFactory(parent=home))
    assert extras(client, portfolio) == ""
    PollPageFactory(parent=portfolio, title="Анкета для родителей 5А")
    assert "Анкета для родителей 5А" in extras(client, portfolio)
