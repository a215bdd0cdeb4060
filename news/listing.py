"""What the news listing shows: pages of cards, the month archive, rubrics, home cards.

The routes are methods of ``NewsIndexPage``; these functions build their context.
Every listing starts from one ``visible`` queryset, so Wagtail's view-restriction
lookup (``.public()``) runs once per request however many lists are derived from it.
"""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils.formats import date_format

PER_PAGE = 12
HOME_CARDS = 4
# Archive URLs outside these years are 404s, not empty months of the year 9999.
MIN_YEAR, MAX_YEAR = 2000, 2100


def month_start(year, month):
    """The first day of a month the archive agrees to show (ValueError otherwise)."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        raise ValueError(f"No news archive for {year}-{month}")
    return datetime.date(year, month, 1)


def page_number(raw):
    """The listing page asked for: missing or not a number means the first page.

    A number outside the listing (0, -1, 999) is answered by the paginator with a 404.
    """
    try:
        return int(str(raw))
    except ValueError:
        return 1


def paginate(news, raw_page):
    """One page of ``news``; the first page exists even when there is no news yet."""
    paginator = Paginator(news, PER_PAGE)
    number = page_number(raw_page)
    if number != 1 and not 1 <= number <= paginator.num_pages:
        raise Http404("No such page of news")
    return paginator.page(number)


def archive_months(visible):
    """(first day of month, title, count) of every month with news, newest first."""
    rows = (
        visible.order_by()
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )
    return [(row["month"], date_format(row["month"], "F Y"), row["count"]) for row in rows]


def used_categories(visible):
    """Rubrics that have at least one visible news item, in the editors' order."""
    from .models import NewsCategory

    return list(NewsCategory.objects.filter(pk__in=visible.order_by().values("categories")))


def route_url(index, request, name, *args):
    """The public URL of a route of the news index (listing, month, rubric, feed)."""
    from .models import NewsIndexPage

    return index.get_url(request) + NewsIndexPage.get_resolver().reverse(name, *args)


def listing_context(index, request, news, *, month=None, category=None):
    """One page of cards of ``news`` plus the archive and rubric navigation."""
    from . import feeds

    visible = index.news()
    page_obj = paginate(news.with_cards(), request.GET.get("page"))
    months = archive_months(visible)
    return {
        "page_obj": page_obj,
        "news_list": page_obj.object_list,
        "month": month,
        "month_title": date_format(month, "F Y") if month else "",
        "category": category,
        "archive": [
            (title, count, route_url(index, request, "month", day.year, day.month), day == month)
            for day, title, count in months
        ],
        "categories": [
            (item, route_url(index, request, "category", item.slug), item == category)
            for item in used_categories(visible)
        ],
        "index_url": index.get_url(request),
        "feed_links": feeds.autodiscovery_links(index, request, category),
    }


def latest_news(request, home):
    """The newest news of the home page's language for its cards (five queries)."""
    from . import feeds
    from .models import NewsIndexPage, NewsPage

    index = NewsIndexPage.objects.child_of(home).live().public().first()
    if index is None:
        return {"cards": [], "index": None, "feed_links": []}
    return {
        "cards": list(NewsPage.objects.visible(home.locale).with_cards()[:HOME_CARDS]),
        "index": index,
        "feed_links": feeds.autodiscovery_links(index, request),
    }
