"""The admin a teacher sees is Russian: no "Root", no English counts or empty choices,
no raw True/False, and the «Мой раздел» panel and explorer start at their section."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def get(client, url):
    with translation.override("ru"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 200, url
    return response.content.decode()


def test_teacher_sees_russian_counts_and_names(client, school):
    teacher = school["a"]
    client.force_login(teacher["user"])
    root = Page.get_first_root_node()
    assert root.title == "Все сайты"

    listing = get(client, f"/admin/pages/{school['subjects_index'].pk}/")
    assert not re.search(r"\d+-\d+ of \d+", listing)
    assert re.search(r"страниц[аы]?: 1–\d+ из \d+", listing)

    dashboard = get(client, "/admin/")
    assert "Root" not in dashboard
    assert re.search(r"\d+ страниц", dashboard)  # lower case, not «Страниц»
    assert "Мой раздел" in dashboard
    assert f"/admin/pages/add/subjects/topicpage/{teacher['section'].pk}/" in dashboard
    # The «Страницы» menu item opens at the teacher's section.
    section_pk = teacher["section"].pk
    assert f'"url": "/admin/pages/{section_pk}/"}}, {section_pk}]' in dashboard

    add_topic = get(client, f"/admin/pages/add/subjects/topicpage/{teacher['section'].pk}/")
    assert "Select an option" not in add_topic
    with translation.override("ru"):
        assert gettext("- Select an option -") == "— не выбрано —"
    assert "по класс" not in add_topic
    assert "Создание: Тема" in add_topic  # not «Новый: Тема»
