"""A work or photo report goes live only with a valid consent, on every publish path."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from teachers.permissions import shared_collection
from tests.factories.portal import ImageFactory
from tests.factories.works import ConsentFactory, PhotoReportPageFactory, StudentWorkPageFactory
from works.models import Consent, PhotoReportPage, StudentWorkPage
from works.unpublishing import LOG_ACTION

from .helpers import report_form, work_form

pytestmark = [pytest.mark.django_db, pytest.mark.dated]

NO_CONSENT = "Без действующего согласия на публикацию работу опубликовать нельзя."


def add_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=("works", model, parent.pk))


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def test_publish_without_consent_is_refused_next_to_the_field(client, teacher_a, works_index):
    client.force_login(teacher_a)
    response = client.post(
        add_url("studentworkpage", works_index), {**work_form(), "action-publish": "1"}
    )
    assert response.status_code == 200
    assert errors_of(response, "consent") == [NO_CONSENT]
    assert NO_CONSENT in response.content.decode()
    assert not StudentWorkPage.objects.exists()


def test_draft_without_consent_is_saved_unpublished(client, teacher_a, works_index):
    client.force_login(teacher_a)
    response = client.post(add_url("studentworkpage", works_index), work_form())
    assert response.status_code == 302
    work = StudentWorkPage.objects.get()
    assert (work.live, work.consent, work.has_unpublished_changes) == (False, None, True)


def test_withdrawn_consent_is_refused_on_publish(client, teacher_a, works_index, consent):
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=timezone.localdate())
    client.force_login(teacher_a)
    response = client.post(
        add_url("studentworkpage", works_index),
        {**work_form(consent), "action-publish": "1"},
    )
    assert response.status_code == 200
    assert "не действует" in errors_of(response, "consent")[0]
    assert not StudentWorkPage.objects.exists()


def test_publish_with_valid_consent(client, teacher_a, works_index, consent):
    client.force_login(teacher_a)
    response = client.post(
        add_url("studentworkpage", works_index),
        {**work_form(consent), "action-publish": "1"},
    )
    assert response.status_code == 302
    work = StudentWorkPage.objects.get()
    assert work.live
    assert work.consent == consent
    assert "Алина" in client.get(work.url).content.decode()


def test_revision_publish_is_refused_without_consent(works_index):
    work = StudentWorkPageFactory(parent=works_index, live=False, consent=None)
    revision = work.save_revision()
    with pytest.raises(ValidationError) as refused:
        revision.publish()
    assert "consent" in refused.value.message_dict
    work.refresh_from_db()
    assert not work.live


def test_scheduled_publishing_of_a_withdrawn_consent_is_refused(works_index, consent):
    work = StudentWorkPageFactory(parent=works_index, live=False, consent=consent)
    revision = work.save_revision()
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=timezone.localdate())
    with pytest.raises(ValidationError):
        revision.publish(log_action="wagtail.publish.scheduled")
    assert not StudentWorkPage.objects.get(pk=work.pk).live


def test_editing_a_live_work_as_draft_keeps_it_live(client, teacher_a, works_index, consent):
    work = StudentWorkPageFactory(parent=works_index, consent=consent)
    client.force_login(teacher_a)
    form = work_form(None, title=work.title, slug=work.slug)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[work.pk]), form)
    assert response.status_code == 302
    work.refresh_from_db()
    assert work.live
    assert work.consent == consent
    assert work.has_unpublished_changes


def test_report_with_recognisable_pupils_needs_consents(client, teacher_a, works_index, consent):
    client.force_login(teacher_a)
    # A photo the teacher may choose: the school's shared collection.
    image = ImageFactory(collection=shared_collection())
    url = add_url("photoreportpage", works_index)
    refused = client.post(url, {**report_form(image), "action-publish": "1"})
    assert refused.status_code == 200
    assert "узнаваемы ученики" in errors_of(refused, "consents")[0]
    assert not PhotoReportPage.objects.exists()
    accepted = client.post(url, {**report_form(image, [consent]), "action-publish": "1"})
    assert accepted.status_code == 302
    report = PhotoReportPage.objects.get()
    assert report.live
    assert list(report.consents.all()) == [consent]


def test_report_without_recognisable_pupils_needs_no_consent(client, teacher_a, works_index):
    client.force_login(teacher_a)
    response = client.post(
        add_url("photoreportpage", works_index),
        {
            **report_form(ImageFactory(collection=shared_collection()), recognisable=False),
            "action-publish": "1",
        },
    )
    assert response.status_code == 302
    assert PhotoReportPage.objects.get().live


def test_report_revision_publish_is_refused_without_consents(works_index):
    report = PhotoReportPageFactory(parent=works_index, live=False)
    report.pupils_recognisable = True
    with pytest.raises(ValidationError):
        report.save_revision().publish()


def test_withdrawal_unpublishes_every_dependent_page(client, admin_user, works_index, consent):
    work = StudentWorkPageFactory(parent=works_index, consent=consent)
    other = StudentWorkPageFactory(parent=works_index)
    report = PhotoReportPageFactory(parent=works_index)
    report.pupils_recognisable = True
    report.consents = [consent]
    report.save_revision().publish()
    assert client.get(report.url).status_code == 200

    consent.withdrawn_on = timezone.localdate()
    consent.save()

    assert not StudentWorkPage.objects.get(pk=work.pk).live
    assert not PhotoReportPage.objects.get(pk=report.pk).live
    assert StudentWorkPage.objects.get(pk=other.pk).live
    entry = PageLogEntry.objects.filter(page=work, action=LOG_ACTION).get()
    assert "согласие на публикацию больше не действует" in entry.message
    client.force_login(admin_user)
    history = client.get(reverse("wagtailadmin_pages:history", args=[work.pk]))
    assert "согласие на публикацию" in history.content.decode()


def test_a_future_withdrawal_waits_for_its_day(works_index):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    consent = ConsentFactory(withdrawn_on=tomorrow)
    work = StudentWorkPageFactory(parent=works_index, consent=consent)
    assert StudentWorkPage.objects.get(pk=work.pk).live


def test_command_unpublishes_pages_whose_withdrawal_day_has_come(client, works_index):
    consent = ConsentFactory()
    work = StudentWorkPageFactory(parent=works_index, consent=consent)
    kept = StudentWorkPageFactory(parent=works_index)
    # The withdrawal date came overnight: nothing saved the consent since.
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=timezone.localdate())
    assert client.get(work.url).status_code == 404
    call_command("enforce_consents", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not StudentWorkPage.objects.get(pk=work.pk).live
    assert StudentWorkPage.objects.get(pk=kept.pk).live
    assert PageLogEntry.objects.filter(page=work, action=LOG_ACTION).exists()


def scheduled(page, hours=-1):
    """A revision of ``page`` approved to go live ``hours`` from now (past by default)."""
    page.go_live_at = timezone.now() + datetime.timedelta(hours=hours)
    revision = page.save_revision(approved_go_live_at=page.go_live_at)
    return revision


def test_withdrawal_removes_the_schedule_and_publish_scheduled_goes_on(works_index, consent, home):
    withdrawn = StudentWorkPageFactory(parent=works_index, live=False, consent=consent)
    other = StudentWorkPageFactory(parent=works_index, live=False, consent=ConsentFactory())
    withdrawn_revision = scheduled(withdrawn)
    scheduled(other)

    consent.withdrawn_on = timezone.localdate()
    consent.save()

    withdrawn_revision.refresh_from_db()
    assert withdrawn_revision.approved_go_live_at is None
    assert PageLogEntry.objects.filter(page=withdrawn, action="wagtail.schedule.cancel").exists()
    call_command("publish_scheduled")
    assert not StudentWorkPage.objects.get(pk=withdrawn.pk).live
    assert StudentWorkPage.objects.get(pk=other.pk).live


def test_publish_scheduled_holds_back_a_consent_whose_withdrawal_date_came(works_index):
    # Withdrawal announced for a date that has now come, not saved today: no signal ran.
    consent = ConsentFactory(withdrawn_on=timezone.localdate() + datetime.timedelta(days=3))
    withdrawn = StudentWorkPageFactory(parent=works_index, live=False, consent=consent)
    other = StudentWorkPageFactory(parent=works_index, live=False, consent=ConsentFactory())
    scheduled(withdrawn)
    scheduled(other)
    Consent.objects.filter(pk=consent.pk).update(withdrawn_on=timezone.localdate())

    call_command("publish_scheduled")

    assert not StudentWorkPage.objects.get(pk=withdrawn.pk).live
    assert StudentWorkPage.objects.get(pk=other.pk).live


def test_withdrawal_cancels_moderation_so_approval_cannot_fail(
    client, admin_user, works_index, consent
):
    from wagtail.models import Workflow, WorkflowState

    from teachers.permissions import setup_roles

    setup_roles()
    workflow = Workflow.objects.filter(active=True, workflow_tasks__isnull=False).first()
    assert workflow is not None
    work = StudentWorkPageFactory(parent=works_index, live=False, consent=consent)
    work.save_revision(user=admin_user)
    workflow.start(work, admin_user)
    state = WorkflowState.objects.get(object_id=str(work.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    consent.withdrawn_on = timezone.localdate()
    consent.save()

    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_CANCELLED
    assert PageLogEntry.objects.filter(page=work, action="wagtail.workflow.cancel").exists()
    # Nothing is left for the dashboard's "Approve" button to publish.
    client.force_login(admin_user)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert not StudentWorkPage.objects.get(pk=work.pk).live


def test_held_back_revisions_of_a_deleted_consent(works_index):
    consent = ConsentFactory()
    work = StudentWorkPageFactory(parent=works_index, live=False, consent=consent)
    revision = scheduled(work, hours=5)
    consent.delete()
    revision.refresh_from_db()
    assert revision.approved_go_live_at is None


def test_report_form_offers_only_valid_consents_but_keeps_its_own(
    client, teacher_a, works_index, consent
):
    withdrawn = ConsentFactory(
        created_by=teacher_a, pupil_first_name="Ксения", withdrawn_on=timezone.localdate()
    )
    client.force_login(teacher_a)

    offered = client.get(add_url("photoreportpage", works_index)).content.decode()
    assert f'name="consents" value="{consent.pk}"' in offered
    assert f'name="consents" value="{withdrawn.pk}"' not in offered

    report = PhotoReportPageFactory(parent=works_index, live=False)
    report.consents = [withdrawn]
    report.save()
    editing = client.get(reverse("wagtailadmin_pages:edit", args=[report.pk])).content.decode()
    assert f'name="consents" value="{withdrawn.pk}"' in editing
