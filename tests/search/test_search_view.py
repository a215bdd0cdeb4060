"""The site search box: Russian morphology, only live public pages of the locale."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory


@pytest.fixture
def pages(site):
    home = site["home"]
    found = StandardPageFactory(
        parent=home, title="Олимпиады по математике", introduction="Школьный этап олимпиады."
    )
    draft = StandardPageFactory(parent=home, title="Олимпиада: черновик", live=False)
    private = StandardPageFactory(parent=home, title="Олимпиада для учителей")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    call_command("update_index", verbosity=0)
    return {"found": found, "draft": draft, "private": private}


@pytest.mark.django_db
def test_russian_word_forms_find_the_page(client, pages):
    html = client.get("/search/", {"query": "олимпиадой"}).content.decode()
    assert "Олимпиады по математике" in html


@pytest.mark.django_db
def test_drafts_and_private_pages_are_not_found(client, pages):
    html = client.get("/search/", {"query": "олимпиада"}).content.decode()
    assert "Олимпиады по математике" in html
    assert "черновик" not in html
    assert "для учителей" not in html


@pytest.mark.django_db
def test_other_language_is_not_searched(client, pages):
    html = client.get("/en/search/", {"query": "олимпиада"}).content.decode()
    assert "Олимпиады по математике" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"query": ""},
        {"query": "а" * 2000},
        {"query": "!!! ??? ..."},
        {"query": "'&|!:*\\"},
        {"query": "олимпиада", "page": "abc"},
        {"query": "олимпиада", "page": "99999"},
    ],
)
def test_bad_input_gives_a_normal_page(client, pages, params):
    response = client.get("/search/", params)
    assert response.status_code == 200
