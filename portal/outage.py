"""A designed 503 page while the database is unreachable, instead of a 500 trace.

A restart or fail-over of PostgreSQL takes seconds; every request in that window fails
with ``OperationalError`` or ``InterfaceError`` wherever it first touches the database
(the session, the user, the page). Django turns any uncaught exception into the
``handler500`` view, so that view tells the two apart: a lost database gets a 503 with
``Retry-After`` (load balancers and browsers retry, search engines keep the page), any
other error the usual 500 page. Nothing is rendered from the database, and the next
request opens a fresh connection (``CONN_HEALTH_CHECKS``), so the site recovers by
itself once the server is back.
"""

import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 10


def database_unavailable(error):
    """Whether the error, or any error it was raised from, is a lost connection: Django's
    wrapped errors and the driver's own, which escape unwrapped from some code paths."""
    driver = connection.Database
    lost = (OperationalError, InterfaceError, driver.OperationalError, driver.InterfaceError)
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, lost):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def outage_response(request):
    html = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS, "request": request})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request, template_name="500.html"):
    """``handler500``: the outage page when the database is the cause."""
    if database_unavailable(sys.exc_info()[1]):
        return outage_response(request)
    return django_server_error(request, template_name=template_name)
