# pg_trgm gives the "nothing found" page its spelling-tolerant suggestions.
# TrigramExtension does nothing on other databases (SQLite for `make run`), where the
# suggestions are simply not offered. pg_trgm is a trusted extension (PostgreSQL 13+):
# a database owner can create it without superuser rights.

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [TrigramExtension()]
