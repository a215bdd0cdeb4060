"""Findings 3 and 5: the admin API listed every teacher's images and documents, and
wagtail-localize's snippet API every teacher's consents; the pages API must not show
pages the teacher does not see in the explorer."""

import pytest
from django.urls import reverse

from .conftest import MARKER, SEARCH

pytestmark = pytest.mark.django_db


def titles(response):
    assert response.status_code == 200, response.status_code
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.parametrize("endpoint", ["images", "documents"])
def test_admin_api_lists_only_what_the_chooser_offers(client, campus, endpoint):
    model = endpoint[:-1]
    own, theirs = campus["own"][model], campus["private"][model]
    client.force_login(campus["a"].user)
    listing = reverse(f"wagtailadmin_api:{endpoint}:listing")
    listed = titles(client.get(listing))
    assert own.title in listed
    assert theirs.title not in listed
    assert not any(MARKER in title for title in titles(client.get(listing, {"search": SEARCH})))
    if endpoint == "images":
        assert campus["shared_image"].title in listed
        assert campus["root_image"].title not in listed
    detail = f"wagtailadmin_api:{endpoint}:detail"
    assert client.get(reverse(detail, args=[theirs.pk])).status_code == 404
    assert client.get(reverse(detail, args=[own.pk])).status_code == 200


def test_pages_api_shows_only_pages_of_the_explorer(client, campus):
    draft = campus["private"]["pages"][0]
    client.force_login(campus["a"].user)
    listing = reverse("wagtailadmin_api:pages:listing")
    for params in ({}, {"search": SEARCH}, {"child_of": campus["physics_section"].pk}):
        response = client.get(listing, params)
        assert MARKER not in response.text, params
    detail = reverse("wagtailadmin_api:pages:detail", args=[draft.pk])
    assert client.get(detail).status_code == 404
    own = reverse("wagtailadmin_api:pages:detail", args=[campus["own"]["topic"].pk])
    assert client.get(own).status_code == 200


def localize_api(model, pk=None):
    url = f"/admin/localize/api/snippets/{model._meta.app_label}/{model._meta.model_name}/"
    return f"{url}{pk}/" if pk is not None else url


def test_localize_snippet_api_answers_only_for_the_teachers_own_consents(client, campus):
    mine, theirs = campus["own"]["consent"], campus["private"]["consent"]
    client.force_login(campus["a"].user)
    listing = client.get(localize_api(type(mine)))
    assert listing.status_code == 200
    ids = (
        [item["id"] for item in listing.json()["results"]]
        if "results" in listing.json()
        else [item["id"] for item in listing.json()]
    )
    assert mine.pk in ids
    assert theirs.pk not in ids
    assert MARKER not in listing.text
    assert client.get(localize_api(type(theirs), theirs.pk)).status_code == 404
    assert client.get(localize_api(type(mine), mine.pk)).json()["title"] == str(mine)


def test_localize_snippet_api_still_names_a_chosen_school_class(client, campus):
    """The translation editor shows a chosen class with this API: taxonomy stays open."""
    school_class = campus["own"]["consent"].school_class
    client.force_login(campus["a"].user)
    response = client.get(localize_api(type(school_class), school_class.pk))
    assert response.status_code == 200
    assert response.json()["title"] == str(school_class)


def test_localize_snippet_api_hides_staff_snippets_from_teachers(client, campus):
    announcement = next(
        instance
        for model, instance in campus["instances"].items()
        if model._meta.model_name == "announcement"
    )
    client.force_login(campus["a"].user)
    assert client.get(localize_api(type(announcement), announcement.pk)).status_code == 404
    assert MARKER not in client.get(localize_api(type(announcement))).text
