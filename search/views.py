"""Site search pages: results with filters, and the autocomplete JSON for the header box."""

import datetime

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.search.utils import normalise_query_string

from portal import routing

from .facets import DEFAULT_SECTION, sections
from .models import PageSearchFacet
from .query import (
    HitList,
    autocomplete_pages,
    count_facets,
    count_search,
    describe_hits,
    hit_pages,
    parse_filters,
    requested_page,
    run_search,
    similar_titles,
    visibility,
)

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
AUTOCOMPLETE_LIMIT = 8
AUTOCOMPLETE_MAX_LENGTH = 100
POPULAR_QUERIES = 6
POPULAR_DAYS = 60


def clean_query(raw, limit=MAX_QUERY_LENGTH):
    """Collapse whitespace, drop control characters and cut to ``limit`` characters."""
    text = "".join(char if char.isprintable() else " " for char in raw[: limit * 4])
    return " ".join(text.split())[:limit].strip()


def has_words(query):
    """True when the query holds at least one letter or digit (else nothing to search)."""
    return any(char.isalnum() for char in query)


@require_GET
def search(request):
    """Full-text search over live public pages of the current locale, with filters.

    Bad input never errors: over-long queries are cut, queries without a letter or
    digit search nothing, unknown filter values are ignored, and a page number that is
    not a valid page falls back to the first or last page.
    """
    query = clean_query(request.GET.get("query", ""))
    filters = parse_filters(request.GET)
    context = {"search_query": query, "filters": filters, "sections": sections()}
    # The site with its home page in this language, in one query (result URLs and the
    # menu then need none).
    routing.find_site(request, routing.content_language())
    if not has_words(query):
        context["popular_queries"] = popular_queries()
        return render(request, "search/search.html", context)

    seen = visibility()
    # One full-text match: the total, the filter counts and the ids of the page of
    # hits asked for; then that page's rows (search/query.py).
    found = run_search(
        query, filters, requested_page(request.GET.get("page")), RESULTS_PER_PAGE, seen
    )
    paginator = Paginator(HitList(found, hit_pages(found), RESULTS_PER_PAGE), RESULTS_PER_PAGE)
    page_obj = paginator.get_page(found.number)
    first_page = page_obj.number == 1
    hits = describe_hits(list(page_obj.object_list), query, request)
    facets = count_facets(found, filters)
    facets.link(request.GET)

    promotions = []
    if first_page and not filters.active:
        promotions = promoted(seen, query, request)
    if paginator.count and first_page and not filters.active and "page" not in request.GET:
        # Statistics count searches that found something: a typo or spam query that
        # finds nothing never becomes a "popular query" shown to visitors.
        count_search(query)

    context.update(
        page_obj=page_obj,
        paginator=paginator,
        found=found,
        hits=hits,
        facets=facets,
        promotions=promotions,
        default_section=DEFAULT_SECTION,
    )
    if not paginator.count:
        # Typo suggestions only when the query itself found nothing: with filters the
        # page offers to search without them instead.
        if not filters.active:
            context["similar_pages"] = [
                (page, page.get_url(request)) for page in similar_titles(query, seen=seen)
            ]
        context["popular_queries"] = popular_queries(exclude=query)
    return render(request, "search/search.html", context)


def promoted(seen, query, request):
    """Editors' promoted results for this query whose pages are visible here."""
    quote = connection.ops.quote_name
    condition, params = seen.rows("f")
    # The promotion's page has a visible facet row (one key lookup per promotion).
    visible = RawSQL(  # noqa: S611 — table names from the models, values are parameters
        f"EXISTS (SELECT 1 FROM {quote(PageSearchFacet._meta.db_table)} f "  # noqa: S608
        f"WHERE f.page_id = {quote(SearchPromotion._meta.db_table)}.page_id AND {condition})",
        params,
        output_field=BooleanField(),
    )
    picks = (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(visible))
        .select_related("page")
        .order_by("sort_order")
    )
    return [
        {
            "title": pick.title,
            "url": pick.page.get_url(request) if pick.page else pick.external_link_url,
            "description": pick.description,
        }
        for pick in picks
    ]


def popular_queries(exclude="", limit=POPULAR_QUERIES):
    """The most frequent queries of the last weeks (only ones that found something)."""
    since = timezone.localdate() - datetime.timedelta(days=POPULAR_DAYS)
    queries = Query.get_most_popular(date_since=since)
    if exclude:
        queries = queries.exclude(query_string=normalise_query_string(exclude))
    return [query.query_string for query in queries[:limit]]


@require_GET
def autocomplete(request):
    """Titles starting with what is typed, then titles with a word starting with it
    (JSON), for the header search box.

    Same visibility as the results page; at most eight suggestions, from the facet
    table's title indexes (search/query.py: ``autocomplete_pages``).
    """
    query = clean_query(request.GET.get("q", ""), AUTOCOMPLETE_MAX_LENGTH)
    suggestions = []
    if has_words(query):
        labels = {key: str(section.label) for key, section in sections().items()}
        for page in autocomplete_pages(query, AUTOCOMPLETE_LIMIT):
            facet = getattr(page, "search_facet", None)
            suggestions.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "section": labels.get(facet.section if facet else DEFAULT_SECTION, ""),
                }
            )
    return JsonResponse({"query": query, "results": suggestions})
