"""Refuse requests whose address, query or form values carry a NUL byte or a huge value.

PostgreSQL cannot store or compare a string with a NUL character: a ``%00`` in a
search filter, a page number or a path segment reached the database and became a 500.
Django's form fields already refuse NUL, but many public views read ``request.GET``
directly (filters, months, ``?v=``, page numbers). One middleware answers all of them
with a friendly 400 page before any view runs, so a view written tomorrow is covered
too. Over-long query values (a 10,000-character "page number") get the same answer;
form fields keep their own length limits and messages.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

NUL = "\x00"
# Longer than any search query, filter or "next" address the portal makes (the search
# box allows 200 characters); a request line over 4 KB is refused by gunicorn anyway.
MAX_QUERY_VALUE_LENGTH = 2000
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def has_nul(values):
    return any(NUL in key or any(NUL in value for value in items) for key, items in values)


def bad_request_reason(request):
    """Why the request is refused, or ``None``."""
    if NUL in request.path:
        return "nul"
    query = list(request.GET.lists())
    if has_nul(query):
        return "nul"
    if any(len(value) > MAX_QUERY_VALUE_LENGTH for _key, items in query for value in items):
        return "long"
    if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
        if has_nul(request.POST.lists()):
            return "nul"
    return None


class InputGuardMiddleware:
    """Answer 400 with the site's «Неверный запрос» page for NUL bytes or huge values."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reason = bad_request_reason(request)
        if reason is not None:
            return bad_request(request, reason)
        return self.get_response(request)


def bad_request(request, reason):
    if reason == "nul":
        message = _("В адресе или в форме есть недопустимый символ (нулевой байт).")
    else:
        message = _("Один из параметров в адресе слишком длинный.")
    return render(request, "400.html", {"reason": message}, status=400)
