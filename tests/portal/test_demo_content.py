"""The demo school loads into an empty database, deterministically, once.

The school itself is loaded once per run (``demo`` fixture, tests/conftest.py);
only the determinism test loads it a second time, into the empty test database.
"""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Site

from home.models import HomePage
from portal.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from portal.models import SchoolSettings
from tests.conftest import demo_tree

pytestmark = pytest.mark.dated


def load(*args):
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


LATIN = re.compile(r"[A-Za-z]")
# Site addresses ("/food/") are Latin by law and by design.
PATH = re.compile(r"(?<!\S)/[\w./-]*")


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
        assert not LATIN.search(PATH.sub("", line)), line


def test_demo_builds_the_school_in_both_languages(client, demo):
    assert f"{ADMIN_USERNAME} / {ADMIN_PASSWORD}" in demo.output
    assert_russian_and_complete(demo.output)

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
def test_demo_is_deterministic(demo_school):
    assert not HomePage.objects.exists()
    load()
    assert len(demo_school.tree) > 50
    assert demo_tree() == demo_school.tree
    assert get_user_model().objects.filter(username=ADMIN_USERNAME).count() == 1


def test_if_empty_leaves_existing_content_alone(demo):
    output = load("--if-empty")
    assert "уже загружено" in output
    assert f"{ADMIN_USERNAME} / {ADMIN_PASSWORD}" in output
    assert demo_tree() == demo.tree


def test_refuses_to_load_twice_without_if_empty(demo):
    with pytest.raises(SystemExit):
        load()
    assert demo_tree() == demo.tree


def test_every_app_with_a_demo_module_declares_it():
    """An app whose demo.py its AppConfig does not name would be left out silently."""
    from portal.management.commands.load_demo_content import demo_modules
    from tests.portal.test_layering import ROOT, project_apps

    with_demo_file = {name for name in project_apps() if (ROOT / name / "demo.py").exists()}
    declared = {module.__name__.split(".")[0] for module in demo_modules()}
    assert {"portal", "home", "events", "works"} <= declared
    assert declared == with_demo_file
    # The core's step (locales, administrator, settings) runs first.
    assert demo_modules()[0].__name__ == "portal.demo"
