"""Refuse requests whose address or query carries a NUL byte.

PostgreSQL cannot store or compare a string with a NUL character: a ``%00`` in a
search filter, a page number or a path segment reached the database and became a 500.
Many public views read ``request.GET`` directly (filters, months, ``?v=``, page
numbers). One middleware answers all of them with a friendly 400 page before any view
runs, so a view written tomorrow is covered too.

Form bodies are left to the forms: Django's form fields refuse NUL with a message next
to the field and the visitor's (or the editor's) text is redrawn, where a 400 page
would lose it. The sweep (tests/security/test_input_sweep.py) posts NUL into every
public form of the demo and the admin's editors are posted NUL by the property-based
test, so a view that reads ``request.POST`` by hand into the database would show up
there. Over-long values are the views' and forms' business (length limits with their own
messages, unusable filters ignored): tests/security/test_input_sweep.py sends 10,000
characters to every parameter of every public page.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

NUL = "\x00"


def has_nul(values):
    return any(NUL in key or any(NUL in value for value in items) for key, items in values)


def bad_request_reason(request):
    """Why the request is refused, or ``None``."""
    if NUL in request.path:
        return "nul"
    if has_nul(request.GET.lists()):
        return "nul"
    return None


class InputGuardMiddleware:
    """Answer 400 with the site's «Неверный запрос» page for a NUL byte in the address."""

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
