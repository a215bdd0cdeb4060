"""The visitor's address, the one thing rate limits and login lockouts count by.

Behind a reverse proxy every request comes from the proxy's address, and the visitor's
is in a header the proxy adds. That header can be sent by anyone, so it is believed
only as far as the deployment says: ``TRUSTED_PROXY_COUNT`` proxies (default 0:
``REMOTE_ADDR`` only, nothing from headers). Each proxy appends the address it saw to
``X-Forwarded-For``, so with N trusted proxies the visitor is the N-th entry from the
right; whatever a client wrote to the left of it is ignored. A proxy that sets a
single-address header instead (nginx's ``X-Real-IP``) is named with
``TRUSTED_PROXY_HEADER`` and a count of 1.

django-ratelimit (``RATELIMIT_IP_META_KEY``) and django-axes
(``AXES_CLIENT_IP_CALLABLE``) both call :func:`client_ip`.
"""

import ipaddress

from django.conf import settings


def header_meta_key(header):
    """ "X-Forwarded-For" → "HTTP_X_FORWARDED_FOR"."""
    return "HTTP_" + header.strip().upper().replace("-", "_")


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "X-Forwarded-For")
    raw = request.META.get(header_meta_key(header), "")
    entries = [entry.strip() for entry in raw.split(",") if entry.strip()]
    if len(entries) < count:
        # The request did not pass through every proxy we were told about.
        return remote
    candidate = entries[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
