# Migration 0005's `search_matches(tsquery)` read the matching index rows for the results
# page until migration 0006's `search_hits()` replaced it (a capped match on the facet
# table); nothing calls it any more. Reversing this migration creates it again.

from importlib import import_module

from django.db import migrations

earlier = import_module("search.migrations.0005_search_matches")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_page_depth_path"),
    ]

    operations = [migrations.RunPython(earlier.drop, earlier.create)]
