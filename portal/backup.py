"""Backups of a school: a consistent PostgreSQL dump, the media files, a manifest.

A backup is a directory::

    portal-backup-20261202T031500Z/
        database.dump     pg_dump's custom format (restored by pg_restore)
        media/…           every file of the media storage (disk or bucket), same names
        manifest.json     row counts of every table, size and sha256 of every file

The counts come from the same snapshot as the dump (``pg_export_snapshot`` shared with
``pg_dump --snapshot``), so the manifest describes exactly what was dumped, even while
editors keep working. ``restore`` checks every checksum before it touches anything,
restores only into an empty database and an empty storage, and compares the counts
afterwards (``manage.py backup`` / ``manage.py restore``, docs/deploy.md).
"""

import datetime
import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection, transaction
from psycopg2 import sql

MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"
FORMAT_VERSION = 1


class BackupError(Exception):
    """A backup that cannot be made or restored, with the reason for the operator."""


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def postgres_tool(name):
    path = shutil.which(name, path=os.environ.get("PG_BIN", "") + os.pathsep + os.environ["PATH"])
    if path is None:
        raise BackupError(f"{name} not found: install postgresql-client or set PG_BIN.")
    return path


def connection_arguments():
    """pg_dump/pg_restore options and environment for the default database."""
    db = connection.settings_dict
    args = ["-d", db["NAME"]]
    if db.get("HOST"):
        args += ["-h", db["HOST"]]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def table_counts(cursor):
    """Row counts of every table in the public schema, by name."""
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    counts = {}
    for (table,) in cursor.fetchall():
        cursor.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table)))
        counts[table] = cursor.fetchone()[0]
    return counts


def storage_files(storage, directory=""):
    """Every file name in ``storage`` under ``directory``, recursively, sorted."""
    directories, files = storage.listdir(directory)
    names = [f"{directory}/{name}" if directory else name for name in files]
    for sub in directories:
        names += storage_files(storage, f"{directory}/{sub}" if directory else sub)
    return sorted(names)


def backup(destination):
    """Write a backup directory under ``destination``; returns its path."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = Path(destination) / f"portal-backup-{stamp}"
    (target / MEDIA).mkdir(parents=True)
    args, env = connection_arguments()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts(cursor)
        dumped = subprocess.run(  # noqa: S603 - the PostgreSQL tool, fixed options
            [
                postgres_tool("pg_dump"),
                "-Fc",
                "--no-owner",
                "--snapshot",
                snapshot,
                "-f",
                str(target / DUMP),
                *args,
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if dumped.returncode != 0:
        raise BackupError(f"pg_dump failed: {dumped.stderr.strip()}")
    media = []
    for name in storage_files(default_storage):
        path = target / MEDIA / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, open(path, "wb") as copy:
            shutil.copyfileobj(source, copy)
        media.append({"name": name, "size": path.stat().st_size, "sha256": sha256_of(path)})
    manifest = {
        "format": FORMAT_VERSION,
        "created_at": stamp,
        "database": {"file": DUMP, "sha256": sha256_of(target / DUMP), "tables": counts},
        "media": media,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return target


def read_verified_manifest(source):
    """The manifest of backup ``source`` after checking every file's checksum."""
    source = Path(source)
    try:
        manifest = json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{source} holds no readable {MANIFEST}: {error}") from error
    if sha256_of(source / DUMP) != manifest["database"]["sha256"]:
        raise BackupError(f"{DUMP} does not match its checksum: the backup is damaged.")
    for item in manifest["media"]:
        path = source / MEDIA / item["name"]
        if not path.is_file() or sha256_of(path) != item["sha256"]:
            raise BackupError(f"media file {item['name']} is missing or damaged.")
    return manifest


def restore(source):
    """Restore backup ``source`` into the (empty) database and storage; returns the
    manifest. Raises BackupError before changing anything when a check fails."""
    source = Path(source)
    manifest = read_verified_manifest(source)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        if cursor.fetchone()[0]:
            raise BackupError("The database is not empty: restore only into a new database.")
    if storage_files(default_storage):
        raise BackupError("The media storage is not empty: restore only into an empty one.")
    args, env = connection_arguments()
    restored = subprocess.run(  # noqa: S603 - the PostgreSQL tool, fixed options
        [postgres_tool("pg_restore"), "--no-owner", "--exit-on-error", *args, str(source / DUMP)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if restored.returncode != 0:
        raise BackupError(f"pg_restore failed: {restored.stderr.strip()}")
    for item in manifest["media"]:
        with open(source / MEDIA / item["name"], "rb") as stream:
            saved = default_storage.save(item["name"], File(stream))
        if saved != item["name"]:
            raise BackupError(f"the storage renamed {item['name']} to {saved}.")
    with connection.cursor() as cursor:
        counts = table_counts(cursor)
    if counts != manifest["database"]["tables"]:
        raise BackupError("The restored row counts differ from the manifest.")
    return manifest
