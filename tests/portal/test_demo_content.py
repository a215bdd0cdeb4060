"""The demo school loads into an empty database, deterministically, once."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from home.models import HomePage
from portal.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from portal.models import SchoolSettings


def snapshot():
    """What a visitor would see of the tree: (locale, url path, title, live)."""
    return sorted(
        (page.locale.language_code, page.url_path, page.title, page.live)
        for page in Page.objects.filter(depth__gte=2).select_related("locale")
    )


def load(*args):
    from io import StringIO

    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


LATIN = re.compile(r"[A-Za-z]")


def assert_russian_and_complete(output):
    """`make run` shows this output: Russian, a summary under every section, the logins."""
    lines = output.splitlines()
    sections = [i for i, line in enumerate(lines) if line.endswith(":") and not line[0].isspace()]
    assert len(sections) >= 9, lines
    for i in sections:
        assert lines[i + 1].startswith("  "), f"«{lines[i]}» has no summary"
    logins = [line for line in lines if " / " in line]
    assert len(logins) >= 7, lines
    for line in lines:
        if line in logins:
            line = line.split(":")[0]  # the role; user names and passwords are Latin
        if line.startswith("Вход в администрирование: "):
            continue
        assert not LATIN.search(line), line


@pytest.mark.django_db
def test_demo_builds_the_school_in_both_languages(client):
    output = load()
    assert f"{ADMIN_USERNAME} / {ADMIN_PASSWORD}" in output
    assert_russian_and_complete(output)

    homes = HomePage.objects.select_related("locale")
    assert sorted(home.locale.language_code for home in homes) == ["en", "ru"]
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "ru"
    assert SchoolSettings.for_site(site).short_name == "МБОУ СОШ № 12"

    assert "МБОУ СОШ № 12" in client.get("/").content.decode()
    assert "School No. 12" in client.get("/en/").content.decode()
    assert client.get("/o-shkole/").status_code == 200
    assert client.get("/en/o-shkole/").status_code == 200

    assert client.login(username=ADMIN_USERNAME, password=ADMIN_PASSWORD)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_demo_is_deterministic():
    load()
    first = snapshot()
    HomePage.objects.all().delete()
    load()
    assert snapshot() == first
    assert get_user_model().objects.filter(username=ADMIN_USERNAME).count() == 1


@pytest.mark.django_db
def test_if_empty_leaves_existing_content_alone():
    load()
    before = snapshot()
    output = load("--if-empty")
    assert "уже загружено" in output
    assert f"{ADMIN_USERNAME} / {ADMIN_PASSWORD}" in output
    assert snapshot() == before


@pytest.mark.django_db
def test_refuses_to_load_twice_without_if_empty():
    load()
    with pytest.raises(SystemExit):
        load()
