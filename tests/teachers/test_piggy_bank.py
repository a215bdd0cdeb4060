"""The piggy bank: filters, pagination, bad filter values, bounded queries."""

import pytest

from teachers.models import MATERIAL_KIND_CHOICES
from tests.factories.portal import SubjectFactory
from tests.factories.teachers import (
    MaterialIndexPageFactory,
    MethodMaterialPageFactory,
    ProfessionalCourseFactory,
    TeacherIndexPageFactory,
    TeacherPageFactory,
    TeacherPostPageFactory,
)
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(home):
    math = SubjectFactory(name="Математика", slug="matematika")
    physics = SubjectFactory(name="Физика", slug="fizika")
    index = TeacherIndexPageFactory(parent=home)
    ivanova = TeacherPageFactory(
        parent=index, title="Иванова Мария", slug="ivanova", subjects=[math]
    )
    petrov = TeacherPageFactory(
        parent=index, title="Петров Олег", slug="petrov", subjects=[physics]
    )
    materials = {
        "fractions": MethodMaterialPageFactory(
            parent=ivanova, title="Дроби", subject=math, grade_from=5, kind="worksheet"
        ),
        "probability": MethodMaterialPageFactory(
            parent=ivanova, title="Вероятность", subject=math, grade_from=8, grade_to=9, kind="test"
        ),
        "newton": MethodMaterialPageFactory(
            parent=petrov,
            title="Законы Ньютона",
            subject=physics,
            grade_from=9,
            kind="presentation",
        ),
    }
    return {
        "index": MaterialIndexPageFactory(parent=home),
        "teachers": index,
        "ivanova": ivanova,
        "petrov": petrov,
        "math": math,
        **materials,
    }


def titles(client, bank, **params):
    response = client.get(bank["index"].url, params)
    assert response.status_code == 200
    return {material.title for material in response.context["page_obj"]}


def test_filters(client, bank):
    assert titles(client, bank) == {"Дроби", "Вероятность", "Законы Ньютона"}
    assert titles(client, bank, subject="matematika") == {"Дроби", "Вероятность"}
    assert titles(client, bank, grade="9") == {"Вероятность", "Законы Ньютона"}
    assert titles(client, bank, grade="8") == {"Вероятность"}
    assert titles(client, bank, kind="presentation") == {"Законы Ньютона"}
    assert titles(client, bank, teacher="petrov") == {"Законы Ньютона"}
    assert titles(client, bank, subject="matematika", grade="9", teacher="ivanova") == {
        "Вероятность"
    }
    assert titles(client, bank, subject="fizika", teacher="ivanova") == set()


@pytest.mark.parametrize(
    "params",
    [
        {"subject": "astronomiya"},
        {"grade": "сто"},
        {"grade": "99"},
        {"kind": "<script>"},
        {"teacher": "nobody"},
        {"page": "x"},
        {"page": "999"},
        {"grade": "9\x1f"},
    ],
)
def test_bad_filter_values_give_a_normal_page(client, bank, params):
    response = client.get(bank["index"].url, params)
    assert response.status_code == 200
    assert len(response.context["page_obj"]) >= 1


def test_bad_value_drops_only_its_own_filter(client, bank):
    assert titles(client, bank, subject="matematika", grade="сто") == {"Дроби", "Вероятность"}


def test_filter_form_keeps_choices_and_pagination_keeps_filters(client, bank):
    for number in range(14):
        MethodMaterialPageFactory(
            parent=bank["ivanova"], title=f"Задачи {number}", subject=bank["math"], grade_from=7
        )
    response = client.get(bank["index"].url, {"subject": "matematika"})
    page_obj = response.context["page_obj"]
    assert page_obj.paginator.count == 16
    assert len(page_obj) == 12
    html = response.content.decode()
    assert '<option value="matematika" selected>' in html
    assert "?subject=matematika&amp;page=2" in html
    second = client.get(bank["index"].url, {"subject": "matematika", "page": 2})
    assert len(second.context["page_obj"]) == 4


def test_listing_names_the_author_and_files(client, bank):
    html = client.get(bank["index"].url, {"teacher": "petrov"}).content.decode()
    assert "Петров Олег" in html
    assert "PDF" in html
    assert str(dict(MATERIAL_KIND_CHOICES)["presentation"]) in html


def add_materials(bank, count):
    teachers = [bank["ivanova"], bank["petrov"]]
    for number in range(count):
        MethodMaterialPageFactory(
            parent=teachers[number % 2],
            subject=bank["math"],
            grade_from=5 + number % 6,
            kind=MATERIAL_KIND_CHOICES[number % 5][0],
        )


def test_index_queries_do_not_grow_with_materials(client, bank):
    add_materials(bank, 2)  # 5 materials
    small = count_queries(client, bank["index"].url)
    small_filtered = count_queries(client, bank["index"].url, subject="matematika", grade="5")
    add_materials(bank, 45)  # 50 materials
    large = count_queries(client, bank["index"].url)
    large_filtered = count_queries(client, bank["index"].url, subject="matematika", grade="5")
    assert small == large
    assert small_filtered == large_filtered
    assert large <= 30


def test_portfolio_queries_do_not_grow(client, bank):
    teacher = bank["ivanova"]
    small = count_queries(client, teacher.url)
    for number in range(8):
        TeacherPostPageFactory(parent=teacher)
        ProfessionalCourseFactory(page=teacher, year=2015 + number)
        MethodMaterialPageFactory(parent=teacher, subject=bank["math"])
    large = count_queries(client, teacher.url)
    assert small == large
    assert large <= 30
    teachers_small = count_queries(client, bank["teachers"].url)
    for number in range(6):
        TeacherPageFactory(parent=bank["teachers"], slug=f"extra-{number}", subjects=[bank["math"]])
    assert count_queries(client, bank["teachers"].url) == teachers_small
