"""Tree rules of the section: one index per home page, one page per subsection."""

import pytest
from wagtail.test.utils.form_data import rich_text

from home.models import HomePage
from sveden.models import CommonInfoPage, SchoolInfoIndexPage, StandardsPage
from tests.factories.sveden import build_section


@pytest.mark.django_db
def test_section_tree_rules(home):
    assert SchoolInfoIndexPage.can_create_at(home)
    assert not CommonInfoPage.can_create_at(home)
    index, _pages = build_section(home)
    # One index per home page and one page of each subsection.
    assert not SchoolInfoIndexPage.can_create_at(home)
    assert not StandardsPage.can_create_at(index)
    assert "sveden.SchoolInfoIndexPage" in [
        f"{model._meta.app_label}.{model.__name__}" for model in HomePage.allowed_subpage_models()
    ]
    assert SchoolInfoIndexPage.allowed_subpage_models()
    assert not CommonInfoPage.allowed_subpage_models()


@pytest.mark.django_db
def test_setup_command_creates_missing_subsections(home):
    from django.core.management import call_command

    index, pages = build_section(home)
    pages["catering"].delete()
    call_command("setup_sveden", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert index.get_children().filter(slug="catering").exists()
    assert index.get_children().count() == 14


@pytest.mark.django_db
def test_editor_edits_a_subsection_in_the_admin(client, home, admin_user):
    _index, pages = build_section(home)
    client.force_login(admin_user)
    page = pages["eduStandarts"]
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    # The legal slug cannot be edited: the promote tab has no slug field.
    assert 'name="slug"' not in response.content.decode()

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Образовательные стандарты и требования",
            "extra": rich_text(""),
            "seo_title": "",
            "search_description": "",
            "show_in_menus": "",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.slug == "eduStandarts"
    assert client.get("/sveden/eduStandarts/").status_code == 200
