"""«Согласия на публикацию» in the admin: each teacher sees, edits and chooses their own."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories.works import ConsentFactory, StudentWorkPageFactory
from works.models import Consent

from .helpers import work_form

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


@pytest.fixture
def records(teacher_a, teacher_b):
    mine = ConsentFactory(pupil_first_name="Алина", created_by=teacher_a)
    theirs = ConsentFactory(pupil_first_name="Тимофей", created_by=teacher_b)
    return mine, theirs


def test_teacher_lists_only_own_consents(client, teacher_a, records):
    client.force_login(teacher_a)
    body = client.get(reverse("wagtailsnippets_works_consent:list")).content.decode()
    assert "Алина" in body
    assert "Тимофей" not in body


def test_teacher_cannot_open_edit_or_delete_another_teachers_consent(client, teacher_a, records):
    _, theirs = records
    client.force_login(teacher_a)
    edit = reverse("wagtailsnippets_works_consent:edit", args=[theirs.pk])
    delete = reverse("wagtailsnippets_works_consent:delete", args=[theirs.pk])
    history = reverse("wagtailsnippets_works_consent:history", args=[theirs.pk])
    assert client.get(edit).status_code == 404
    assert client.post(edit, {"pupil_first_name": "Чужой"}).status_code == 404
    assert client.get(history).status_code == 404
    assert client.post(delete).status_code == 404
    theirs.refresh_from_db()
    assert theirs.pupil_first_name == "Тимофей"


def test_chooser_offers_only_own_consents(client, teacher_a, records):
    mine, theirs = records
    client.force_login(teacher_a)
    body = json.loads(client.get(reverse("wagtailsnippetchoosers_works_consent:choose")).content)[
        "html"
    ]
    assert "Алина" in body
    assert "Тимофей" not in body
    results_url = reverse("wagtailsnippetchoosers_works_consent:choose_results")
    chosen = reverse("wagtailsnippetchoosers_works_consent:chosen", args=[theirs.pk])
    own = reverse("wagtailsnippetchoosers_works_consent:chosen", args=[mine.pk])
    assert chosen not in client.get(results_url, {"q": "Тимофей"}).content.decode()
    assert own in client.get(results_url, {"q": "Алина"}).content.decode()
    assert client.get(chosen).status_code == 404
    assert client.get(own).status_code == 200


def test_page_form_refuses_another_teachers_consent(client, teacher_a, works_index, records):
    _, theirs = records
    client.force_login(teacher_a)
    url = reverse("wagtailadmin_pages:add", args=("works", "studentworkpage", works_index.pk))
    response = client.post(url, {**work_form(theirs), "action-publish": "1"})
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]


def test_editor_sees_every_consent(client, admin_user, records):
    client.force_login(admin_user)
    body = client.get(reverse("wagtailsnippets_works_consent:list")).content.decode()
    assert "Алина" in body
    assert "Тимофей" in body


def test_teacher_creates_a_consent_recorded_as_theirs(client, teacher_a, teacher_b):
    client.force_login(teacher_a)
    response = client.post(
        reverse("wagtailsnippets_works_consent:add"),
        {
            "pupil_first_name": "Вера",
            "school_class": "",
            "class_label": "7Б",
            "given_by": "Кузнецова Анна Петровна",
            "given_on": "2026-09-01",
            "scope": "site",
            "paper_form_location": "Канцелярия",
            "withdrawn_on": "",
            "notes": "",
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get(pupil_first_name="Вера")
    assert consent.created_by == teacher_a
    assert consent.pupil_label == "Вера, 7Б"
    other = Client()
    other.force_login(teacher_b)
    body = other.get(reverse("wagtailsnippets_works_consent:list")).content.decode()
    assert "Вера" not in body


def test_a_surname_is_refused_in_the_consent(client, teacher_a):
    client.force_login(teacher_a)
    response = client.post(
        reverse("wagtailsnippets_works_consent:add"),
        {
            "pupil_first_name": "Вера Кузнецова",
            "given_by": "Кузнецова Анна Петровна",
            "given_on": "2026-09-01",
            "scope": "site",
            "paper_form_location": "Канцелярия",
        },
    )
    assert response.status_code == 200
    assert "фамилию на сайте не указываем" in response.content.decode()
    assert not Consent.objects.exists()


def test_withdrawal_through_the_admin_unpublishes(client, teacher_a, works_index, consent):
    work = StudentWorkPageFactory(parent=works_index, consent=consent)
    client.force_login(teacher_a)
    response = client.post(
        reverse("wagtailsnippets_works_consent:edit", args=[consent.pk]),
        {
            "pupil_first_name": consent.pupil_first_name,
            "school_class": consent.school_class_id,
            "class_label": "",
            "given_by": consent.given_by,
            "given_on": consent.given_on.isoformat(),
            "scope": "site",
            "paper_form_location": consent.paper_form_location,
            "withdrawn_on": timezone.localdate().isoformat(),
            "notes": "Мама попросила убрать работу.",
        },
    )
    assert response.status_code == 302
    work.refresh_from_db()
    assert not work.live


def test_page_forms_offer_only_own_consents(client, teacher_a, works_index, records):
    client.force_login(teacher_a)
    for model in ("studentworkpage", "photoreportpage"):
        url = reverse("wagtailadmin_pages:add", args=("works", model, works_index.pk))
        response = client.get(url)
        assert response.status_code == 200
        choices = [
            str(choice)
            for choice in response.context["form"]
            .fields["consent" if model == "studentworkpage" else "consents"]
            .queryset
        ]
        assert any("Алина" in choice for choice in choices)
        assert not any("Тимофей" in choice for choice in choices)
        # The parent's name stays in the consent record, not in page editors' forms.
        assert "Смирнова" not in response.content.decode()


def test_approving_in_the_editor_checks_the_consent(client, admin_user, works_index, records):
    """An editor approving a submitted work whose consent was withdrawn meanwhile gets
    the error next to the field instead of a published page."""
    from django.utils import timezone
    from wagtail.models import Workflow, WorkflowPage

    from teachers.permissions import MODERATION_WORKFLOW, setup_roles
    from works.models import StudentWorkPage

    mine, _ = records
    setup_roles()
    WorkflowPage.objects.get_or_create(
        page=works_index, defaults={"workflow": Workflow.objects.get(name=MODERATION_WORKFLOW)}
    )
    work = StudentWorkPageFactory(parent=works_index, live=False, consent=mine)
    work.save_revision()
    Workflow.objects.get(name=MODERATION_WORKFLOW).start(work, admin_user)
    Consent.objects.filter(pk=mine.pk).update(withdrawn_on=timezone.localdate())
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[work.pk]),
        {
            **work_form(mine, title=work.title, slug=work.slug),
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert not StudentWorkPage.objects.get(pk=work.pk).live
