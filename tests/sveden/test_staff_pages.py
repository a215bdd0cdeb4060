"""«Руководство» and «Педагогический состав» follow the teachers' portfolios."""

import pytest

from sveden.completeness import find_problems
from tests.factories.sveden import EducationProgrammeFactory, build_section
from tests.factories.teachers import (
    ProfessionalCourseFactory,
    TeacherIndexPageFactory,
    TeacherPageFactory,
)
from tests.utils import count_queries

from .conftest import soup


@pytest.fixture
def section(home):
    return build_section(home)


@pytest.fixture
def teachers_index(home):
    return TeacherIndexPageFactory(parent=home)


def make_teachers(index, count, programme):
    from tests.factories import SubjectFactory

    subject = SubjectFactory(name="Математика", slug="matematika")
    pages = []
    for number in range(count):
        page = TeacherPageFactory(
            parent=index,
            title=f"Учителева Мария {number:02d}",
            subjects=[subject],
            education_level="higher_specialist",
            education_specialty="Математика",
            education_qualification="Учитель математики",
        )
        page.programmes = [programme]
        page.save_revision().publish()
        ProfessionalCourseFactory(page=page, year=2025)
        pages.append(page)
    return pages


def row_of(document, name):
    for row in document.select('[itemprop~="teachingStaff"]'):
        if row.select_one('[itemprop~="fio"]').get_text(strip=True) == name:
            return row
    return None


def test_portfolio_change_shows_on_employees_page(client, section, teachers_index):
    programme = EducationProgrammeFactory(name="ООП основного общего образования")
    [teacher] = make_teachers(teachers_index, 1, programme)
    row = row_of(soup(client.get("/sveden/employees/")), teacher.title)
    assert (
        row.select_one('[itemprop~="teachingLevel"]')
        .get_text(" ", strip=True)
        .startswith("высшее образование — специалитет")
    )
    assert "ООП основного общего образования" in row.select_one('[itemprop~="teachingOp"]').text

    # The teacher corrects the portfolio and publishes it: the legal page follows.
    teacher.education_level = "higher_master"
    teacher.degree = "Кандидат физико-математических наук"
    teacher.teaching_experience = 11
    teacher.save_revision().publish()
    row = row_of(soup(client.get("/sveden/employees/")), teacher.title)
    assert "магистратура" in row.select_one('[itemprop~="teachingLevel"]').text
    assert row.select_one('[itemprop~="degree"]').text == "Кандидат физико-математических наук"
    assert row.select_one('[itemprop~="specExperience"]').text == "11 лет"

    # An unpublished portfolio leaves the table.
    teacher.unpublish()
    assert row_of(soup(client.get("/sveden/employees/")), teacher.title) is None


def test_report_lists_a_required_item_removed_from_a_portfolio(section, teachers_index):
    programme = EducationProgrammeFactory()
    [teacher] = make_teachers(teachers_index, 1, programme)
    before = [p.message for p in find_problems() if p.subsection == "employees"]
    assert not any(teacher.title in message for message in before)

    teacher.education_specialty = ""
    teacher.programmes = []
    teacher.save_revision().publish()
    after = [p.message for p in find_problems() if p.subsection == "employees"]
    [message] = [message for message in after if teacher.title in message]
    assert "направление подготовки и (или) специальность" in message
    assert "образовательные программы" in message


def test_managers_come_from_portfolios_marked_by_the_editor(client, section, teachers_index):
    programme = EducationProgrammeFactory()
    director, deputy = make_teachers(teachers_index, 2, programme)
    director.manager_role, director.manager_post = "director", "Директор"
    director.work_phone, director.work_email = "+7 (81379) 2-07-07", "director@school7.example"
    director.save_revision().publish()
    deputy.manager_role, deputy.manager_post = "deputy", "Заместитель директора по УВР"
    deputy.save_revision().publish()
    document = soup(client.get("/sveden/managers/"))
    head = document.select_one('[itemprop~="rucovodstvo"]')
    assert head.select_one('[itemprop~="fio"]').text == director.title
    assert head.select_one('[itemprop~="telephone"]').text == "+7 (81379) 2-07-07"
    assert head.select_one('[itemprop~="email"]').text == "director@school7.example"
    zam = document.select_one('[itemprop~="rucovodstvoZam"]')
    assert zam.select_one('[itemprop~="post"]').text == "Заместитель директора по УВР"
    problems = [p.message for p in find_problems() if p.subsection == "managers"]
    assert any(deputy.title in message and "телефон" in message for message in problems)


@pytest.mark.parametrize("size", [5, 40])
def test_every_sveden_page_needs_at_most_15_queries(client, section, teachers_index, size):
    programme = EducationProgrammeFactory()
    pages = make_teachers(teachers_index, size, programme)
    for page in pages[:3]:
        page.manager_role, page.manager_post = "deputy", "Заместитель директора"
        page.save_revision().publish()
    _index, subsections = section
    for url in ["/sveden/", *[page.url for page in subsections.values()], "/food/"]:
        assert count_queries(client, url) <= 15, url
