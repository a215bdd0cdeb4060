"""``{% page_meta %}``: the description and Open Graph tags of the page being shown,
for the base template's ``meta`` block (news pages fill that block themselves)."""

from django import template

from ..meta import open_graph, page_description

register = template.Library()


@register.inclusion_tag("seo/meta.html", takes_context=True)
def page_meta(context, title=""):
    request = context.get("request")
    page = context.get("page")
    school = context.get("school")
    if request is None:
        return {}
    title = title or (page and (page.seo_title or page.title)) or ""
    return {
        "description": page_description(page, school),
        "open_graph": open_graph(request, page, title, school),
    }
