"""A consent withdrawn (or deleted) takes the pages that rely on it off the site at once."""

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from .models import Consent
from .unpublishing import hold_back, unpublish_dependents


@receiver(post_save, sender=Consent)
def unpublish_on_withdrawal(sender, instance, raw=False, **kwargs):
    if raw or instance.is_valid():
        return
    unpublish_dependents(instance)
    hold_back()


@receiver(pre_delete, sender=Consent)
def unpublish_on_delete(sender, instance, **kwargs):
    unpublish_dependents(instance)


@receiver(post_delete, sender=Consent)
def hold_back_on_delete(sender, instance, **kwargs):
    hold_back()
