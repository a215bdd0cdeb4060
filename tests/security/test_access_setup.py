"""The object-level rules depend on their middleware and on each model declaring one."""

from django.core.checks import run_checks
from django.test import override_settings
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from portal.access import ReferenceDataPolicy, ScopedPermissionPolicy


def test_without_the_access_middleware_the_checks_fail(settings):
    middleware = [m for m in settings.MIDDLEWARE if "AdminAccessMiddleware" not in m]
    with override_settings(MIDDLEWARE=middleware):
        assert "portal.E001" in [message.id for message in run_checks()]
    assert "portal.E001" not in [message.id for message in run_checks()]


def test_every_snippet_model_declares_who_sees_and_chooses_it():
    """A new snippet gets its rule written down: per owner, staff only or taxonomy."""
    for model in get_snippet_models():
        policy = policy_registry.get_by_type(model, fallback=False)
        assert isinstance(policy, ScopedPermissionPolicy | ReferenceDataPolicy), model
