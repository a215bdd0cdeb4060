"""Fixtures of the «Сведения об ОО» tests."""

import pytest
from bs4 import BeautifulSoup


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture(scope="module")
def demo_school(django_db_setup, django_db_blocker):
    """The whole demo school, loaded once for a module (it takes half a minute)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    yield
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)
