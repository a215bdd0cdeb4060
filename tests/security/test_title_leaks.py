"""Finding 12: titles of other teachers' unpublished pages in the page chooser, the
explorer header, bulk-action confirmations and the page-types report, and every user's
name in the owner filter."""

import pytest
from django.urls import reverse

from .conftest import MARKER, SEARCH
from .helpers import readable

pytestmark = pytest.mark.django_db


def shown(response):
    assert response.status_code == 200, response.status_code
    return readable(response.content.decode())


def test_page_chooser_offers_live_pages_and_own_drafts_only(client, campus):
    section = campus["physics_section"]
    client.force_login(campus["a"].user)
    listing = shown(client.get(reverse("wagtailadmin_choose_page_child", args=[section.pk])))
    assert campus["topic"].title in listing  # B's published topic may be linked to
    assert MARKER not in listing
    found = shown(client.get(reverse("wagtailadmin_choose_page_search"), {"q": SEARCH}))
    assert MARKER not in found
    draft = campus["private"]["pages"][0]
    multiple = client.get(reverse("wagtailadmin_choose_page_chosen_multiple"), {"id": draft.pk})
    assert multiple.status_code == 404
    own = campus["own"]["topic"]
    own.unpublish()
    mine = shown(client.get(reverse("wagtailadmin_choose_page_search"), {"q": own.title}))
    assert own.title in mine


def test_explorer_does_not_open_another_teachers_draft_or_section(client, campus):
    client.force_login(campus["a"].user)
    for page in (campus["private"]["pages"][0], campus["physics_section"]):
        response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
        assert response.status_code == 404
        assert MARKER not in readable(response.content.decode())
    own = shown(client.get(reverse("wagtailadmin_explore", args=[campus["math_section"].pk])))
    assert campus["own"]["topic"].title in own


def test_bulk_confirmation_never_lists_another_teachers_pages(client, campus):
    draft = campus["private"]["pages"][0]
    client.force_login(campus["a"].user)
    base = reverse(
        "wagtail_bulk_action",
        kwargs={"app_label": "wagtailcore", "model_name": "page", "action": "publish"},
    )
    assert client.get(f"{base}?id={draft.pk}").status_code == 404
    assert client.get(f"{base}?id={draft.pk}&id={campus['own']['topic'].pk}").status_code == 404
    everything = client.get(f"{base}?id=all&childOf={campus['home'].pk}")
    assert MARKER not in shown(everything)
    assert client.get(f"{base}?id=all&childOf={campus['physics_section'].pk}").status_code == 404


def test_page_types_report_names_only_pages_the_teacher_sees(client, campus):
    client.force_login(campus["a"].user)
    report = shown(client.get(reverse("wagtailadmin_reports:page_types_usage")))
    assert MARKER not in report
    # The topic type's last edited page is the teacher's own topic, not B's draft.
    assert campus["own"]["topic"].title in report


def test_owner_and_editor_filters_name_only_colleagues_of_the_teachers_pages(client, campus):
    colleague = campus["private"]["colleague"]
    client.force_login(campus["a"].user)
    for url in (
        reverse("wagtailadmin_explore", args=[campus["home"].pk]),
        reverse("wagtailadmin_pages:type_use", args=["subjects", "topicpage"]),
        reverse("wagtailforms:index"),
        reverse("wagtailadmin_reports:site_history"),
    ):
        page = shown(client.get(url))
        assert colleague.last_name not in page, url
    own = shown(client.get(reverse("wagtailadmin_explore", args=[campus["home"].pk])))
    assert campus["a"].user.last_name in own
