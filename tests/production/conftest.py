"""Local stand-ins for production services: a real S3-compatible server (moto's)."""

import os
import subprocess
import sys

import pytest

from tests.processes import ROOT, free_port, start_moto, stop


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3 server in its own process for the session; yields its endpoint."""
    port = free_port()
    process = start_moto(port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop([process])


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """`manage.py collectstatic` with the production settings (hashed names and their
    manifest, which production pages need), once per session, as the Dockerfile runs it."""
    static_root = tmp_path_factory.mktemp("static")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            # Static files need no database or secrets; these only let settings load.
            "SECRET_KEY": "collectstatic-" + "x" * 50,
            "ALLOWED_HOSTS": "build",
            "DATABASE_URL": "postgres://build/build",
            "CACHE_URL": "redis://build:6379/0",
            "STATIC_ROOT": str(static_root),
        },
        check=True,
    )
    return static_root


def s3_client(endpoint):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )


def s3_storage_settings(endpoint, bucket, public_url=None):
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": "us-east-1",
        "access_key": "test",
        "secret_key": "test",
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": 300,
        "signature_version": "s3v4",
        "addressing_style": "path",
    }
    if public_url:
        protocol, _sep, domain = public_url.rstrip("/").partition("//")
        options.update(custom_domain=domain, url_protocol=protocol, querystring_auth=False)
    return {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def bucket(s3_server, request, settings, django_db_blocker):
    """An empty bucket on the S3 server, made the media storage for the test (with the
    root collection that Wagtail's files need, which a flushing test may have removed)."""
    from wagtail.models import Collection

    with django_db_blocker.unblock():
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
    name = "media-" + request.node.name.lower().replace("_", "-")[:40]
    client = s3_client(s3_server)
    client.create_bucket(Bucket=name)
    settings.STORAGES = s3_storage_settings(s3_server, name, "http://media.school.example/")
    yield client, name
    for item in client.list_objects_v2(Bucket=name).get("Contents", []):
        client.delete_object(Bucket=name, Key=item["Key"])
    client.delete_bucket(Bucket=name)
