"""School news: rubrics (a snippet), the news index and news pages."""

from .categories import NewsCategory
from .pages import (
    CARD_RENDITION,
    PAGE_RENDITION,
    SHARE_RENDITION,
    NewsIndexPage,
    NewsPage,
    NewsPageQuerySet,
    NewsRelatedEvent,
    NewsRelatedTeacher,
)

__all__ = [
    "CARD_RENDITION",
    "PAGE_RENDITION",
    "SHARE_RENDITION",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageQuerySet",
    "NewsRelatedEvent",
    "NewsRelatedTeacher",
]
