"""The site search itself: visible pages, full-text hits, filters, counts, snippets.

Every public surface (results page, autocomplete, suggestions, promotions) starts from
:func:`visible_pages`, so the visibility rule lives in one place: live pages, outside
any view restriction, of the visitor's locale.

Queries per results page are bounded and do not grow with the number of hits: one for
the view restrictions, two for filter counts, one for the total, one for the page of
hits, one for snippets, one for breadcrumbs (+ promotions and statistics).
"""

import re
import secrets
from dataclasses import dataclass, field

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchHeadline, SearchQuery, TrigramWordSimilarity
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, TextField, Value, When
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from modelsearch.backends import get_search_backend
from wagtail import hooks
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from portal.models import Subject, grade_q, grade_range
from portal.queries import not_view_restricted
from portal.routing import content_language

from .facets import DEFAULT_SECTION, sections
from .models import PageSearchFacet

GRADES = range(1, 12)
SNIPPET_SOURCE_CHARS = 20_000
FUZZY_THRESHOLD = 0.35
FUZZY_MAX_QUERY = 60


def visible_pages(locale=None):
    """Live, public pages of ``locale`` (default: the active one), without the root.

    The view restrictions and the active locale are subqueries (no query of their own).
    """
    # The search backend reads plain field lookups only: the restricted pages (few) as
    # an id subquery.
    restricted = Page.objects.exclude(not_view_restricted()).values("pk")
    pages = Page.objects.live().exclude(pk__in=restricted).exclude(depth=1)
    if locale is None:
        language = Locale.objects.filter(language_code=content_language()).values("pk")
        pages = pages.filter(locale__in=language)
    else:
        pages = pages.filter(locale=locale)
    # Apps hide live pages that must not be shown yet (a work whose consent was
    # withdrawn today, before the nightly command unpublishes it): each
    # ``search_hidden_pages`` hook returns a queryset of page pks, used as a subquery.
    for hidden_pages in hooks.get_hooks("search_hidden_pages"):
        pages = pages.exclude(pk__in=hidden_pages())
    return pages


def on_postgresql():
    return connection.vendor == "postgresql"


def search_config():
    return getattr(get_search_backend(), "config", None) or "simple"


@dataclass
class Filters:
    """The visitor's filter choices, already validated (unknown values are dropped)."""

    section: str = ""
    subject: Subject | None = None
    grade: int | None = None

    @property
    def active(self):
        return bool(self.section or self.subject or self.grade)

    def facet_rows(self, skip=()):
        """Facet rows matching every filter except those named in ``skip``."""
        rows = PageSearchFacet.objects.all()
        if self.section and "section" not in skip:
            rows = rows.filter(section=self.section)
        if self.grade and "grade" not in skip:
            rows = rows.filter(grade_q(self.grade))
        if self.subject and "subject" not in skip:
            rows = rows.filter(subjects=self.subject)
        return rows


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""  # link that selects this value (or, when selected, removes the filter)


@dataclass
class Facets:
    sections: list = field(default_factory=list)
    subjects: list = field(default_factory=list)
    grades: list = field(default_factory=list)

    def link(self, params):
        """Give every choice its URL, keeping the other GET parameters (but the page)."""
        for name, choices in (
            ("section", self.sections),
            ("subject", self.subjects),
            ("grade", self.grades),
        ):
            for choice in choices:
                query = params.copy()
                query.pop("page", None)
                if choice.selected:
                    query.pop(name, None)
                else:
                    query[name] = choice.value
                choice.url = f"?{query.urlencode()}"


def parse_filters(params):
    """Read section/subject/grade from GET parameters; bad values are ignored."""
    filters = Filters()
    section = params.get("section", "")
    if section in sections():
        filters.section = section
    slug = params.get("subject", "")
    if slug and len(slug) <= 100:
        filters.subject = Subject.objects.filter(slug=slug).first()
    grade = params.get("grade", "")
    if grade.isascii() and grade.isdigit() and int(grade) in GRADES:
        filters.grade = int(grade)
    return filters


def run_search(base, query, filters):
    """Hits of ``query`` among ``base`` pages, narrowed by ``filters``.

    Returns ``(results, all_hit_ids)``: the (lazy) search results to paginate, and a
    subquery of the ids of every hit before filtering, for the filter counts.
    """
    all_hits = base.search(query)
    narrowed = base
    if filters.active:
        narrowed = base.filter(pk__in=filters.facet_rows().values("page_id"))
    section = sections().get(filters.section)
    if section is not None and section.by_date:
        today = timezone.localdate()
        upcoming = Q(search_facet__date__gte=today)
        narrowed = narrowed.order_by(
            # Upcoming first (soonest first), then past ones (latest first).
            Case(When(upcoming, then=0), default=1, output_field=IntegerField()).asc(),
            Case(When(upcoming, then=F("search_facet__date"))).asc(nulls_last=True),
            F("search_facet__date").desc(nulls_last=True),
        )
        results = narrowed.search(query, order_by_relevance=False)
    else:
        results = narrowed.search(query)
    return results, all_hits.get_queryset().values("pk")


def count_facets(hit_ids, filters):
    """Filter choices with hit counts: two queries, whatever the number of hits.

    Each dimension is counted with the *other* filters applied, so a count says how
    many results choosing that value would give.
    """
    groups = list(
        filters.facet_rows(skip=("section", "grade"))
        .filter(page_id__in=hit_ids)
        .values("section", "grade_from", "grade_to")
        .annotate(hits=Count("page_id"))
    )
    section_counts, grade_counts = {}, dict.fromkeys(GRADES, 0)
    for group in groups:
        grades = grade_range(group["grade_from"], group["grade_to"])
        if not filters.grade or filters.grade in grades:
            section_counts[group["section"]] = (
                section_counts.get(group["section"], 0) + (group["hits"])
            )
        if not filters.section or group["section"] == filters.section:
            for grade in grades:
                grade_counts[grade] += group["hits"]

    through = PageSearchFacet.subjects.through
    rows = filters.facet_rows(skip=("subject",)).filter(page_id__in=hit_ids)
    subject_rows = (
        through.objects.filter(pagesearchfacet__in=rows)
        .values("subject_id", "subject__name", "subject__name_en", "subject__slug")
        .annotate(hits=Count("pagesearchfacet_id"))
        .order_by("subject__sort_order", "subject__name")
    )
    english = (get_language() or "").startswith("en")

    facets = Facets()
    for key, section in sections().items():
        count = section_counts.get(key, 0)
        if count or key == filters.section:
            facets.sections.append(
                FacetChoice(key, str(section.label), count, key == filters.section)
            )
    for row in subject_rows:
        label = (english and row["subject__name_en"]) or row["subject__name"]
        selected = filters.subject is not None and filters.subject.pk == row["subject_id"]
        facets.subjects.append(FacetChoice(row["subject__slug"], label, row["hits"], selected))
    if filters.subject and not any(choice.selected for choice in facets.subjects):
        facets.subjects.append(
            FacetChoice(filters.subject.slug, filters.subject.display_name, 0, True)
        )
    for grade in GRADES:
        if grade_counts[grade] or grade == filters.grade:
            facets.grades.append(
                FacetChoice(str(grade), str(grade), grade_counts[grade], grade == filters.grade)
            )
    return facets


@dataclass
class Hit:
    """One row of the results list, ready for the template."""

    page: Page
    url: str
    title: str  # safe HTML (matched words in <mark>)
    snippet: str  # safe HTML
    section: str
    date: object
    breadcrumbs: list


def describe_hits(pages, query, request):
    """Turn one page of hits into :class:`Hit` rows (snippets + breadcrumbs: 2 queries)."""
    if not pages:
        return []
    ids = [page.pk for page in pages]
    highlights = highlight_pages(ids, query)
    crumbs = breadcrumbs_for(pages)
    labels = {key: str(section.label) for key, section in sections().items()}
    hits = []
    for page in pages:
        facet = getattr(page, "search_facet", None)
        section_key = facet.section if facet else DEFAULT_SECTION
        title, snippet = highlights.get(page.pk, (None, None))
        hits.append(
            Hit(
                page=page,
                url=page.get_url(request),
                title=title or highlight_text(page.title, query),
                snippet=snippet or highlight_text(page.search_description, query),
                section=labels.get(section_key, labels.get(DEFAULT_SECTION, "")),
                date=facet.date if facet else None,
                breadcrumbs=crumbs.get(page.pk, []),
            )
        )
    return hits


def highlight_pages(page_ids, query):
    """{page id: (title html, snippet html)} with the matched words marked.

    PostgreSQL's ``ts_headline`` (with the search configuration, so "олимпиадой" marks
    "олимпиады") works on the plain text stored in the search index. Its markers are
    random per call and the text is escaped before they become ``<mark>``: neither the
    page text nor the query can inject HTML.
    """
    if not on_postgresql():
        return {}
    token = secrets.token_hex(6)
    start, stop = f"qqs{token}", f"qqe{token}"
    tsquery = SearchQuery(query, config=search_config(), search_type="plain")
    options = {"config": search_config(), "start_sel": start, "stop_sel": stop}
    rows = (
        Page.objects.filter(pk__in=page_ids)
        .annotate(
            title_html=SearchHeadline("title", tsquery, highlight_all=True, **options),
            snippet_html=SearchHeadline(
                Substr("index_entries__body_text", 1, SNIPPET_SOURCE_CHARS),
                tsquery,
                max_words=32,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
                **options,
            ),
        )
        .values_list("pk", "title_html", "snippet_html")
    )
    marked = {}
    for pk, title_html, snippet_html in rows:
        marked[pk] = (_marks(title_html, start, stop), _marks(snippet_html, start, stop))
    return marked


def _marks(text, start, stop):
    if not text:
        return ""
    html = escape(text).replace(start, "<mark>").replace(stop, "</mark>")
    return mark_safe(html)  # noqa: S308 — escaped above; only our own markers become tags


WORD_RE = re.compile(r"\w+")


def highlight_text(text, query):
    """Escape ``text`` and mark words sharing a stem-like prefix with a query word.

    The fallback when PostgreSQL's ``ts_headline`` is not there (SQLite): the prefix
    (word minus its last two letters, at least three) catches most Russian endings.
    """
    text = text or ""
    prefixes = [
        word[: max(3, len(word) - 2)].lower()
        for word in WORD_RE.findall(query or "")
        if len(word) >= 3
    ]
    if not prefixes:
        return escape(text)
    out, last = [], 0
    for match in WORD_RE.finditer(text):
        if match.group().lower().startswith(tuple(prefixes)):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 — every piece escaped above


def breadcrumbs_for(pages):
    """{page id: [ancestor titles]} below the home page, in one query for all pages."""
    step = Page.steplen
    wanted = set()
    for page in pages:
        # Depth 1 is the root, depth 2 the home page: start below it.
        for depth in range(3, page.depth):
            wanted.add(page.path[: depth * step])
    if not wanted:
        return {}
    titles = dict(Page.objects.filter(path__in=wanted, live=True).values_list("path", "title"))
    return {
        page.pk: [
            titles[page.path[: depth * step]]
            for depth in range(3, page.depth)
            if page.path[: depth * step] in titles
        ]
        for page in pages
    }


def similar_titles(base, query, limit=5):
    """Pages whose title is close to ``query`` (typos): pg_trgm's word similarity.

    Empty on databases without pg_trgm (SQLite).
    """
    if not on_postgresql() or not query:
        return []
    query = query[:FUZZY_MAX_QUERY]
    similarity = TrigramWordSimilarity(Value(query, output_field=TextField()), "title")
    with connection.cursor() as cursor:
        # The threshold of the `%>` operator below (pg_trgm's default is 0.6).
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
            [str(FUZZY_THRESHOLD)],
        )
    # ``title %> query``: answered from the GIN trigram index on titles
    # (migration 0004) instead of computing the similarity of every title.
    return list(
        base.filter(TrigramWordSimilar(F("title"), Value(query, output_field=TextField())))
        .annotate(similarity=similarity)
        .order_by("-similarity", "title")[:limit]
    )


def count_search(query_string, date=None):
    """``Query.get(query_string).add_hit()`` of Wagtail's search promotions in one
    statement: the query and today's count are upserted together (three queries in
    Wagtail, and no lost hit when two visitors search at once)."""
    quote = connection.ops.quote_name
    queries, hits = quote(Query._meta.db_table), quote(QueryDailyHits._meta.db_table)
    # Table names come from the models, values are parameters.
    sql = f"""
        WITH query AS (
            INSERT INTO {queries} (query_string) VALUES (%s)
            ON CONFLICT (query_string) DO UPDATE SET query_string = EXCLUDED.query_string
            RETURNING id
        )
        INSERT INTO {hits} (query_id, date, hits) SELECT id, %s, 1 FROM query
        ON CONFLICT (query_id, date) DO UPDATE SET hits = {hits}.hits + 1
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [normalise_query_string(query_string), date or timezone.now().date()])
