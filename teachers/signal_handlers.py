"""Side effects of the teachers app: a new page gets its role rights at once."""

from django.db.models.signals import post_save
from wagtail.models import Page

from . import permissions


def grant_rights_to_new_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page):
        permissions.grant_new_page(instance)


def connect():
    # No sender: pages are saved as their specific class (EventIndexPage, HomePage …).
    post_save.connect(grant_rights_to_new_page, dispatch_uid="teachers-grant-new-page")
