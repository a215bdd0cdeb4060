# pg_trgm gives the "nothing found" page its spelling-tolerant suggestions. It is a
# trusted extension (PostgreSQL 13+): a database owner can create it without superuser
# rights. The embedded server of `make run` ships it too (tests/portal/test_devdb.py).

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [TrigramExtension()]
