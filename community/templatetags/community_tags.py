"""``{% community_messages page %}``: published questions with answers and the form."""

from django import template
from django.core.paginator import Paginator
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe

from community.forms import MessageForm
from community.models import COMMENT, Message, accepted_kind
from community.views import SENT_PARAMETER

register = template.Library()

PER_PAGE = 10
PAGE_PARAMETER = "qpage"


@register.inclusion_tag("community/includes/section.html", takes_context=True)
def community_messages(context, page):
    request = context.get("request")
    kind = accepted_kind(page)
    if kind is None or request is None:
        return {"kind": None}
    published = Message.objects.published().filter(page=page).select_related("answered_by")
    paginator = Paginator(published.order_by("-created_at", "-pk"), PER_PAGE)
    page_obj = paginator.get_page(request.GET.get(PAGE_PARAMETER))
    return {
        "request": request,
        "page": page,
        "kind": kind,
        "is_comment": kind == COMMENT,
        "page_obj": page_obj,
        "form": getattr(request, "community_form", None) or MessageForm(),
        "sent": request.GET.get(SENT_PARAMETER) == "1",
    }


@register.filter
def plain_text(value, allow_links=False):
    """Visitor text as escaped paragraphs; addresses become links only when allowed."""
    if not allow_links:
        return mark_safe(linebreaks(escape(value)))  # noqa: S308 — escaped above
    # urlize escapes the text itself; only its own rel attributes can match here.
    linked = urlize(value, nofollow=True, autoescape=True).replace(
        'rel="nofollow"', 'rel="nofollow ugc noopener"'
    )
    return mark_safe(linebreaks(linked))  # noqa: S308 — urlize escaped the text
