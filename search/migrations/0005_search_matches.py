# The results page (search/query.py: run_search) reads the index rows matching a query
# through `search_matches(tsquery)`: the rows' ids, content types, object ids and whether
# the title matches, found with migration 0003's GIN index on `title || body`.
#
# Why a function: PostgreSQL costs `title || body` like an addition, not like the
# detoasting and concatenation of two tsvectors it is. For a broad word ("олимпиада",
# 92 % of the pages) it therefore preferred reading the whole table (110–200 ms at 20,000
# pages, each row's body detoasted) to the bitmap scan of the GIN index (7–20 ms, no row
# rechecked). The function plans its one query with `enable_seqscan = off`, so the
# index is used for every query, broad or narrow; nothing else is affected.
#
# Created only on PostgreSQL; nothing to do on SQLite.

from django.db import migrations

FUNCTION = "search_matches"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(query tsquery) "
        "RETURNS TABLE (entry_id integer, content_type_id integer, object_id varchar, "
        "in_title boolean) "
        "LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000 SET enable_seqscan = off "
        f"AS $$ SELECT e.id, e.content_type_id, e.object_id, e.title @@ query FROM {table} e "
        "WHERE (e.title || e.body) @@ query $$"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(tsquery)")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_page_title_trigram_gin"),
        ("search", "0003_indexentry_title_body_gin"),
    ]

    operations = [migrations.RunPython(create, drop)]
