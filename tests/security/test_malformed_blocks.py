"""Finding 10: malformed block data. A table whose ``data`` is a number, ``mergeCells``
without ``rowspan``, a document link with id "abc" each gave a stored public 500; a
missing ``…-count`` or bad JSON gave admin 500s. Now the admin refuses them with a
message, and what was stored before renders without taking the page down."""

import json
import logging

import pytest
from wagtail.test.utils.form_data import streamfield

from subjects.models import TopicPage

from .helpers import contentstate_link, edit_data, form_errors, post_edit

pytestmark = pytest.mark.django_db

GOOD_TABLE = {
    "data": [["Урок", "Кабинет"], ["Алгебра", "204"]],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_header_choice": "row",
    "table_caption": "Расписание",
}
BAD_TABLES = {
    "data is a number": {**GOOD_TABLE, "data": 5},
    "a merge without rowspan": {**GOOD_TABLE, "mergeCells": [{"row": 0, "col": 0, "colspan": 2}]},
    "a merge outside the table": {
        **GOOD_TABLE,
        "mergeCells": [{"row": 1, "col": 1, "rowspan": 5, "colspan": 1}],
    },
    "a cell that is a list": {**GOOD_TABLE, "data": [[["x"]]]},
    "not a table at all": 7,
}


def topic(campus):
    return TopicPage.objects.get(pk=campus["own"]["topic"].pk)


def refused(response, text):
    assert response.status_code == 200, response.status_code
    errors = form_errors(response)
    assert text in errors, errors


@pytest.mark.parametrize("case", list(BAD_TABLES))
def test_a_malformed_table_is_refused_and_the_page_stays_up(client, campus, case):
    page = topic(campus)
    client.force_login(campus["a"].user)
    response = post_edit(client, page, body=streamfield([("table", json.dumps(BAD_TABLES[case]))]))
    refused(response, "Таблица")
    assert not topic(campus).body
    assert client.get(page.url).status_code == 200


def test_a_good_table_is_saved_and_shown(client, campus):
    page = topic(campus)
    client.force_login(campus["a"].user)
    response = post_edit(client, page, body=streamfield([("table", json.dumps(GOOD_TABLE))]))
    assert response.status_code == 302, form_errors(response)
    assert "Алгебра" in client.get(page.url).text


@pytest.mark.parametrize(("entity", "message"), [("DOCUMENT", "Документ"), ("LINK", "Страница")])
def test_a_rich_text_link_with_a_non_numeric_id_is_refused(client, campus, entity, message):
    page = topic(campus)
    client.force_login(campus["a"].user)
    paragraph = ("paragraph", contentstate_link(entity, "abc"))
    response = post_edit(client, page, body=streamfield([paragraph]))
    refused(response, f"{message} не найден")
    assert client.get(page.url).status_code == 200


def test_missing_count_keys_and_bad_json_are_form_errors_not_500s(client, campus):
    page = topic(campus)
    client.force_login(campus["a"].user)
    data = edit_data(client, page)
    del data["body-count"]
    data["action-publish"] = "action-publish"
    from django.urls import reverse

    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    refused(client.post(url, data), "данные формы повреждены")
    for broken in (
        {
            "body-count": "1",
            "body-0-type": "table",
            "body-0-value": "{not json",
            "body-0-order": "0",
        },
        {"body-count": "abc"},
        {"body-count": "1", "body-0-type": "paragraph", "body-0-order": "0", "body-0-value": "[1"},
        {"body-count": "1", "body-0-type": "gallery", "body-0-order": "0", "body-0-deleted": ""},
    ):
        data = edit_data(client, page)
        data.update(broken)
        data.setdefault("body-0-deleted", "")
        data["action-publish"] = "action-publish"
        response = client.post(url, data)
        assert response.status_code == 200, broken
        assert form_errors(response), broken
    assert client.get(page.url).status_code == 200


def stored(page, body):
    """Write ``body`` straight into the page, as data saved before the admin refused it."""
    TopicPage.objects.filter(pk=page.pk).update(body=json.dumps(body))
    return TopicPage.objects.get(pk=page.pk)


def test_bad_data_stored_earlier_never_takes_the_page_down(client, campus, caplog):
    page = topic(campus)
    heading = {"type": "heading", "value": {"text": "Что повторить", "level": "h2"}, "id": "h"}
    body = [heading]
    for index, table in enumerate(BAD_TABLES.values()):
        body.append({"type": "table", "value": table, "id": f"t{index}"})
    body.append(
        {
            "type": "paragraph",
            "value": '<p>Задание: <a linktype="document" id="abc">лист</a>, '
            '<a linktype="page" id="x">тема</a> '
            '<embed embedtype="image" id="y" format="left"/></p>',
            "id": "p",
        }
    )
    body.append({"type": "math", "value": {"latex": 5, "caption": [], "label": {}}, "id": "m"})
    page = stored(page, body)
    with caplog.at_level(logging.WARNING):
        response = client.get(page.url)
    assert response.status_code == 200
    assert "Что повторить" in response.text  # the rest of the page is there
    assert "Задание:" in response.text
    assert "лист" in response.text
    logged = [record.getMessage() for record in caplog.records]
    assert any("could not be rendered" in message for message in logged), logged


def test_a_broken_block_shows_a_notice_in_the_editors_preview(client, campus):
    page = stored(topic(campus), [{"type": "quiz", "value": {"questions": 5}, "id": "q"}])
    client.force_login(campus["a"].user)
    from django.urls import reverse

    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert "не удалось показать" in response.text
    public = client.get(page.url)
    assert public.status_code == 200
    assert "не удалось показать" not in public.text
    # The editor opens, with an empty quiz in place of the unreadable one.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
