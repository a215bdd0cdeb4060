"""Backup → restore into an empty database and an empty bucket: the restored school
has the same row counts and the same files (checksums), checked by a second backup."""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories.portal import jpeg_bytes

from .conftest import s3_client

ROOT = Path(__file__).resolve().parents[2]


def server_connection():
    db = connection.settings_dict
    raw = psycopg2.connect(
        dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"] or 5432
    )
    raw.autocommit = True
    return raw


@pytest.fixture
def empty_database():
    name = connection.settings_dict["NAME"] + "_restored"
    raw = server_connection()
    with raw.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with raw.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    raw.close()


@pytest.fixture
def empty_bucket(s3_server):
    client = s3_client(s3_server)
    client.create_bucket(Bucket="restored-media")
    yield "restored-media"
    for item in client.list_objects_v2(Bucket="restored-media").get("Contents", []):
        client.delete_object(Bucket="restored-media", Key=item["Key"])
    client.delete_bucket(Bucket="restored-media")


def manage(*args, database, bucket, endpoint):
    db = connection.settings_dict
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{database}",
            "S3_BUCKET": bucket,
            "S3_ENDPOINT_URL": endpoint,
            "S3_ACCESS_KEY_ID": "test",
            "S3_SECRET_ACCESS_KEY": "test",
        },
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.stack
@pytest.mark.django_db(transaction=True)
def test_backup_restore_round_trip_keeps_counts_and_checksums(
    bucket, s3_server, empty_database, empty_bucket, tmp_path
):
    image = get_image_model().objects.create(
        title="Выпускной 11 «А»", file=ContentFile(jpeg_bytes(900, 600), name="vypusknoy.jpg")
    )
    image.get_rendition("fill-400x300")
    get_document_model().objects.create(
        title="Устав школы", file=ContentFile(b"%PDF-1.4 ustav\n", name="ustav.pdf")
    )
    call_command("backup", str(tmp_path / "first"))
    (first,) = (tmp_path / "first").iterdir()
    original = json.loads((first / "manifest.json").read_text())
    assert original["database"]["tables"]["wagtailimages_image"] == 1
    # The worker's task cut the listing sizes after the upload (fill-400x300 among them).
    renditions = len(settings.PORTAL_PREGENERATED_RENDITIONS)
    assert original["database"]["tables"]["wagtailimages_rendition"] == renditions
    assert len(original["media"]) == 1 + renditions + 1  # original, renditions, document

    restored = manage(
        "restore", str(first), database=empty_database, bucket=empty_bucket, endpoint=s3_server
    )
    assert restored.returncode == 0, restored.stderr
    assert "counts and checksums match" in restored.stdout
    # Restoring again refuses: the database and the bucket are no longer empty.
    again = manage(
        "restore", str(first), database=empty_database, bucket=empty_bucket, endpoint=s3_server
    )
    assert again.returncode != 0
    assert "not empty" in again.stderr

    second = manage(
        "backup",
        str(tmp_path / "second"),
        database=empty_database,
        bucket=empty_bucket,
        endpoint=s3_server,
    )
    assert second.returncode == 0, second.stderr
    copy = json.loads((Path(second.stdout.strip()) / "manifest.json").read_text())
    assert copy["database"]["tables"] == original["database"]["tables"]
    assert copy["media"] == original["media"]


@pytest.mark.django_db(transaction=True)
def test_a_damaged_backup_is_refused_before_anything_changes(tmp_path, empty_database):
    call_command("backup", str(tmp_path))
    (backup,) = tmp_path.iterdir()
    with open(backup / "database.dump", "ab") as dump:
        dump.write(b"\0")
    result = manage("restore", str(backup), database=empty_database, bucket="", endpoint="")
    assert result.returncode != 0
    assert "damaged" in result.stderr
    with (
        psycopg2.connect(
            dbname=empty_database,
            user=connection.settings_dict["USER"],
            host=connection.settings_dict["HOST"],
        ) as raw,
        raw.cursor() as cursor,
    ):
        cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert cursor.fetchone()[0] == 0
