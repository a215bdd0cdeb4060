"""What the news listing shows: pages of cards, the month archive, rubrics, home cards.

The routes are methods of ``NewsIndexPage``; these functions build their context.
Every listing starts from one ``visible`` queryset, so Wagtail's view-restriction
lookup (``.public()``) runs once per request however many lists are derived from it.
"""

import datetime

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import get_language

from portal.templatetags.portal_tags import locale_root

from .shared import route_url

PER_PAGE = 12
# Archive URLs outside these years are 404s, not empty months of the year 9999.
MIN_YEAR, MAX_YEAR = 2000, 2100


def month_start(year, month):
    """The first day of a month the archive agrees to show (ValueError otherwise)."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        raise ValueError(f"No news archive for {year}-{month}")
    return datetime.date(year, month, 1)


def month_in_sentence(day):
    """ "ноябрь 2026" for "Новости за ноябрь 2026" ("November 2026" in English).

    Django's ``F`` gives the month as a calendar header does, capitalised; inside a
    Russian sentence month names are written in lower case.
    """
    title = date_format(day, "F Y")
    return title.lower() if (get_language() or "ru").startswith("ru") else title


def page_number(raw):
    """The listing page asked for: missing or not a number means the first page.

    A number outside the listing (0, -1, 999) is answered by the paginator with a 404.
    """
    try:
        return int(str(raw))
    except ValueError:
        return 1


def paginate(news, raw_page, count):
    """One page of ``news``; the first page exists even when there is no news yet.

    ``count`` comes from the archive's figures, so the paginator asks no COUNT(*).
    """
    paginator = Paginator(news, PER_PAGE)
    paginator.count = count
    number = page_number(raw_page)
    if number != 1 and not 1 <= number <= paginator.num_pages:
        raise Http404("No such page of news")
    return paginator.page(number)


def archive_months(visible):
    """{first day of month: number of news} of every month with news, newest first."""
    rows = (
        visible.order_by()
        .annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by("-month")
    )
    return {row["month"]: row["count"] for row in rows}


def categories_with_counts(visible):
    """Every rubric with ``count``, the number of its visible news (one query)."""
    category_model = visible.model._meta.get_field("categories").related_model
    visible_ids = visible.order_by().values("pk")
    return list(
        category_model.objects.annotate(
            count=Count("news_pages", filter=Q(news_pages__in=visible_ids), distinct=True)
        )
    )


def attach_card_categories(news_list, categories):
    """Give each card its main rubric (``card_category``) from rubrics at hand."""
    by_id = {category.pk: category for category in categories}
    for news in news_list:
        news.card_category = by_id.get(news.card_category_id)


def listing_context(index, request, *, month=None, category_slug=None):
    """One page of cards — all news, a month's or a rubric's — with the archive and
    rubric navigation. Five queries whatever the number of news."""
    from . import feeds

    visible = index.news()
    months = archive_months(visible)
    categories = categories_with_counts(visible)
    category = None
    if category_slug is not None:
        category = next((item for item in categories if item.slug == category_slug), None)
        if category is None:
            raise Http404("No such news category")
        news, count = visible.in_category(category), category.count
    elif month is not None:
        news, count = visible.in_month(month), months.get(month, 0)
    else:
        news, count = visible, sum(months.values())
    page_obj = paginate(news.with_cards(), request.GET.get("page"), count)
    attach_card_categories(page_obj.object_list, categories)
    return {
        "page_obj": page_obj,
        "news_list": page_obj.object_list,
        "month": month,
        "month_title": month_in_sentence(month) if month else "",
        "category": category,
        "archive": [
            (
                date_format(day, "F Y"),
                number,
                route_url(index, request, "month", day.year, day.month),
                day == month,
            )
            for day, number in months.items()
        ],
        "categories": [
            (item, route_url(index, request, "category", item.slug), item == category)
            for item in categories
            if item.count
        ],
        "index_url": index.get_url(request),
        "feed_links": feeds.autodiscovery_links(index, request, category),
        # The section sits under the home page: its breadcrumbs need no query.
        "news_ancestors": [locale_root(request)],
    }
