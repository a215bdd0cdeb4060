"""Taking works and photo reports off the site when their consent stops being valid."""

from wagtail.models import Page

from .models import dependent_pages, hidden_page_ids

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
