"""The home page's news cards (the home app asks for them; the news pages never do)."""

from portal.queries import not_view_restricted

from . import feeds
from .listing import attach_card_categories
from .models import NewsCategory, NewsIndexPage, NewsPage

HOME_CARDS = 4


def latest_news(request, home):
    """The newest news of the home page's language for its cards (four queries)."""
    index = NewsIndexPage.objects.child_of(home).live().filter(not_view_restricted()).first()
    if index is None:
        return {"cards": [], "index": None, "feed_links": []}
    cards = list(NewsPage.objects.visible().with_cards()[:HOME_CARDS])
    ids = {card.card_category_id for card in cards} - {None}
    attach_card_categories(cards, NewsCategory.objects.filter(pk__in=ids) if ids else [])
    return {
        "cards": cards,
        "index": index,
        "feed_links": feeds.autodiscovery_links(index, request),
    }
