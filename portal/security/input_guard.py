"""Refuse requests whose address, query or form values carry a NUL byte.

PostgreSQL cannot store or compare a string with a NUL character: a ``%00`` in a
search filter, a page number or a path segment reached the database and became a 500.
Django's form fields already refuse NUL, but many public views read ``request.GET``
directly (filters, months, ``?v=``, page numbers). One middleware answers all of them
with a friendly 400 page before any view runs, so a view written tomorrow is covered
too. Over-long values are the views' and forms' business (length limits with their own
messages, unusable filters ignored): tests/security/test_input_sweep.py sends 10,000
characters to every parameter of every public page.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

NUL = "\x00"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def has_nul(values):
    return any(NUL in key or any(NUL in value for value in items) for key, items in values)


def bad_request_reason(request):
    """Why the request is refused, or ``None``."""
    if NUL in request.path:
        return "nul"
    if has_nul(request.GET.lists()):
        return "nul"
    is_form = request.method == "POST" and request.content_type in FORM_CONTENT_TYPES
    if is_form and has_nul(request.POST.lists()):
        return "nul"
    return None


class InputGuardMiddleware:
    """Answer 400 with the site's «Неверный запрос» page for a NUL byte anywhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reason = bad_request_reason(request)
        if reason is not None:
            return bad_request(request, reason)
        return self.get_response(request)


def bad_request(request, reason):
    message = _("В адресе или в форме есть недопустимый символ (нулевой байт).")
    return render(request, "400.html", {"reason": message}, status=400)
