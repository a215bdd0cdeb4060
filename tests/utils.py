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
