# The facet table carries what the search needs to decide visibility: each page's
# locale, title and `visible` (live and outside every view restriction), maintained by
# search/signals.py. The results page, autocomplete and typo suggestions then read this
# one narrow integer-keyed table instead of computing the visible pages (live, public,
# locale: ≈20 ms at 20,000 pages, ≈200 ms at 200,000) for every query.
#
# On PostgreSQL also:
# - `search_hits(...)`: the visible index rows matching a query, with the filters, at
#   most `cap` of them (search/query.py: run_search, docs/search.md). PL/pgSQL with
#   EXECUTE, so its query is planned with the actual values (a selective filter is
#   read from the facet side, a broad word from the GIN index) and `enable_seqscan =
#   off` (PostgreSQL prices `title || body` like an addition and would otherwise read
#   and detoast the whole index table for a broad word: migration 0005). The LIMIT
#   stops the scan after `cap` rows: a word on every page costs no more than a word on
#   a thousand.
# - a B-tree on (locale, lower(title) in the "C" collation) of the visible rows:
#   autocomplete reads the first titles by prefix, in order, and stops;
# - a GIN trigram index on the visible rows' titles: typo suggestions.
#
# Existing rows get their locale, title and visibility from the pages here; pages
# without a row get one in the general section ("pages"), which `manage.py
# rebuild_search_index --facets-only` (as after any bulk load) refines.

import django.db.models.deletion
from django.db import migrations, models

FUNCTION = "search_hits"
AUTOCOMPLETE_INDEX = "search_facet_title_prefix"
TRIGRAM_INDEX = "search_facet_title_trgm"
SECTION_INDEX = "search_facet_visible_section"
GRADE_INDEX = "search_facet_visible_grade"

SIGNATURE = "tsquery, integer[], integer, integer[], text, integer, integer, integer"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    facet = apps.get_model("search", "PageSearchFacet")
    facets = quote(facet._meta.db_table)
    links = quote(facet.subjects.through._meta.db_table)
    pages = quote(apps.get_model("wagtailcore", "Page")._meta.db_table)
    restrictions = quote(apps.get_model("wagtailcore", "PageViewRestriction")._meta.db_table)
    entries = quote(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    # Pages indexed without a facet row (a bulk load that skipped the signals) were
    # found before this migration: they keep being found, in the general section,
    # until `rebuild_search_index --facets-only` gives them their own.
    schema_editor.execute(
        f"INSERT INTO {facets} (page_id, section, title, visible) "  # noqa: S608
        f"SELECT p.id, 'pages', p.title, false FROM {pages} p WHERE p.depth > 1 "
        f"AND NOT EXISTS (SELECT 1 FROM {facets} f WHERE f.page_id = p.id)"
    )
    # The new rows' foreign keys checked now: with their checks pending, PostgreSQL
    # refuses the CREATE INDEX below in the same transaction.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    schema_editor.execute(
        f"UPDATE {facets} f SET title = p.title, locale_id = p.locale_id, "  # noqa: S608
        f"visible = p.live AND NOT EXISTS (SELECT 1 FROM {pages} r "
        f"JOIN {restrictions} v ON v.page_id = r.id WHERE starts_with(p.path, r.path)) "
        f"FROM {pages} p WHERE p.id = f.page_id"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {AUTOCOMPLETE_INDEX} ON {facets} "
        '(locale_id, (lower(title) COLLATE "C")) WHERE visible'
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON {facets} "
        "USING gin (title gin_trgm_ops) WHERE visible"
    )
    # A selective filter (a section, a grade) is read from these and hashed: a broad
    # word then costs no more than the few rows the filter allows.
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {SECTION_INDEX} ON {facets} "
        "(locale_id, section, grade_from) WHERE visible"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {GRADE_INDEX} ON {facets} (locale_id, grade_from) "
        "WHERE visible"
    )
    # Statistics for the new columns: without them the planner takes every row for
    # "visible, this locale" to be one in a few hundred.
    schema_editor.execute(f"ANALYZE {facets}")
    # $1 query, $2 page content types, $3 locale, $4 hidden page ids (search_hidden_pages
    # hooks), $5 section, $6 grade, $7 subject (NULL: no such filter), $8 cap.
    select = (
        "SELECT f.page_id, e.id, e.title @@ $1, f.section::text, f.grade_from::integer, "
        "f.grade_to::integer, f.date "
        f"FROM {entries} e JOIN {facets} f ON f.page_id = e.object_id::integer "
    )
    filters = (
        # `+ 0`: never the content-type B-tree (every page row, each one detoasted).
        "AND e.content_type_id + 0 = ANY($2) "
        "AND f.visible AND f.locale_id = $3 AND f.page_id <> ALL($4) "
        "AND ($5 IS NULL OR f.section = $5) "
        "AND ($6 IS NULL OR (f.grade_from <= $6 AND (f.grade_to >= $6 "
        "OR (f.grade_to IS NULL AND f.grade_from = $6)))) "
        f"AND ($7 IS NULL OR EXISTS (SELECT 1 FROM {links} l "
        "WHERE l.pagesearchfacet_id = f.page_id AND l.subject_id = $7)) "
    )
    # Title matches first (the GIN index on the titles), then the other matches: above
    # the cap the rows read are the best candidates, not whichever the index returns
    # first. Read lazily: the second part runs only while fewer than `cap` were found.
    body = (
        f"SELECT * FROM (({select} WHERE e.title @@ $1 {filters} LIMIT $8) UNION ALL "
        f"({select} WHERE (e.title || e.body) @@ $1 AND NOT (e.title @@ $1) {filters} "
        "LIMIT $8)) AS hits LIMIT $8"
    )
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(query tsquery, content_types integer[], "
        "in_locale integer, hidden integer[], want_section text, want_grade integer, "
        "want_subject integer, cap integer) "
        "RETURNS TABLE (page_id integer, entry_id integer, in_title boolean, "
        "section text, grade_from integer, grade_to integer, date date) "
        "LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 1000 SET enable_seqscan = off "
        "AS $fn$ BEGIN RETURN QUERY EXECUTE "
        f"{quote_literal(body)} "
        "USING query, content_types, in_locale, hidden, want_section, want_grade, want_subject, "
        "cap; "
        "END $fn$"
    )


def quote_literal(text):
    return "'" + text.replace("'", "''") + "'"


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}({SIGNATURE})")
    for index in (AUTOCOMPLETE_INDEX, TRIGRAM_INDEX, SECTION_INDEX, GRADE_INDEX):
        schema_editor.execute(f"DROP INDEX IF EXISTS {index}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_search_matches"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="pagesearchfacet",
            name="locale",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="язык",
            ),
        ),
        migrations.AddField(
            model_name="pagesearchfacet",
            name="title",
            field=models.CharField(blank=True, default="", max_length=255, verbose_name="заголовок"),
        ),
        migrations.AddField(
            model_name="pagesearchfacet",
            name="visible",
            field=models.BooleanField(
                default=False,
                help_text="Опубликована и не закрыта ограничением просмотра (сама или раздел выше).",
                verbose_name="видна в поиске",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
