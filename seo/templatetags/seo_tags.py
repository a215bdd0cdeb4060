"""``{% page_meta %}``: the description and Open Graph tags of the page being shown,
for the base template's ``meta`` block (news pages fill that block themselves)."""

from django import template

from portal.models import SchoolSettings

from ..meta import open_graph, page_description

register = template.Library()


@register.inclusion_tag("seo/meta.html", takes_context=True)
def page_meta(context, title=""):
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    # The base template's ``school``; looked up once per request otherwise.
    school = context.get("school") or SchoolSettings.for_request(request)
    # Views that are not pages (search) are shared under the school's name.
    title = (
        title
        or (page and (page.seo_title or page.title))
        or school.display_short_name
        or school.display_name
    )
    return {
        "description": page_description(page, school),
        "open_graph": open_graph(request, page, title, school),
    }
