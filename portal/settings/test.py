"""Test settings: PostgreSQL (as in production), fast hashing, mail kept in memory."""

import os
import tempfile

import dj_database_url

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]

DATABASES["default"] = dj_database_url.parse(
    os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
# Static files come from the app directories (finders); WhiteNoise only needs the
# directory to exist.
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
WAGTAILADMIN_BASE_URL = "http://testserver"
