"""Fixtures shared by the whole suite. Tests run on PostgreSQL (portal.settings.test)."""

import os

import pytest

# pytest-playwright runs an event loop in the test thread; Django must still allow the
# synchronous ORM calls the tests make there (browser tests only touch live_server).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def site(db):
    """A site with a Russian home page, its English translation and school settings."""
    from tests.factories import build_site

    return build_site()


@pytest.fixture
def home(site):
    return site["home"]


@pytest.fixture
def admin_user(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@school.example", password="password"
    )


@pytest.fixture(autouse=True)
def clear_shared_cache(settings):
    """Rate-limit counters and used form tokens live in Redis (the shared cache); each
    test starts without them. Only this suite's own keys are deleted (its key prefix),
    never the whole Redis database."""
    from django.core.cache import caches

    caches[settings.SHARED_CACHE_ALIAS].delete_pattern("*")
