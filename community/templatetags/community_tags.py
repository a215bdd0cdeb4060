"""``{% community_messages page %}``: published questions with answers and the form."""

from django import template
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.html import escape, linebreaks, urlize
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from community.forms import MessageForm
from community.models import COMMENT, Message, accepted_kind
from community.views import SENT_PARAMETER
from portal.templatetags.privacy_tags import privacy_policy_url

register = template.Library()

PER_PAGE = 10
PAGE_PARAMETER = "qpage"
FIELDS_TEMPLATE = "community/includes/fields.html"
# A new form's visible fields by (form type, language, privacy policy address).
_blank_fields = {}


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


@register.simple_tag(takes_context=True)
def visible_fields(context, form):
    """The form's visible fields. A new form's are the same for every visitor reading
    a language (the fill-time token is a hidden field, rendered with each page), so
    they are rendered once per process for each language and privacy policy address;
    a form sent back with errors is rendered as it is."""
    values = {"form": form, "request": context.get("request")}
    if form.is_bound:
        return render_to_string(FIELDS_TEMPLATE, values)
    key = (type(form), get_language(), privacy_policy_url(context))
    html = _blank_fields.get(key)
    if html is None:
        if len(_blank_fields) > 64:  # addresses that changed over the process's life
            _blank_fields.clear()
        html = _blank_fields[key] = render_to_string(FIELDS_TEMPLATE, values)
    return html
