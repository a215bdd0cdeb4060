"""Findings 1 and 2: bulk actions, editing-session pings and secondary views (history,
usage, copy …) followed the model permission only; now the per-object rule of the
edit view applies to them."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from community.models import Message
from works.models import Consent

from .conftest import MARKER

pytestmark = pytest.mark.django_db


def bulk(app_label, model_name, action, *ids):
    url = reverse(
        "wagtail_bulk_action",
        kwargs={"app_label": app_label, "model_name": model_name, "action": action},
    )
    return url + "?" + "&".join(f"id={pk}" for pk in ids)


def test_bulk_delete_of_another_teachers_consent_is_not_found(client, campus):
    theirs = campus["private"]["consent"]
    client.force_login(campus["a"].user)
    url = bulk("works", "consent", "delete", theirs.pk)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Consent.objects.filter(pk=theirs.pk).exists()


def test_bulk_delete_of_own_consent_still_works(client, campus):
    mine = campus["own"]["consent"]
    client.force_login(campus["a"].user)
    url = bulk("works", "consent", "delete", mine.pk)
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert "Алина" in confirmation.text
    assert client.post(url).status_code == 302
    assert not Consent.objects.filter(pk=mine.pk).exists()


def test_select_all_deletes_only_the_teachers_own_consents(client, campus):
    mine, theirs = campus["own"]["consent"], campus["private"]["consent"]
    client.force_login(campus["a"].user)
    url = bulk("works", "consent", "delete", "all")
    confirmation = client.get(url)
    assert confirmation.status_code == 200
    assert MARKER not in confirmation.text
    assert client.post(url).status_code == 302
    assert not Consent.objects.filter(pk=mine.pk).exists()
    assert Consent.objects.filter(pk=theirs.pk).exists()


def test_bulk_page_actions_on_another_teachers_pages_are_not_found(client, campus):
    draft = campus["private"]["pages"][0]
    client.force_login(campus["a"].user)
    for action in ("publish", "unpublish", "delete", "move"):
        url = bulk("wagtailcore", "page", action, draft.pk)
        assert client.get(url).status_code == 404, action
        assert client.post(url).status_code == 404, action
    draft.refresh_from_db()
    assert not draft.live


def test_bulk_publish_of_own_pages_still_works(client, campus):
    own = campus["own"]["topic"]
    own.unpublish()
    client.force_login(campus["a"].user)
    assert client.post(bulk("wagtailcore", "page", "publish", own.pk)).status_code == 302
    assert Page.objects.get(pk=own.pk).live


def test_bulk_actions_on_another_teachers_images_and_documents_are_not_found(client, campus):
    private = campus["private"]
    client.force_login(campus["a"].user)
    for app_label, model_name, instance in (
        ("wagtailimages", "image", private["image"]),
        ("wagtaildocs", "document", private["document"]),
    ):
        for action in ("delete", "add_tags", "add_to_collection"):
            url = bulk(app_label, model_name, action, instance.pk)
            assert client.get(url).status_code == 404, (model_name, action)
            assert client.post(url, {"tags": "взлом"}).status_code == 404, (model_name, action)
        assert type(instance).objects.filter(pk=instance.pk).exists()


def ping(app_label, model_name, pk, session=0):
    return reverse(
        "wagtailadmin_editing_sessions:ping", args=[app_label, model_name, str(pk), session]
    )


def test_editing_session_pings_on_another_teachers_objects_are_not_found(client, campus):
    private = campus["private"]
    client.force_login(campus["a"].user)
    assert client.post(ping("works", "consent", private["consent"].pk)).status_code == 404
    assert client.post(ping("community", "message", private["message"].pk)).status_code == 404
    assert client.post(ping("wagtailcore", "page", private["pages"][0].pk)).status_code == 404
    # ... while a ping on the teacher's own consent answers with the other sessions.
    own = client.post(ping("works", "consent", campus["own"]["consent"].pk))
    assert own.status_code == 200
    assert "session_id" in own.json()


def test_secondary_views_of_another_teachers_consent_are_not_found(client, campus):
    theirs = campus["private"]["consent"]
    client.force_login(campus["a"].user)
    for view in ("edit", "delete", "history", "history_results", "usage"):
        url = reverse(f"wagtailsnippets_works_consent:{view}", args=[theirs.pk])
        assert client.get(url).status_code == 404, view
    chooser = reverse("wagtailsnippetchoosers_works_consent:chosen", args=[theirs.pk])
    assert client.get(chooser).status_code == 404


def test_another_teachers_question_is_not_shown_in_history_or_usage(client, campus):
    """Finding 2: /admin/community/history/<id>/ and /usage/<id>/ showed author and text."""
    theirs = campus["private"]["message"]
    client.force_login(campus["a"].user)
    for view in ("history", "history_results", "usage", "edit", "delete"):
        response = client.get(reverse(f"community_message:{view}", args=[theirs.pk]))
        assert response.status_code == 404, view
        assert MARKER not in response.text
    assert client.post(bulk("community", "message", "delete", theirs.pk)).status_code == 404
    assert Message.objects.filter(pk=theirs.pk).exists()


def test_the_teacher_reads_the_history_of_own_questions(client, campus):
    own = Message.objects.create(
        page=campus["own"]["topic"], author_name="Петя", text="Как сложить дроби?"
    )
    client.force_login(campus["a"].user)
    for view in ("history", "usage", "edit"):
        response = client.get(reverse(f"community_message:{view}", args=[own.pk]))
        assert response.status_code == 200, view
