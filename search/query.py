"""The site search itself: visible pages, full-text hits, filters, counts, snippets.

The visibility rule is :func:`visible_pages`: live pages, outside any view restriction,
of the visitor's locale. The public surfaces (results page, autocomplete, suggestions,
promotions) read it from the facet table, where the signals keep it (``visible``,
``locale``: :class:`Visibility`), instead of computing that set per query;
tests/search/test_visibility_table.py checks the two agree.

Queries per results page are bounded and do not grow with the number of hits: one
statement for the full-text match with the total, the filter counts and the ids of the
page of hits (:func:`run_search`), one for those pages, one for snippets, one for
breadcrumbs (+ promotions and statistics).
"""

import operator
import re
import secrets
from dataclasses import dataclass, field
from functools import reduce

from django.contrib.postgres.search import SearchHeadline, SearchQuery, TrigramWordSimilarity
from django.db import connection
from django.db.models import TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.utils import get_descendants_content_types_pks
from wagtail import hooks
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from portal.models import Subject, grade_range
from portal.queries import not_view_restricted
from portal.routing import content_language

from .facets import DEFAULT_SECTION, sections
from .models import PageSearchFacet

GRADES = range(1, 12)
SNIPPET_SOURCE_CHARS = 20_000
FUZZY_THRESHOLD = 0.35
FUZZY_MAX_QUERY = 60
FUZZY_CANDIDATES = 50  # titles above the threshold read, then ordered by similarity


def visible_pages(locale=None):
    """Live, public pages of ``locale`` (default: the active one), without the root.

    The visibility rule as a queryset. The public surfaces read it from the facet
    table's ``visible`` and ``locale`` (:class:`Visibility`), which the signals keep;
    tests/search/test_visibility_table.py compares the two after every event that
    changes them.
    """
    pages = Page.objects.live().filter(not_view_restricted()).exclude(depth=1)
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


def search_configs():
    """The text-search configurations of a query in the active language, its own first
    (search/backend.py: English queries also match the Russian text of aliases)."""
    backend = get_search_backend()
    if hasattr(backend, "query_configs"):
        return backend.query_configs()
    return (getattr(backend, "config", None) or "simple",)


@dataclass
class Filters:
    """The visitor's filter choices, already validated (unknown values are dropped)."""

    section: str = ""
    subject: Subject | None = None
    grade: int | None = None

    @property
    def active(self):
        return bool(self.section or self.subject or self.grade)


@dataclass
class FacetChoice:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""  # link that selects this value (or, when selected, removes the filter)
    at_least: bool = False  # the count is a lower bound (more hits than the cap)


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


RANK_WINDOW = 200  # hits ranked by ts_rank; a multiple of any page size used
# Hits read per full-text match (+1, to know there are more): the total and the filter
# counts are exact up to it; a multiple of any page size used (docs/search.md).
HIT_CAP = 1000
MAX_PAGE_NUMBER = 2**31 - 1  # an integer parameter for PostgreSQL


@dataclass
class SearchPass:
    """What one full-text match gives the results page: the number of hits after the
    filters, the page number served, the ids of that page's hits in order, and the
    raw filter counts (``count_facets`` turns them into choices). ``capped``: more
    hits than ``cap`` (the total is then ``cap``, shown as "more than"); ``groups_capped``
    / ``subjects_capped``: the section and grade / the subject counts are lower bounds."""

    cap: int = 0
    capped: bool = False
    groups_capped: bool = False
    subjects_capped: bool = False
    total: int = 0
    number: int = 1
    page_ids: list = field(default_factory=list)
    groups: list = field(default_factory=list)  # (section, grade_from, grade_to, hits)
    subjects: list = field(default_factory=list)  # dicts: id, slug, name, name_en, hits


class HitList:
    """The results as Django's ``Paginator`` sees them: a count and the one page that
    was fetched (any other slice is empty: only the served page is ever asked for)."""

    def __init__(self, found, pages, per_page):
        self.found, self.pages, self.per_page = found, pages, per_page

    def count(self):
        return self.found.total

    def __len__(self):
        return self.found.total

    def __getitem__(self, index):
        first = (self.found.number - 1) * self.per_page
        if isinstance(index, slice) and (index.start or 0) == first:
            return self.pages
        return []


def tsquery_text(query):
    """The query as ``to_tsquery`` text, as modelsearch writes it: every word a quoted
    lexeme, all of them required (so the results match Wagtail's ``.search()``)."""
    terms = [term for term in re.split(r"[\s\-]+", query) if term]
    quoted = ["'" + term.replace("'", "''").replace("\\", "\\\\") + "'" for term in terms]
    return " & ".join(quoted)


def requested_page(raw):
    """The page number asked for, read like ``Paginator.get_page`` (not a number: 1;
    out of range: the last page, decided in SQL once the total is known)."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return max(0, min(number, MAX_PAGE_NUMBER))  # 0 or past the end: the last page


@dataclass(frozen=True)
class Visibility:
    """Which facet rows a search may show, as SQL (no query of its own): ``visible``
    (live, outside every view restriction: maintained by search/signals.py), of one
    locale, not hidden by a ``search_hidden_pages`` hook. Built once per request
    (:func:`visibility`): compiling the hooks' querysets is the costly part."""

    locale: str
    locale_params: tuple
    hidden: str
    hidden_params: tuple

    def rows(self, alias):
        """The condition on the facet rows named ``alias``, and its parameters."""
        sql = (
            f"{alias}.visible AND {alias}.locale_id = {self.locale} "
            f"AND {alias}.page_id <> ALL({self.hidden})"
        )
        return sql, [*self.locale_params, *self.hidden_params]


def visibility(locale=None):
    """The :class:`Visibility` of ``locale`` (default: the active language's).

    Compiling the hooks' querysets costs ≈7 ms (more than the autocomplete query), so
    the compiled SQL is kept per process for the day, the language and the registered
    hooks: a ``search_hidden_pages`` hook's queryset may depend on the date (works:
    consents valid today), not on anything else that changes during a day. The SQL
    runs with every search, so it always reads the current rows.
    """
    hidden_hooks = tuple(hooks.get_hooks("search_hidden_pages"))
    if locale is not None:
        locale_sql, locale_params = "%s::integer", (locale.pk,)
    else:
        locales = connection.ops.quote_name(Locale._meta.db_table)
        locale_sql = f"(SELECT id FROM {locales} WHERE language_code = %s)"  # noqa: S608
        locale_params = (content_language(),)
    key = (timezone.localdate(), hidden_hooks)
    cached = _HIDDEN_SQL.get(key)
    if cached is None:
        parts, params = [], []
        for hidden_pages in hidden_hooks:
            sql, hook_params = hidden_pages().values("pk").query.sql_with_params()
            parts.append(f"({sql})")
            params.extend(hook_params)
        hidden = "ARRAY(" + " UNION ".join(parts) + ")" if parts else "'{}'::integer[]"
        cached = (hidden, tuple(params))
        _HIDDEN_SQL.clear()  # yesterday's, or another set of hooks (tests)
        _HIDDEN_SQL[key] = cached
    hidden, params = cached
    return Visibility(locale_sql, locale_params, hidden, params)


_HIDDEN_SQL = {}


def run_search(query, filters, page=1, per_page=10, seen=None):
    """Hits of ``query`` among the visible pages (``seen``, a :class:`Visibility`;
    default: the active locale's), narrowed by ``filters``: one statement.

    The full-text match is ``search_hits()`` (migration search/0006): the index rows
    matching the query whose facet row is visible and of the locale (the
    ``search_hidden_pages`` hooks' pages left out), with the filters, at most
    ``HIT_CAP + 1`` of them: a word on every page reads ``HIT_CAP + 1`` rows, not the
    whole site. Up to the cap the total and the filter counts are exact; beyond it the
    results page says "more than ``HIT_CAP``", the filter counts are lower bounds ("from
    N"), and the hits listed are the ``HIT_CAP`` read (docs/search.md, "Beyond the
    cap"). Each filter dimension is counted with the other filters: the hits with only
    the subject filter give the section and grade counts, the hits with only the
    section and grade filters the subject counts; without filters one match serves
    all, with filters each is one more call of the function in the same statement.

    The page of hits asked for:

    - by relevance, ts_rank is computed only for the first ``RANK_WINDOW`` hits in a
      cheap order (title matches first, then the newest pages); hits beyond the window
      follow in that cheap order (docs/search.md: the trade-off);
    - a date-ordered section (events) is ordered by date alone, upcoming first.

    Returns a :class:`SearchPass`; the page of hits themselves is one more query
    (``hit_pages``).
    """
    found = SearchPass(cap=HIT_CAP)
    text = tsquery_text(query)
    if not text:
        return found
    quote = connection.ops.quote_name
    entries = quote(IndexEntry._meta.db_table)
    through = PageSearchFacet.subjects.through
    links = quote(through._meta.db_table)
    subjects = quote(Subject._meta.db_table)
    configs = search_configs()
    tsquery = "(" + " || ".join(["to_tsquery(%s::regconfig, %s)"] * len(configs)) + ")"
    tsquery_params = [value for config in configs for value in (config, text)]
    seen = seen or visibility()
    cap = HIT_CAP
    content_types = page_content_types()

    def hits(section, grade, subject):
        """One call of ``search_hits()`` with these filters (None: not filtered)."""
        sql = (
            f"SELECT * FROM search_hits({tsquery}, %s::integer[], {seen.locale}, "  # noqa: S608
            f"{seen.hidden}, %s::text, %s::integer, %s::integer, %s::integer)"
        )
        params = [
            *tsquery_params,
            content_types,
            *seen.locale_params,
            *seen.hidden_params,
            section,
            grade,
            subject,
            cap + 1,
        ]
        return sql, params

    section_key = filters.section or None
    subject_id = filters.subject.pk if filters.subject else None
    ctes = []
    ctes.append(("narrowed", *hits(section_key, filters.grade, subject_id)))
    # Section and grade counts: with the subject filter only; subject counts: with the
    # section and grade filters only.
    groups_from = subjects_from = "narrowed"
    if filters.section or filters.grade:
        groups_from = "for_groups"
        ctes.append((groups_from, *hits(None, None, subject_id)))
    if filters.subject:
        subjects_from = "for_subjects"
        ctes.append((subjects_from, *hits(section_key, filters.grade, None)))
    cte_sql = ",\n".join(f"{name} AS MATERIALIZED ({sql})" for name, sql, _params in ctes)
    cte_params = [value for _name, _sql, params in ctes for value in params]

    section = sections().get(filters.section)
    if section is not None and section.by_date:
        # Upcoming first (soonest first), then past ones (latest first); no ranking.
        cheap_order = (
            "CASE WHEN date >= %s THEN 0 ELSE 1 END, "
            "CASE WHEN date >= %s THEN date END ASC NULLS LAST, "
            "date DESC NULLS LAST, page_id DESC"
        )
        today = timezone.localdate()
        order_params, window = [today, today], 0
    else:
        cheap_order, order_params, window = "in_title DESC, page_id DESC", [], RANK_WINDOW
    window = min(window, cap)
    weights = get_sql_weights()
    rank = (
        f"ts_rank(%s::float4[], e.title, {tsquery}) * e.title_norm "
        f"+ ts_rank(%s::float4[], e.body, {tsquery})"
    )
    rank_params = [weights, *tsquery_params, weights, *tsquery_params]

    # Table names come from the models; every value is a parameter.
    sql = f"""
        WITH {cte_sql},
        served AS (
            SELECT LEAST(count(*), %s) AS total, count(*) > %s AS capped,
                   CASE WHEN %s BETWEEN 1 AND GREATEST(CEIL(LEAST(count(*), %s) / %s::numeric), 1)
                        THEN %s
                        ELSE GREATEST(CEIL(LEAST(count(*), %s) / %s::numeric), 1)::integer
                   END AS number
            FROM narrowed
        ),
        ordered AS (
            SELECT page_id, entry_id, row_number() OVER (ORDER BY {cheap_order}) AS position
            FROM narrowed
        ),
        ranked AS (
            SELECT o.page_id, row_number() OVER (ORDER BY {rank} DESC, o.page_id DESC)
                   AS position
            FROM ordered o JOIN {entries} e ON e.id = o.entry_id
            WHERE o.position <= %s AND (SELECT number FROM served) * %s <= %s
        )
        SELECT 'page', NULL, NULL, NULL, o.page_id, o.position, s.number
        FROM served s JOIN (
            SELECT page_id, position FROM ranked
            UNION ALL SELECT page_id, position FROM ordered WHERE position > %s
        ) o ON o.position > (s.number - 1) * %s AND o.position <= s.number * %s
             AND o.position <= %s
        UNION ALL
        SELECT 'total', NULL, NULL, NULL, s.capped::integer, s.number, s.total FROM served s
        UNION ALL
        SELECT 'read', 'groups', NULL, NULL, NULL, NULL, count(*) FROM {groups_from}
        UNION ALL
        SELECT 'read', 'subjects', NULL, NULL, NULL, NULL, count(*) FROM {subjects_from}
        UNION ALL
        SELECT 'group', section, NULL, NULL, grade_from, grade_to, count(*)
        FROM {groups_from} GROUP BY section, grade_from, grade_to
        UNION ALL
        SELECT 'subject', s.slug, s.name, s.name_en, s.id, s.sort_order, count(*)
        FROM {subjects_from} h
        JOIN {links} l ON l.pagesearchfacet_id = h.page_id
        JOIN {subjects} s ON s.id = l.subject_id
        GROUP BY s.id
    """  # noqa: S608
    params = [
        *cte_params,
        cap,
        cap,
        page,
        cap,
        per_page,
        page,
        cap,
        per_page,
        *order_params,
        *rank_params,
        window,
        per_page,
        window,
        window,
        per_page,
        per_page,
        cap,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    positions = []
    for kind, key, name, name_en, first, second, third in rows:
        if kind == "page":
            positions.append((second, first))
        elif kind == "total":
            found.capped, found.number, found.total = bool(first), second, third
        elif kind == "read":
            # More rows than the cap read: that dimension's counts are lower bounds.
            setattr(found, f"{key}_capped", third > cap)
        elif kind == "group":
            found.groups.append((key, first, second, third))
        else:
            found.subjects.append(
                {
                    "id": first,
                    "slug": key,
                    "name": name,
                    "name_en": name_en,
                    "sort_order": second,
                    "hits": third,
                }
            )
    found.page_ids = [page_id for _position, page_id in sorted(positions)]
    found.subjects.sort(key=lambda row: (row["sort_order"], row["name"]))
    return found


def page_content_types():
    """Ids of every page type's content type: the index rows of pages (a document and
    a page may share an id)."""
    return sorted(get_descendants_content_types_pks(Page))


def hit_pages(found):
    """The pages of the served page of hits, in order, with their facet rows."""
    pages = Page.objects.filter(pk__in=found.page_ids).select_related("search_facet")
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in found.page_ids if pk in by_id]


def count_facets(found, filters):
    """Filter choices with hit counts, from the counts of :func:`run_search` (no query).

    Each dimension is counted with the *other* filters applied, so a count says how
    many results choosing that value would give.
    """
    section_counts, grade_counts = {}, dict.fromkeys(GRADES, 0)
    for section_key, grade_from, grade_to, hits in found.groups:
        grades = grade_range(grade_from, grade_to)
        if not filters.grade or filters.grade in grades:
            section_counts[section_key] = section_counts.get(section_key, 0) + hits
        if not filters.section or section_key == filters.section:
            for grade in grades:
                grade_counts[grade] += hits

    facets = Facets()
    for key, section in sections().items():
        count = section_counts.get(key, 0)
        if count or key == filters.section:
            facets.sections.append(
                FacetChoice(
                    key,
                    str(section.label),
                    count,
                    key == filters.section,
                    at_least=found.groups_capped,
                )
            )
    for row in found.subjects:
        label = Subject(name=row["name"], name_en=row["name_en"]).display_name
        selected = filters.subject is not None and filters.subject.pk == row["id"]
        facets.subjects.append(
            FacetChoice(row["slug"], label, row["hits"], selected, at_least=found.subjects_capped)
        )
    if filters.subject and not any(choice.selected for choice in facets.subjects):
        facets.subjects.append(
            FacetChoice(filters.subject.slug, filters.subject.display_name, 0, True)
        )
    for grade in GRADES:
        if grade_counts[grade] or grade == filters.grade:
            facets.grades.append(
                FacetChoice(
                    str(grade),
                    str(grade),
                    grade_counts[grade],
                    grade == filters.grade,
                    at_least=found.groups_capped,
                )
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
    configs = search_configs()
    tsquery = reduce(
        operator.or_,
        (SearchQuery(query, config=config, search_type="plain") for config in configs),
    )
    # The text is parsed with the language's own configuration.
    options = {"config": configs[0], "start_sel": start, "stop_sel": stop}
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


def similar_titles(query, limit=5, seen=None):
    """Visible pages (``seen``, a :class:`Visibility`; default: the active locale's)
    whose title is close to ``query`` (typos): pg_trgm's word similarity over the
    facet rows' titles.

    Empty on databases without pg_trgm (SQLite).
    """
    if not on_postgresql() or not query:
        return []
    seen = seen or visibility()
    query = query[:FUZZY_MAX_QUERY]
    similarity = TrigramWordSimilarity(Value(query, output_field=TextField()), "title")
    with connection.cursor() as cursor:
        # The threshold of the `%>` operator below (pg_trgm's default is 0.6).
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
            [str(FUZZY_THRESHOLD)],
        )
    quote = connection.ops.quote_name
    condition, params = seen.rows("f")
    # ``title %> query``: answered from the GIN trigram index on the visible rows'
    # titles (migration 0006); the first ``FUZZY_CANDIDATES`` rows above the threshold
    # are ordered by similarity. A near-miss of a word in thousands of titles
    # ("олимпеада") then rechecks a few hundred titles, not every one of them.
    candidates = RawSQL(  # noqa: S611 — table names from the models, values are parameters
        f"SELECT f.page_id FROM {quote(PageSearchFacet._meta.db_table)} f "  # noqa: S608
        f"WHERE {condition} AND f.title %%> %s LIMIT %s",
        [*params, query, FUZZY_CANDIDATES],
    )
    return list(
        Page.objects.filter(pk__in=candidates)
        .annotate(similarity=similarity)
        .order_by("-similarity", "title")[:limit]
    )


# Below this many letters a word inside a title is not looked for: the trigram index
# needs three to find anything, and one or two letters fit most titles anyway.
INNER_WORD_MIN = 3


def autocomplete_pages(query, limit, seen=None):
    """Visible pages (``seen``; default: the active locale's) whose title starts with
    ``query`` (case-insensitive), then pages with a word inside the title starting
    with it («пифаг» → «Теорема Пифагора»), at most ``limit``: one query.

    Titles that start with it come from the B-tree on the visible facet rows'
    ``(locale, lower(title))`` in the "C" collation (migration search/0006): the scan
    starts at the prefix, reads titles in order and stops after ``limit``, the same
    cost for "о" as for a whole title. The words inside come from the trigram index on
    the same rows (a regular expression anchored after a non-letter), at most
    ``limit`` of them, read only when the first part did not fill the list.
    """
    quote = connection.ops.quote_name
    facets = quote(PageSearchFacet._meta.db_table)
    seen = seen or visibility()
    condition, condition_params = seen.rows("f")
    lowered = query.lower()
    escaped = lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    title = 'lower(f.title) COLLATE "C"'
    # Table names come from the models; values are parameters.
    starts = (
        f"SELECT f.page_id, 0 AS part, {title} AS title FROM {facets} f "  # noqa: S608
        f"WHERE {condition} AND {title} LIKE %s ORDER BY {title}, f.page_id LIMIT %s"
    )
    params = [*condition_params, escaped + "%", limit]
    sql = starts
    if len(lowered.strip()) >= INNER_WORD_MIN:
        inner = (
            f"SELECT f.page_id, 1, {title} FROM {facets} f "  # noqa: S608
            f"WHERE {condition} AND f.title ~* %s AND {title} NOT LIKE %s LIMIT %s"
        )
        # Read lazily: the second part runs only if the first found fewer than limit.
        sql = f"SELECT * FROM (({starts}) UNION ALL ({inner})) AS found LIMIT %s"  # noqa: S608
        params += [
            *condition_params,
            "[^[:alnum:]]" + postgres_regex_literal(lowered),
            escaped + "%",
            limit,
            limit,
        ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        order = {page_id: (part, title, page_id) for page_id, part, title in cursor.fetchall()}
    pages = Page.objects.filter(pk__in=order).select_related("search_facet")
    return sorted(pages, key=lambda page: order[page.pk])


def postgres_regex_literal(text):
    """``text`` matched literally in a PostgreSQL regular expression: every character
    that is not a letter, a digit or a space behind a backslash (which PostgreSQL reads
    as that character itself)."""
    return "".join(char if char.isalnum() or char == " " else "\\" + char for char in text)


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
