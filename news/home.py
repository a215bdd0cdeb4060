"""The home page's news cards (the home app asks for them; the news pages never do)."""

from django.db.models import OuterRef, Subquery

from portal.queries import not_view_restricted

from . import feeds
from .listing import attach_card_categories
from .models import NewsCategory, NewsIndexPage, NewsPage

HOME_CARDS = 4


NOT_GIVEN = object()


def latest_news(request, home, index=NOT_GIVEN, renditions=True):
    """The newest news of the home page's language for its cards (two queries, and one
    for the news section unless the caller gives ``index``, ``None`` for none; one
    query less with ``renditions=False``, the caller then reads the card renditions)."""
    if index is NOT_GIVEN:
        index = NewsIndexPage.objects.child_of(home).live().filter(not_view_restricted()).first()
    if index is None:
        return {"cards": [], "index": None, "feed_links": []}
    # The main rubric's fields come with the cards: no query for the rubrics.
    main = NewsCategory.objects.filter(news_pages=OuterRef("pk")).order_by("sort_order", "name")
    fields = ("name", "name_en", "slug")
    cards = list(
        NewsPage.objects.visible()
        .with_cards(renditions=renditions)
        .annotate(**{f"card_category_{name}": Subquery(main.values(name)[:1]) for name in fields})[
            :HOME_CARDS
        ]
    )
    attach_card_categories(
        cards,
        [
            NewsCategory(
                pk=card.card_category_id, **{n: getattr(card, f"card_category_{n}") for n in fields}
            )
            for card in cards
            if card.card_category_id is not None
        ],
    )
    return {
        "cards": cards,
        "index": index,
        "feed_links": feeds.autodiscovery_links(index, request),
    }
