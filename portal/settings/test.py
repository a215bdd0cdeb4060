"""Test settings: PostgreSQL (as in production), fast hashing, mail kept in memory."""

import os
import tempfile

import dj_database_url

from .base import *  # noqa: F403
from .base import DATABASES, env_bool

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]

DATABASES["default"] = dj_database_url.parse(
    os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")
)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# In memory; a test that runs a worker process has it write files (EMAIL_FILE_PATH).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or None
# Pages and fragments: a fast per-process cache. Rate limits and used form tokens: the
# real shared Redis, as in production, so django-ratelimit's checks pass and the tests
# that run two app processes see one counter. The key prefix carries the database name
# and the pytest-xdist worker: engineers running the suite side by side on one Redis, and
# the workers of one run, never see each other's keys.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": TEST_REDIS_URL,
        # App processes a test starts are told the suite's prefix (tests/processes.py).
        "KEY_PREFIX": os.environ.get("TEST_CACHE_KEY_PREFIX")
        or "-".join(
            filter(
                None,
                [
                    "test",
                    DATABASES["default"]["NAME"].removeprefix("test_"),
                    os.environ.get("PYTEST_XDIST_WORKER"),
                ],
            )
        ),
    },
}
SHARED_CACHE_ALIAS = "shared"
RATELIMIT_USE_CACHE = SHARED_CACHE_ALIAS
# The page cache is off for the suite (a render inside a rolled-back test must not be
# served to the next test); its own tests switch it on, app processes they start get
# PAGE_CACHE_ENABLED=1.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
PAGE_CACHE_ALIAS = SHARED_CACHE_ALIAS
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
# Static files come from the app directories (finders); WhiteNoise only needs the
# directory to exist.
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
WAGTAILADMIN_BASE_URL = "http://testserver"
# Most tests sign in with force_login(); the two-factor tests switch this on themselves.
TWO_FACTOR_REQUIRED = False
# Tasks run inside the test; the worker process of tests/production runs the database
# queue for real (TASKS_BACKEND=db).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if os.environ.get("TASKS_BACKEND") == "db"
        else "django_tasks.backends.immediate.ImmediateBackend"
    }
}
