"""What a news page tells search engines and social networks: schema.org
``NewsArticle`` JSON-LD and Open Graph tags (rendered escaped by the templates)."""

from django.utils import timezone
from django.utils.translation import get_language

from portal.models import SchoolSettings

from .shared import SHARE_RENDITION

OG_LOCALES = {"ru": "ru_RU", "en": "en_GB"}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else ""


def school_logo_url(request, school):
    if not school.logo_id:
        return ""
    return absolute(request, school.logo.get_rendition("height-120").url)


def page_meta(page, request, image, categories):
    """``json_ld`` (a dict for the escaping ``json_ld`` tag) and ``open_graph``
    ((property, content) pairs) of a news page."""
    school = SchoolSettings.for_request(request)
    url = request.build_absolute_uri(page.get_url(request))
    description = page.search_description or page.lead
    share = image.get_rendition(SHARE_RENDITION) if image else None
    published = timezone.localtime(page.published_at).isoformat()
    modified = (
        timezone.localtime(page.last_published_at).isoformat()
        if page.last_published_at
        else published
    )
    organisation = {
        "@type": "EducationalOrganization",
        "name": school.display_name,
        "url": request.build_absolute_uri("/"),
    }
    logo = school_logo_url(request, school)
    if logo:
        organisation["logo"] = {"@type": "ImageObject", "url": logo}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": description,
        "datePublished": published,
        "dateModified": modified,
        "inLanguage": (get_language() or "ru").split("-")[0],
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "author": organisation,
        "publisher": organisation,
    }
    if share:
        data["image"] = [absolute(request, share.url)]
    if categories:
        data["articleSection"] = [category.display_name for category in categories]

    language = (get_language() or "ru").split("-")[0]
    open_graph = [
        ("og:type", "article"),
        ("og:title", page.seo_title or page.title),
        ("og:description", description),
        ("og:url", url),
        ("og:site_name", school.display_short_name or school.display_name),
        ("og:locale", OG_LOCALES.get(language, "ru_RU")),
        ("article:published_time", published),
        ("article:modified_time", modified),
    ]
    if share:
        open_graph += [
            ("og:image", absolute(request, share.url)),
            ("og:image:width", str(share.width)),
            ("og:image:height", str(share.height)),
            ("og:image:alt", page.lead_image_alt),
        ]
    open_graph += [("article:section", category.display_name) for category in categories[:1]]
    open_graph += [("article:tag", category.display_name) for category in categories]
    return {"json_ld": data, "open_graph": open_graph}
