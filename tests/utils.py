"""Helpers shared by tests of every app."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, **get_params):
    """SQL queries of one GET of ``url`` once caches are warm, as on a running site.

    The first request of a process fills Wagtail's cache of site root paths; a
    second identical request measures what every visitor costs.
    """
    client.get(url, get_params)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, get_params)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def assert_admin_refused(response):
    """Wagtail's answer to a signed-in editor without the permission: back to the
    dashboard (where the "no permission" message shows), never the page itself."""
    from django.urls import reverse

    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home"), response["Location"]


def assert_sent_to_login(response):
    """Wagtail's answer to a signed-in user without admin access: the admin login."""
    from django.urls import reverse

    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith(reverse("wagtailadmin_login")), response["Location"]
