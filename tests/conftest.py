"""Fixtures shared by the whole suite. Tests run on PostgreSQL (portal.settings.test).

Time: tests that depend on today's date are marked ``dated``. ``--clock=2027-02-01``
(or an ISO date-time) runs the whole session with the clock moved there by
time-machine, so ``pytest -m dated --clock=…`` shows whether those tests still test
something on another day (``make test-dates`` runs them at two such dates). A test
that needs one fixed day uses the ``clock`` fixture, which overrides the session's.

The demo school: loading it takes a dozen seconds, so it is loaded once per run into
a clone of the test database (``CREATE DATABASE … TEMPLATE``). Tests that use the
``demo`` fixture run against that clone inside a transaction rolled back afterwards;
they are not marked ``django_db`` (that would open the transaction on the empty
database first).
"""

import datetime as dt
import os
from contextlib import contextmanager
from dataclasses import dataclass
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine

# pytest-playwright runs an event loop in the test thread; Django must still allow the
# synchronous ORM calls the tests make there (browser tests only touch live_server).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The school's time zone (settings.TIME_ZONE), known here before Django is set up.
SCHOOL_TZ = ZoneInfo("Europe/Moscow")


def school_time(value, hour=10):
    """An aware date-time in school time: a date at ``hour``:00, or a naive date-time."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=SCHOOL_TZ)
    return dt.datetime.combine(value, dt.time(hour), SCHOOL_TZ)


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        metavar="DATE",
        help="run the session as if today were DATE (ISO date or date-time, school time)",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "dated: depends on today's date (run under shifted clocks by make test-dates)"
    )
    clock = config.getoption("--clock")
    if clock:
        try:
            # A bare date means that day at 10:00, during lessons.
            moment = (
                dt.date.fromisoformat(clock)
                if len(clock) == 10
                else dt.datetime.fromisoformat(clock)
            )
        except ValueError:
            raise pytest.UsageError(f"--clock takes an ISO date, not {clock!r}") from None
        # The clock keeps ticking from there, as on a real day.
        config._session_clock = time_machine.travel(school_time(moment), tick=True)
        config._session_clock.start()


def pytest_unconfigure(config):
    session_clock = getattr(config, "_session_clock", None)
    if session_clock is not None:
        session_clock.stop()


def pytest_report_header(config):
    clock = config.getoption("--clock")
    return f"clock: {clock} (time-machine)" if clock else None


class Clock:
    """Sets today for one test: ``clock.set(date(2027, 5, 22))`` (10:00 school time) or
    ``clock.set(datetime(...))``; the clock stands still until the next ``set``."""

    def __init__(self, traveller):
        self._traveller = traveller

    def set(self, value):
        moment = school_time(value)
        self._traveller.move_to(moment, tick=False)
        return moment.date() if not isinstance(value, dt.datetime) else moment

    def shift(self, delta):
        self._traveller.shift(delta)


@pytest.fixture
def clock(time_machine, settings):
    assert str(SCHOOL_TZ) == settings.TIME_ZONE
    return Clock(time_machine)


@dataclass(frozen=True)
class DemoSchool:
    database: str  # the clone's name
    output: str  # what load_demo_content printed
    tree: list  # demo_tree() right after loading


def demo_tree():
    """What a visitor would see of the tree: (locale, url path, title, live)."""
    from wagtail.models import Page

    return sorted(
        (page.locale.language_code, page.url_path, page.title, page.live)
        for page in Page.objects.filter(depth__gte=2).select_related("locale")
    )


@contextmanager
def _connected_to(name):
    from django.db import connection

    previous = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = previous


def _uses_demo(item):
    return bool({"demo", "demo_school"} & set(getattr(item, "fixturenames", ())))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """The test database, and the demo clone when a collected test asks for it.

    The clone is made here, before any test holds a connection, because PostgreSQL
    copies a template only while nobody is connected to it."""
    if not any(_uses_demo(item) for item in request.session.items):
        yield None
        return
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.db.backends.base.creation import TEST_DATABASE_PREFIX

    with django_db_blocker.unblock():
        # pytest-django creates the test database only for tests marked django_db;
        # when only demo tests run, create it here (never clone the real database).
        own_test_database = None
        if not connection.settings_dict["NAME"].startswith(TEST_DATABASE_PREFIX):
            own_test_database = connection.settings_dict["NAME"]
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        connection.creation.clone_test_db(suffix="demo", verbosity=0)
        name = connection.creation.get_test_db_clone_settings("demo")["NAME"]
        out = StringIO()
        with _connected_to(name):
            call_command("load_demo_content", stdout=out)
            school = DemoSchool(database=name, output=out.getvalue(), tree=demo_tree())
        cache.clear()
    yield school
    with django_db_blocker.unblock():
        connection.creation.destroy_test_db(suffix="demo", verbosity=0)
        if own_test_database:
            connection.creation.destroy_test_db(own_test_database, verbosity=0)


@pytest.fixture
def demo_school(django_db_setup):
    """The demo school's clone: its name, the loader's output and its page tree."""
    return django_db_setup


@pytest.fixture
def demo(request, demo_school, django_db_blocker):
    """Run the test against the demo school; whatever it changes is rolled back."""
    from django.core.cache import cache
    from django.db import transaction

    if request.node.get_closest_marker("django_db"):
        raise pytest.UsageError(f"{request.node.nodeid}: the demo fixture replaces django_db")
    with django_db_blocker.unblock(), _connected_to(demo_school.database):
        # Caches (Wagtail's site root paths, settings) must not cross databases.
        cache.clear()
        with transaction.atomic():
            yield demo_school
            transaction.set_rollback(True)
        cache.clear()


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


@pytest.fixture(autouse=True)
def _russian_first():
    """Every test starts in the site's default language: a test that left English active
    (a request under /en/, translation.activate) must not change the next one's messages."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
