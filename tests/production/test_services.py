"""Production services on this machine: media in a real S3 server (moto's), background
tasks through the database queue and its worker, /health/, the outage page."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import OperationalError, connection
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from portal import health, outage
from portal.background import MAX_ATTEMPTS
from tests.factories.portal import jpeg_bytes

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def keys(client, bucket_name):
    return sorted(o["Key"] for o in client.list_objects_v2(Bucket=bucket_name).get("Contents", []))


def test_images_and_renditions_live_in_the_bucket_and_link_to_the_public_url(bucket):
    client, name = bucket
    image = get_image_model().objects.create(
        title="Линейка 1 сентября", file=ContentFile(jpeg_bytes(1200, 800), name="lineyka.jpg")
    )
    rendition = image.get_rendition("fill-400x300")
    stored = keys(client, name)
    assert image.file.name in stored
    assert rendition.file.name in stored
    assert rendition.url == f"http://media.school.example/{rendition.file.name}"
    body = client.get_object(Bucket=name, Key=rendition.file.name)["Body"].read()
    assert body[:2] == b"\xff\xd8"  # a JPEG cut by Wagtail from the original in the bucket
    # Uploading again renditions after the upload (the worker's task) is idempotent.
    assert len(image.get_renditions("fill-400x300")) == 1


def test_documents_are_streamed_through_the_permission_checks(bucket, client):
    s3, name = bucket
    Document = get_document_model()
    public = Document.objects.create(
        title="Расписание звонков", file=ContentFile(b"%PDF-1.4 bells\n", name="zvonki.pdf")
    )
    private_collection = Collection.get_first_root_node().add_child(name="Только сотрудникам")
    restriction = CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Сотрудники"))
    private = Document.objects.create(
        title="Приказ по личному составу",
        file=ContentFile(b"%PDF-1.4 secret\n", name="prikaz.pdf"),
        collection=private_collection,
    )
    assert {public.file.name, private.file.name} <= set(keys(s3, name))

    response = client.get(public.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 bells\n"
    assert response["Content-Disposition"].startswith("attachment")
    # The private one: Wagtail's collection restriction sends the visitor to log in,
    # and no page links the bucket's own address of either file.
    response = client.get(private.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert "media.school.example" not in public.url


def test_a_failing_mail_server_is_retried_and_the_letter_sent_once(settings, monkeypatch):
    from appeals import tasks
    from tests.factories.appeals import make_appeal

    settings.SHARED_CACHE_ALIAS = "default"
    appeal = make_appeal()
    failures = {"left": 2}
    real_send = tasks.send_notification

    def flaky_send(appeal):
        if failures["left"]:
            failures["left"] -= 1
            raise ConnectionRefusedError("mail server is restarting")
        return real_send(appeal)

    monkeypatch.setattr(tasks, "send_notification", flaky_send)
    monkeypatch.setattr(
        "appeals.notifications.editor_addresses", lambda: ["redaktor@school.example"]
    )
    tasks.notify_editors_task.enqueue(appeal.pk)
    assert failures["left"] == 0
    assert len(mail.outbox) == 1
    # The same task again (a duplicate in the queue) sends nothing more.
    tasks.notify_editors_task.enqueue(appeal.pk)
    assert len(mail.outbox) == 1
    assert MAX_ATTEMPTS > 2


@pytest.mark.django_db(transaction=True)
def test_database_queue_round_trip_through_the_worker(settings, tmp_path):
    """Enqueued in the database by the app, run by `manage.py db_worker` in another
    process: the e-mail arrives from the worker, not the request."""
    from django_tasks_db.models import DBTaskResult

    from appeals.tasks import notify_editors_task
    from teachers.permissions import SCHOOL_EDITORS
    from tests.factories.appeals import make_appeal

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    editor = get_user_model().objects.create_user(
        "redaktor",
        email="redaktor@school.example",
        password="x",
    )
    editor.groups.add(Group.objects.get_or_create(name=SCHOOL_EDITORS)[0])
    appeal = make_appeal()
    result = notify_editors_task.enqueue(appeal.pk)
    assert DBTaskResult.objects.get(pk=result.id).status == "READY"
    assert mail.outbox == []

    mail_dir = tmp_path / "mail"
    db = connection.settings_dict
    worker = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "TASKS_BACKEND": "db",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(mail_dir),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert worker.returncode == 0, worker.stderr
    assert DBTaskResult.objects.get(pk=result.id).status == "SUCCESSFUL", worker.stderr
    letters = list(mail_dir.iterdir())
    assert len(letters) == 1
    assert "redaktor@school.example" in letters[0].read_text()


def test_health_reports_every_dependency_uncached(client):
    response = client.get("/health/")
    assert response.status_code == 200
    report = response.json()
    assert report["ok"] is True
    assert {"database", "cache", "storage", "tasks"} <= report.keys()
    assert all(report[part]["ok"] for part in ("database", "cache", "storage", "tasks"))
    assert "no-cache" in response["Cache-Control"]


def test_health_probes_running_at_once_do_not_fail_each_other(client, settings, monkeypatch):
    # Varnish probes each backend and the balancer probes too: another process's probe
    # can write between this one's write and read (it did, with one shared key).
    cache = caches[settings.SHARED_CACHE_ALIAS]
    read = cache.get
    interleaved = []

    def get_with_another_probe_in_between(key, *args, **kwargs):
        if key.startswith(health.PROBE_KEY) and not interleaved:
            interleaved.append(key)
            assert health.check_cache() == {}
        return read(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", get_with_another_probe_in_between)
    response = client.get("/health/")
    assert interleaved
    assert response.status_code == 200, response.content
    assert response.json()["cache"]["ok"] is True
    # Nothing left behind: every probe removes its key.
    assert read(interleaved[0]) is None


def test_health_is_503_without_the_cache_and_names_no_secret(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://:hunter2@127.0.0.1:9/0",
        },
    }
    response = client.get("/health/")
    assert response.status_code == 503
    body = response.content.decode()
    assert json.loads(body)["cache"]["ok"] is False
    assert json.loads(body)["database"]["ok"] is True
    assert "hunter2" not in body
    assert "127.0.0.1" not in body


def test_a_lost_database_is_a_designed_503_with_retry_after():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = outage.server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == str(outage.RETRY_AFTER_SECONDS)
    assert "Сайт ненадолго недоступен" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    try:
        raise ValueError("a bug")
    except ValueError:
        assert outage.server_error(request).status_code == 500
