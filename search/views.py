"""Site search: live, public pages of the visitor's language."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Full-text search over the pages of the current locale.

    Over-long queries are cut rather than refused, and any page number that is not a
    valid page falls back to the first or last page: a search never errors.
    """
    query = " ".join(request.GET.get("query", "").split())[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        results = (
            Page.objects.live().public().filter(locale=Locale.get_active()).specific().search(query)
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    search_page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {"search_query": query, "search_results": search_page, "paginator": paginator},
    )
