"""The public endpoint that receives questions and comments."""

from django.http import Http404, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import is_ratelimited
from wagtail.models import Page

from portal.serving import serve_again, visible_page_or_404

from .forms import MessageForm
from .models import accepted_kind
from .tasks import queue_notification

RATE = "5/10m"
SENT_PARAMETER = "sent"


def page_or_404(request, page_id):
    """A live page of the active language that accepts messages; private pages
    (any view restriction) take none."""
    page = visible_page_or_404(request, page_id, Page.objects.public())
    if accepted_kind(page) is None:
        raise Http404
    return page


# The form carries no CSRF token so that the pages showing it are kept by the page cache
# and the reverse proxy (portal/pagecache, docs/caching.md) like any other; spam is kept
# out by the honeypot, the signed minimum fill time and the per-IP rate limit.
@csrf_exempt
def ask(request, page_id):
    page = page_or_404(request, page_id)
    page_url = page.get_url(request) or "/"
    if request.method != "POST":
        return HttpResponseRedirect(page_url)

    form = MessageForm(request.POST)
    status = 400
    limited = is_ratelimited(
        request, group="community.ask", key="ip", rate=RATE, method="POST", increment=True
    )
    if limited:
        status = 429
        form.is_valid()  # shows field errors too, the text stays in the form
        form.add_error(
            None, _("Слишком много сообщений с вашего адреса. Попробуйте через 10 минут.")
        )
    elif form.is_valid():
        message = form.save(commit=False)
        message.page = page
        message.kind = accepted_kind(page)
        message.save()
        queue_notification(message)
        return HttpResponseRedirect(f"{page_url}?{SENT_PARAMETER}=1#community")

    request.community_form = form
    return serve_again(page, request, status=status)
