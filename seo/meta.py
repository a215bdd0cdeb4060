"""Description and Open Graph tags of any page, from the fields pages already have:
``search_description`` first, then the page's short text (introduction, summary,
lead, intro), then the school's name; its own lead or cover image if it has one."""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language

from .base_url import rebase, site_base_url

OG_LOCALES = {"ru": "ru_RU", "en": "en_GB"}
# Plain or rich text fields that say what a page is about, in order of preference.
SUMMARY_FIELDS = ("search_description", "introduction", "summary", "lead", "intro")
# Images that stand for the page. Not works' images: those follow the pupils' consents.
IMAGE_FIELDS = ("lead_image", "cover_image")
SHARE_RENDITION = "fill-1200x630|format-jpeg"
DESCRIPTION_WORDS = 40


def page_description(page, school):
    for field in SUMMARY_FIELDS:
        text = strip_tags(str(getattr(page, field, "") or "")).strip()
        if text:
            return Truncator(" ".join(text.split())).words(DESCRIPTION_WORDS)
    return school.display_name if school else ""


def page_image(page):
    for field in IMAGE_FIELDS:
        if getattr(page, f"{field}_id", None):
            return getattr(page, field)
    return None


def open_graph(request, page, title, school):
    """(property, content) pairs for ``<meta property>`` tags."""
    base = site_base_url(request)
    site_name = (school.display_short_name or school.display_name) if school else ""
    tags = [
        ("og:type", "website"),
        ("og:title", title),
        ("og:description", page_description(page, school)),
        ("og:url", rebase(request.get_full_path(), base)),
        ("og:site_name", site_name),
        ("og:locale", OG_LOCALES.get((get_language() or "ru").split("-")[0], "ru_RU")),
    ]
    image = page_image(page) if page is not None else None
    if image is not None:
        share = image.get_rendition(SHARE_RENDITION)
        tags += [
            ("og:image", rebase(share.url, base) if share.url.startswith("/") else share.url),
            ("og:image:width", str(share.width)),
            ("og:image:height", str(share.height)),
        ]
    return [(name, content) for name, content in tags if content]
