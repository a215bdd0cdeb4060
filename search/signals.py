"""Keep the facet table current: page saves (create, publish, unpublish) and moves.

Wagtail's own signal handlers keep the full-text index current on every page save;
these handlers do the same for the facet rows. Deleting a page deletes its row
(``on_delete=CASCADE``).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import post_page_move

from .indexing import update_page_facets, update_subtree_facets


@receiver(post_save)
def page_saved(sender, instance, raw=False, **kwargs):
    # Connected without a sender: every page type is a subclass of Page, and a
    # sender-per-model list would miss page types added by other apps.
    if raw or not isinstance(instance, Page) or instance.is_root():
        return
    update_page_facets(instance)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    update_subtree_facets(instance)
