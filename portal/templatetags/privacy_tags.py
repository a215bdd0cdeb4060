"""The privacy policy (152-ФЗ) page and the consent labels that link to it.

The page is chosen in Settings → «Сведения о школе» (``privacy_policy_page``); every
public form renders its consent checkbox's label with ``{% consent_label field %}``,
so a visitor can read the policy before agreeing to it.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.models import SchoolSettings

register = template.Library()


def privacy_policy_page(request):
    """The live policy page in the visitor's language (its Russian original if not
    translated), or None; looked up once per request."""
    if request is None:
        return None
    if not hasattr(request, "_portal_privacy_policy_page"):
        page = None
        try:
            chosen = SchoolSettings.for_request(request).privacy_policy_page
        except SchoolSettings.DoesNotExist:
            chosen = None
        if chosen is not None and chosen.live:
            page = chosen
            language = (get_language() or "").split("-")[0]
            if language and chosen.locale.language_code != language:
                translated = chosen.get_translations().filter(
                    locale__language_code=language, live=True
                )
                page = translated.first() or chosen
        request._portal_privacy_policy_page = page
    return request._portal_privacy_policy_page


@register.simple_tag(takes_context=True)
def privacy_policy_url(context):
    """The policy page's URL ("" when none is chosen)."""
    request = context.get("request")
    page = privacy_policy_page(request)
    return page.get_url(request) if page else ""


@register.simple_tag(takes_context=True)
def consent_label(context, field):
    """``<label>`` of a consent checkbox with a link to the privacy policy."""
    url = privacy_policy_url(context)
    if not url:
        return field.label_tag()
    return format_html(
        '<label for="{}">{} — <a href="{}" class="consent-policy-link">{}</a></label>',
        field.id_for_label,
        field.label,
        url,
        _("политика обработки персональных данных"),
    )
