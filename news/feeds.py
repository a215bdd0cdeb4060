"""RSS 2.0 and Atom feeds of the news section (all news, or one rubric).

The views are routes of ``NewsIndexPage``; the page gives the visible news (live,
public, the visitor's language) and these classes only format them.
"""

from django.contrib.syndication.views import Feed
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portal.feeds import ReadableAtom1Feed, ReadableFeedMixin

from .shared import CARD_RENDITION, route_url

FEED_ITEMS = 20


def autodiscovery_links(index, request, category=None):
    """``<link rel="alternate">`` targets for a page's head: (type, title, url).

    A rubric's listing offers its own feed first, then the whole section's.
    """
    if index is None:
        return []
    links = []
    if category is not None:
        name = category.display_name
        links += [
            (
                "application/rss+xml",
                _("%(section)s: %(category)s (RSS)") % {"section": index.title, "category": name},
                route_url(index, request, "category_rss", category.slug),
            ),
            (
                "application/atom+xml",
                _("%(section)s: %(category)s (Atom)") % {"section": index.title, "category": name},
                route_url(index, request, "category_atom", category.slug),
            ),
        ]
    links += [
        (
            "application/rss+xml",
            _("%(section)s (RSS)") % {"section": index.title},
            route_url(index, request, "rss"),
        ),
        (
            "application/atom+xml",
            _("%(section)s (Atom)") % {"section": index.title},
            route_url(index, request, "atom"),
        ),
    ]
    return [(kind, title, request.build_absolute_uri(url)) for kind, title, url in links]


class NewsRssFeed(ReadableFeedMixin, Feed):
    """The latest news as RSS 2.0: title, lead (with the lead image), date, rubrics."""

    def __init__(self, index, category=None):
        super().__init__()
        self.index = index
        self.category = category

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.category

    def title(self, obj):
        if obj is None:
            return self.index.title
        return f"{self.index.title}: {obj.display_name}"

    def link(self, obj):
        if obj is None:
            return self.index.get_url(self.request)
        return route_url(self.index, self.request, "category", obj.slug)

    def description(self, obj):
        return self.index.introduction or self.title(obj)

    def items(self, obj):
        news = self.index.news().with_cards().prefetch_related("categories")
        if obj is not None:
            news = news.in_category(obj)
        return news[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        if item.lead_image is None:
            return format_html("<p>{}</p>", item.lead)
        rendition = item.lead_image.get_rendition(CARD_RENDITION)
        return format_html(
            '<p><img src="{}" alt="{}" width="{}" height="{}"></p><p>{}</p>',
            self.request.build_absolute_uri(rendition.url),
            item.lead_image_alt,
            rendition.width,
            rendition.height,
            item.lead,
        )

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # Stable across title and slug changes, and the same in both languages' feeds
        # only when the page is the same translation.
        return f"{self.request.get_host()}:news:{item.translation_key}:{item.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [category.display_name for category in item.categories.all()]


class NewsAtomFeed(NewsRssFeed):
    """The same entries as Atom 1.0."""

    feed_type = ReadableAtom1Feed

    def subtitle(self, obj):
        return self.description(obj)
