"""The demo school's teachers: logins that work, live portfolios, the piggy bank."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from subjects.models import SubjectPage
from teachers import demo as teachers_demo
from teachers import permissions
from teachers.models import MethodMaterialPage, TeacherPage

pytestmark = pytest.mark.dated


def test_demo_teachers_log_in_and_own_their_pages(client, demo):
    output = demo.output
    for role, username, password in teachers_demo.LOGINS:
        assert f"{role}: {username} / {password}" in output
        assert client.login(username=username, password=password)
        assert client.get("/admin/").status_code == 200
        client.logout()

    portfolios = TeacherPage.objects.live().filter(locale__language_code="ru")
    assert portfolios.count() == len(teachers_demo.TEACHERS)
    orlova = portfolios.get(user__username="orlova")
    assert MethodMaterialPage.objects.child_of(orlova).live().count() == 3
    math = SubjectPage.objects.get(subject__slug="matematika", locale__language_code="ru")
    assert math.teachers.filter(user__username="orlova").exists()

    html = client.get(orlova.url).content.decode()
    assert f'href="{math.url}"' in html
    assert "Рабочий лист «Комбинаторика»" in html
    bank = Page.objects.get(slug="metodicheskaya-kopilka", locale__language_code="ru")
    response = client.get(bank.url, {"teacher": "smirnov"})
    assert response.context["page_obj"].paginator.count == 3

    # Every teacher may propose events (the events index is built after the teachers
    # app's demo step; finding 15 of issue 15).
    belov = get_user_model().objects.get(username="belov")
    for events in Page.objects.filter(depth=3, content_type__model="eventindexpage"):
        assert events.permissions_for_user(belov).can_add_subpage(), events.locale
        assert not events.permissions_for_user(belov).can_publish()

    # The file of a material downloads from the teacher's own collection.
    material = MethodMaterialPage.objects.child_of(orlova).first()
    document = material.files.first().document
    assert document.collection.name.startswith("Орлова")
    assert document.collection.get_parent().name == permissions.TEACHERS_COLLECTION
    assert client.get(document.url).status_code == 200
