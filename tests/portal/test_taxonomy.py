"""Subjects and classes: the shared taxonomy snippets."""

import pytest
from django.db import IntegrityError
from django.utils import translation

from portal.models import SchoolClass
from tests.factories import SchoolClassFactory, SubjectFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("grade", "letter", "slug"), [(9, "А", "9a"), (11, "Б", "11b"), (5, "Я", "5ya")]
)
def test_class_slug_is_latin(grade, letter, slug):
    school_class = SchoolClass.objects.create(grade=grade, letter=letter)
    assert school_class.slug == slug
    assert str(school_class) == f"{grade}{letter}"


@pytest.mark.django_db
def test_class_is_unique_per_grade_and_letter():
    SchoolClass.objects.create(grade=9, letter="А")
    with pytest.raises(IntegrityError):
        SchoolClass.objects.create(grade=9, letter="А")


@pytest.mark.django_db
def test_classes_sort_by_grade_then_letter():
    for grade, letter in [(10, "А"), (9, "Б"), (9, "А")]:
        SchoolClassFactory(grade=grade, letter=letter)
    assert [str(c) for c in SchoolClass.objects.all()] == ["9А", "9Б", "10А"]


@pytest.mark.django_db
def test_subject_name_follows_the_language():
    subject = SubjectFactory(name="Математика", name_en="Mathematics")
    with translation.override("en"):
        assert subject.display_name == "Mathematics"
    with translation.override("ru"):
        assert subject.display_name == "Математика"
    subject.name_en = ""
    with translation.override("en"):
        assert subject.display_name == "Математика"


@pytest.mark.django_db
def test_admin_lists_and_adds_classes(admin_client):
    response = admin_client.post(
        "/admin/snippets/portal/schoolclass/add/", {"grade": "7", "letter": "В"}
    )
    assert response.status_code == 302
    assert SchoolClass.objects.get(grade=7, letter="В").slug == "7v"
    listing = admin_client.get("/admin/snippets/portal/schoolclass/")
    assert "7В" in listing.content.decode()


@pytest.mark.django_db
def test_admin_refuses_a_latin_class_letter(admin_client):
    response = admin_client.post(
        "/admin/snippets/portal/schoolclass/add/", {"grade": "7", "letter": "b"}
    )
    assert response.status_code == 200
    assert "Заглавная русская буква" in response.content.decode()
    assert not SchoolClass.objects.exists()
