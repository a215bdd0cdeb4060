"""Posting admin forms as a teacher, and reading what the admin shows."""

import html
import json
import re

from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html

JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def readable(text):
    """``text`` with JSON \\u escapes and HTML entities resolved: modal choosers and
    block widgets ship titles as escaped JSON, which a substring test would miss."""
    return html.unescape(JSON_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text))


def stream_fields(page):
    return [
        field.name for field in page.specific._meta.get_fields() if isinstance(field, StreamField)
    ]


def edit_data(client, page, **fields):
    """The page's edit form as the admin renders it, with ``fields`` replaced.

    StreamFields are drawn by JavaScript, so the HTML has none of their inputs: each
    posts as empty unless given here (``nested_form_data`` style values).
    """
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200, response.status_code
    data = querydict_from_html(response.text, form_id="page-edit-form").copy()
    for name in stream_fields(page):
        data[f"{name}-count"] = "0"
    for key, value in nested_form_data(fields).items():
        data[key] = value
    return data


def post_edit(client, page, action="action-publish", **fields):
    data = edit_data(client, page, **fields)
    if action:
        data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def form_errors(response):
    """Every error message of the admin form, nested block errors included (the admin
    ships those to the browser as JSON)."""
    texts = []
    form = response.context["form"]
    for errors in form.errors.values():
        for error in errors.as_data():
            data = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
            texts.append(json.dumps(data, ensure_ascii=False))
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            for errors in child.errors.values():
                texts += [str(message) for message in errors]
    return " ".join(texts)


def contentstate_link(entity_type, entity_id):
    """Draftail's posted contentstate for one linked word, with any id in the entity
    (what a hostile editor types into the request, bypassing the chooser)."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "text": "задание",
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 7, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {
                "0": {"type": entity_type, "mutability": "MUTABLE", "data": {"id": entity_id}}
            },
        }
    )
