"""Taking works and photo reports off the site when their consent stops being valid."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page, Revision, WorkflowState

from .models import PhotoReportPage, StudentWorkPage, dependent_pages, hidden_page_ids
from .models.consent_rules import NO_CONSENT

LOG_ACTION = "works.unpublish.consent"


def unpublish(pages, user=None):
    """Unpublish the live ones among ``pages``; returns those unpublished."""
    done = []
    for page in pages:
        if page.live:
            page.unpublish(user=user, log_action=LOG_ACTION)
            done.append(page)
    return done


def unpublish_dependents(consent, user=None):
    """Unpublish every live page relying on ``consent`` (after a withdrawal)."""
    return unpublish(dependent_pages(consent), user=user)


def enforce(on=None):
    """Unpublish every live page whose consent is not valid ``on`` (default today)."""
    pages = Page.objects.filter(pk__in=hidden_page_ids(on)).specific()
    return unpublish(pages)


def revision_problem(revision, on=None):
    """Why publishing ``revision`` would break the consent rule, or None."""
    try:
        return revision.as_object().consent_problem_for(on=on)[1]
    except ObjectDoesNotExist:  # the consent it names was deleted
        return NO_CONSENT


def hold_back(on=None, user=None):
    """Stop what would publish a work or report without a valid consent later on.

    Pages waiting in moderation or scheduled to go live keep their consent in a
    revision, not on the live page: a consent withdrawn meanwhile would make the
    approval (from the dashboard) or the scheduled publishing fail. Their workflow is
    cancelled and their schedule removed, both logged in the page's history; the
    teacher chooses a valid consent and submits again. Returns the revisions held back.
    """
    page_types = ContentType.objects.get_for_models(StudentWorkPage, PhotoReportPage).values()
    held = []
    states = WorkflowState.objects.active().filter(content_type__in=page_types)
    for state in states.select_related("current_task_state__revision"):
        task_state = state.current_task_state
        if task_state and task_state.revision and revision_problem(task_state.revision, on):
            state.cancel(user=user)
            held.append(task_state.revision)
    scheduled = Revision.objects.filter(
        content_type__in=page_types, approved_go_live_at__isnull=False
    )
    for revision in scheduled:
        if revision_problem(revision, on):
            revision.approved_go_live_at = None
            revision.save(user=user, update_fields=["approved_go_live_at"])
            held.append(revision)
    return held
