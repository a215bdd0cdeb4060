"""wagtail-localize's editor in Russian: the project's catalogues (portal/locale/ru)
correct what the package's Russian gets wrong — «Опубликовать вEnglish», «в ручную»,
and the same label on the PO file's download and upload."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext


def test_string_comments_say_vruchnuyu():
    with translation.override("ru"):
        manually = gettext("Translated manually on {date}").format(date="2026-12-03")
        machine = gettext("Machine translated on {date}").format(date="2026-12-03")
    assert manually == "Переведено вручную 2026-12-03"
    assert machine == "Машинный перевод 2026-12-03"


@pytest.mark.django_db
def test_editor_javascript_catalogue(admin_client):
    """The catalogue the translation editor loads, as the browser gets it."""
    with translation.override("ru"):
        response = admin_client.get(
            reverse("wagtail_localize:javascript_catalog"), HTTP_ACCEPT_LANGUAGE="ru"
        )
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)
    catalog = json.loads(found.group(1))
    # The editor writes gettext("Publish in ") + the language's name.
    assert catalog["Publish in "] + "English" == "Опубликовать в English"
    assert catalog["Download PO file"] == "Скачать PO-файл"
    assert catalog["Upload PO file"] == "Загрузить PO-файл"
    assert catalog["Download PO file"] != catalog["Upload PO file"]
    # The package's other strings are still there.
    assert catalog["Saving..."] != "Saving..."
