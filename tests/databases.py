"""The suite's databases, built once and cloned: the migrated one and the demo school.

Migrating an empty database takes about 25 s of CPU and loading the demo school about
30 s more; every pytest-xdist worker needs both, and so does every run. The first
process that needs one builds it into a *template* database named by a key of what
shapes it, under a PostgreSQL advisory lock; the other workers, and later runs with the
same key, clone it (``CREATE DATABASE … TEMPLATE``, a fraction of a second).

- The migrated template's key hashes every file of the project outside ``tests/``,
  ``docs/`` and ``bench/`` (tracked or new; the working tree, not the last commit), the
  locked requirements among them, and the Python version: a changed model, migration,
  library or loader builds a new one.
- The demo's key adds the school hour it was loaded in (the demo's dates follow the
  day it is loaded on): a rerun within the hour reuses it. A run with ``--clock``
  shares its demo between its workers only (the moved clock restarts at the same
  moment every run, so an older copy would carry timestamps from its future).
- The demo's uploaded files (pictures, documents) are kept next to its template and
  copied into each worker's ``MEDIA_ROOT``; what ``load_demo_content`` printed is kept
  as the template's comment.
- A template is built under a temporary name and renamed when complete, so a build
  that fails or is interrupted never leaves a template behind. Building a new one
  drops this suite's templates of other keys.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# Directories whose files do not shape the databases.
NOT_SHAPING = (b"tests/", b"docs/", b"bench/", b".ci/")
MEDIA_KEEP = Path(tempfile.gettempdir()) / "portal-test-templates"


def source_key():
    """A hash of the project's files that shape the migrated database and the demo
    (random when git cannot list them: nothing is reused then)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],  # noqa: S607
            cwd=BASE_DIR,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return uuid.uuid4().hex[:12]
    digest = hashlib.sha256(sys.version.encode())
    for name in sorted(set(listed.split(b"\0"))):
        path = BASE_DIR / os.fsdecode(name)
        if not name or name.startswith(NOT_SHAPING) or not path.is_file():
            continue
        digest.update(name + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def demo_key(clocked):
    from django.utils import timezone

    if clocked:
        # Shared by the workers of this run only.
        return "run" + os.environ.get("PYTEST_XDIST_TESTRUNUID", uuid.uuid4().hex)[:9]
    return timezone.localtime().strftime("%Y%m%d%H")


class Templates:
    """The template databases of one suite (named after its test database)."""

    def __init__(self, test_name):
        self.prefix = test_name.removesuffix("_" + os.environ.get("PYTEST_XDIST_WORKER", ""))
        self.source = source_key()

    # -- the server, outside Django's connection -------------------------------------

    @contextmanager
    def server(self):
        """A connection to the maintenance database holding this suite's lock."""
        import psycopg2
        from django.db import connection

        db = connection.settings_dict
        conn = psycopg2.connect(
            dbname="postgres",
            user=db["USER"],
            password=db["PASSWORD"],
            host=db["HOST"],
            port=db["PORT"] or 5432,
        )
        conn.autocommit = True
        lock = int(hashlib.sha256(self.prefix.encode()).hexdigest()[:15], 16)
        try:
            with conn.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_lock(%s)", [lock])
                yield cursor
        finally:
            conn.close()  # releases the lock

    @staticmethod
    def exists(cursor, name):
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cursor.fetchone() is not None

    @staticmethod
    def drop(cursor, name):
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def clone(self, cursor, template, name):
        self.drop(cursor, name)
        cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')

    def drop_others(self, cursor, kind, keep):
        """Drop this suite's templates of ``kind`` (``base``/``demo``) but ``keep``."""
        cursor.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
            [f"{self.prefix}_tpl_{kind}_%", keep],
        )
        for (name,) in cursor.fetchall():
            self.drop(cursor, name)
            shutil.rmtree(MEDIA_KEEP / name, ignore_errors=True)

    # -- building ----------------------------------------------------------------------

    @contextmanager
    def _building(self, cursor, name, source=None):
        """Django connected to a new database that becomes ``name`` when complete."""
        building = name + "_building"
        if source:
            self.clone(cursor, source, building)
        else:
            self.drop(cursor, building)
            cursor.execute(f'CREATE DATABASE "{building}"')
        with connected_to(building):
            yield
        cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')

    def base(self, cursor):
        """The migrated, empty template (built if missing)."""
        from django.core.management import call_command

        name = f"{self.prefix}_tpl_base_{self.source}"
        if not self.exists(cursor, name):
            self.drop_others(cursor, "base", name)
            self.drop_others(cursor, "demo", "")
            with self._building(cursor, name):
                call_command("migrate", interactive=False, verbosity=0)
        return name

    def demo(self, cursor, clocked):
        """The demo school's template and what its loader printed (built if missing)."""
        from django.conf import settings
        from django.core.management import call_command

        name = f"{self.prefix}_tpl_demo_{self.source}_{demo_key(clocked)}"
        media = MEDIA_KEEP / name
        if not (self.exists(cursor, name) and media.is_dir()):
            self.drop_others(cursor, "demo", "")
            base = self.base(cursor)
            shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
            Path(settings.MEDIA_ROOT).mkdir(parents=True)
            output = StringIO()
            with self._building(cursor, name, source=base):
                call_command("load_demo_content", stdout=output)
            cursor.execute(f'COMMENT ON DATABASE "{name}" IS %s', [output.getvalue()])
            shutil.rmtree(media, ignore_errors=True)
            shutil.copytree(settings.MEDIA_ROOT, media)
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        )
        return name, cursor.fetchone()[0] or ""


@contextmanager
def connected_to(name):
    """Django's default connection pointed at the database ``name`` for the block."""
    from django.db import connection

    previous = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = previous


def copy_media(template):
    """The demo template's uploaded files into this process's MEDIA_ROOT."""
    from django.conf import settings

    shutil.copytree(MEDIA_KEEP / template, settings.MEDIA_ROOT, dirs_exist_ok=True)
