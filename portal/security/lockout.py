"""Brute force: the login lockout's page, and a limit on the password forms.

Logins (``/admin/login/``, ``/_util/login/`` for pages restricted to logged-in users)
go through Django's ``authenticate``, so django-axes counts their failures by account
and by client address (settings ``AXES_*``) and :func:`lockout_response` answers a
locked one. The password forms of restricted pages and collections are not logins:
:func:`limit_password_attempts` wraps Wagtail's views and counts their failed
attempts in the shared cache, by address and page, by address, and by page.
"""

import functools

from axes.backends import AxesBackend
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from .client_ip import client_ip

# (bucket, rate): failed passwords allowed per window. A class types its page's
# password from one school address, so the per-address limits are not tiny; a
# distributed guess at one page stops at the per-page limit.
PASSWORD_ATTEMPT_RATES = [
    ("address-and-page", "10/10m"),
    ("address", "30/h"),
    ("page", "100/h"),
]


class LoginLockoutBackend(AxesBackend):
    """django-axes' backend, for logins that come with a request.

    First in ``AUTHENTICATION_BACKENDS``, before Django's ``ModelBackend`` (which checks
    the password); it inherits ``ModelBackend``'s ``get_user`` and permissions, as
    Wagtail's test helpers expect of the first backend.

    Every login form (Wagtail's admin, ``/_util/login/``) passes the request, and axes
    counts it. Code that checks a password without one (a management command, the test
    client's ``login()``) has no address to count and no form to lock: axes would raise
    an error there, so the check is left to Django's own backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' ``AXES_LOCKOUT_CALLABLE``: a page in Russian saying what to do."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        "title": _("Вход временно заблокирован"),
        "message": _(
            "Слишком много неудачных попыток входа с этой учётной записью или с вашего "
            "адреса. Попробуйте снова через %(minutes)s мин. или попросите администратора "
            "школы снять блокировку."
        )
        % {"minutes": minutes},
    }
    return render(request, "portal/security/locked_out.html", context, status=429)


def too_many_password_attempts(request):
    context = {
        "title": _("Слишком много попыток"),
        "message": _(
            "Пароль к этой странице вводили неверно слишком много раз. Попробуйте позже "
            "или спросите пароль у учителя."
        ),
    }
    return render(request, "portal/security/locked_out.html", context, status=429)


def _usages(request, target, increment):
    address = client_ip(request)
    keys = {"address-and-page": f"{address}|{target}", "address": address, "page": target}
    for bucket, rate in PASSWORD_ATTEMPT_RATES:
        yield get_usage(
            request,
            group=f"password-form.{bucket}",
            key=lambda _group, _request, value=keys[bucket]: value,
            rate=rate,
            method="POST",
            increment=increment,
        )


def limit_password_attempts(target_of):
    """Decorate a Wagtail password view; ``target_of(kwargs)`` names what is protected.

    A correct password redirects; anything else (the form again) counts as a failure.
    Once a limit is reached, even the right password waits.
    """

    def decorate(view):
        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            if request.method != "POST":
                return view(request, *args, **kwargs)
            target = target_of(kwargs)
            for usage in _usages(request, target, increment=False):
                if usage is not None and (
                    usage["should_limit"] or usage["count"] >= usage["limit"]
                ):
                    return too_many_password_attempts(request)
            response = view(request, *args, **kwargs)
            if response.status_code not in (301, 302):
                for _usage in _usages(request, target, increment=True):
                    pass
            return response

        return guarded

    return decorate
