"""Keep the facet table current: on publish, unpublish, move and view restriction.

A facet row describes the live page (drafts must not move a page between filters),
so it is written when Wagtail says a page went live (``page_published``: publish,
scheduled publish, copy, alias update) and after a move (``post_page_move``: facets
may follow the new parent), and dropped when the page goes offline
(``page_unpublished``) — once each, not on every save of every model. A page
created already live, without a publish (``Page.live`` defaults to True: imports,
fixtures, code calling ``add_child``), gets its row when it is created. Deleting a
page deletes its row (``on_delete=CASCADE``). Wagtail's own handlers keep the
full-text index current.

A row's ``visible`` (live, outside every view restriction) follows the same events, and
a view restriction added, changed or removed recomputes it for the page and everything
below (``PageViewRestriction`` ``post_save``/``post_delete``).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from .indexing import (
    refresh_restricted_subtree,
    remove_page_facets,
    update_page_facets,
    update_subtree_facets,
)


def page_published_facets(sender, instance, **kwargs):
    update_page_facets(instance)


def page_unpublished_facets(sender, instance, **kwargs):
    remove_page_facets(instance)


def page_created_live(sender, instance, created=False, raw=False, **kwargs):
    if created and instance.live and not raw and not instance.is_root():
        update_page_facets(instance)


def page_moved(sender, instance, **kwargs):
    update_subtree_facets(instance)


def restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_restricted_subtree(instance.page_id)


def connect():
    """Connect the handlers (from ``SearchConfig.ready``, once every app's page types
    exist: like Wagtail's frontend cache, ``post_save`` is connected per page type,
    not for every model)."""
    page_published.connect(page_published_facets, dispatch_uid="search-facets-published")
    page_unpublished.connect(page_unpublished_facets, dispatch_uid="search-facets-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="search-facets-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-facets-restriction-{signal is post_save}",
        )
    for model in get_page_models():
        post_save.connect(
            page_created_live,
            sender=model,
            dispatch_uid=f"search-facets-created-{model._meta.label}",
        )
