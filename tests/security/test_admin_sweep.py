"""Every registered admin URL, as teacher A, against teacher B's objects.

The URLs come from Django's resolver (``sweep.py``), so a viewset, bulk action, chooser,
report or API endpoint added later is swept without touching this test. Each request
runs in a savepoint that is rolled back, so a hole in one view (a deletion that went
through) cannot hide a hole in the next one behind a 404.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from .conftest import MARKER
from .helpers import readable
from .sweep import MODEL_LEVEL_PERMISSIONS, Sweep, admin_patterns

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    """Raised to undo whatever one request changed."""


def send(client, request):
    """(status, location, body, error) of one request, its changes rolled back."""
    outcome = {}
    try:
        with transaction.atomic():
            try:
                method = client.get if request.method == "GET" else client.post
                response = method(request.url, request.data)
            except Exception as error:  # a view that crashes is a finding too
                outcome["error"] = f"{type(error).__name__}: {error}"
                raise Rollback from error
            outcome["status"] = response.status_code
            outcome["location"] = response.get("Location", "")
            body = b"".join(response) if response.streaming else response.content
            outcome["body"] = readable(body.decode("utf-8", "replace"))
            raise Rollback
    except Rollback:
        pass
    return outcome


def problem(request, outcome, campus):
    """What is wrong with the answer to ``request``, or None."""
    if "error" in outcome:
        return f"crashed: {outcome['error']}"
    status, body = outcome["status"], outcome["body"]
    if status >= 500:
        return f"{status}"
    if MARKER in body or MARKER in outcome["location"]:
        return f"{status} and shows B's private text"
    if request.kind == "object" and status != 404:
        return f"{status} {outcome['location']} (expected 404)"
    if request.kind == "model_level" and (
        status != 302 or outcome["location"] != reverse("wagtailadmin_home")
    ):
        return f"{status} {outcome['location']} (expected the permission-denied redirect)"
    return None


# Every request in exactly one shard, so that the suite's workers share the sweep.
SHARDS = 2


@pytest.mark.parametrize("shard", range(SHARDS))
def test_teacher_a_reaches_nothing_of_teacher_b_through_any_admin_url(client, campus, shard):
    teacher_a = campus["a"].user
    for permission in MODEL_LEVEL_PERMISSIONS:
        assert not teacher_a.has_perm(permission), permission
    client.force_login(teacher_a)
    requests = list(Sweep(campus).requests())
    # The sweep really covers the admin: every pattern yields requests or is skipped.
    assert len({request.name for request in requests}) > 200
    assert len(requests) > 500
    problems = []
    for request in requests[shard::SHARDS]:
        found = problem(request, send(client, request), campus)
        if found:
            problems.append(f"{request}: {found}")
    assert not problems, f"{len(problems)} holes:\n" + "\n".join(problems)


def test_the_sweep_sees_viewsets_bulk_actions_api_and_reports(campus):
    names = {name for _route, name, _namespace, _args in admin_patterns()}
    for expected in (
        "wagtail_bulk_action",
        "wagtailadmin_api:images:listing",
        "wagtailadmin_api:documents:detail",
        "wagtail_localize:snippets_api_listing",
        "wagtailadmin_editing_sessions:ping",
        "wagtailsnippets_works_consent:history",
        "community_message:usage",
        "wagtailadmin_reports:page_types_usage",
        "wagtailadmin_choose_page_child",
    ):
        assert expected in names
    swept = {request.name for request in Sweep(campus).requests()}
    assert "wagtail_bulk_action" in swept
    assert "wagtailsnippets_works_consent:usage" in swept
