"""Fixtures shared by the whole suite. Tests run on PostgreSQL (portal.settings.test).

Time: tests that depend on today's date are marked ``dated``. ``--clock=2027-02-01``
(or an ISO date-time) runs the whole session with the clock moved there by
time-machine, so ``pytest -m dated --clock=…`` shows whether those tests still test
something on another day (``make test-dates`` runs them at two such dates). A test
that needs one fixed day uses the ``clock`` fixture, which overrides the session's.

Databases: the migrated test database and the demo school are built once into
template databases and cloned for every worker and run (``tests/databases.py``).
Tests that use the ``demo`` fixture run against the demo's clone inside a transaction
rolled back afterwards; they are not marked ``django_db`` (that would open the
transaction on the empty database first).
"""

import datetime as dt
import os
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.databases import connected_to
from tests.processes import SESSION_CLOCK_ENV

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
        os.environ[SESSION_CLOCK_ENV] = clock


def pytest_unconfigure(config):
    session_clock = getattr(config, "_session_clock", None)
    if session_clock is not None:
        session_clock.stop()
        os.environ.pop(SESSION_CLOCK_ENV, None)


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


def _uses_demo(item):
    return bool({"demo", "demo_school"} & set(getattr(item, "fixturenames", ())))


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """This process's test database, a clone of the migrated template, and the demo
    school's clone when a collected test asks for it (``tests/databases.py``).

    Replaces pytest-django's fixture of the same name, which migrates a new database in
    every worker. The clones are made before any test holds a connection: PostgreSQL
    copies a template only while nobody is connected to it."""
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection

    from tests.databases import Templates, copy_media

    test_name = connection.creation._get_test_db_name()
    templates = Templates(test_name)
    demo_name = school = None
    wants_demo = any(_uses_demo(item) for item in request.session.items)
    with django_db_blocker.unblock():
        with templates.server() as cursor:
            templates.clone(cursor, templates.base(cursor), test_name)
            if wants_demo:
                template, output = templates.demo(
                    cursor, clocked=bool(request.config.getoption("--clock"))
                )
                demo_name = f"{test_name}_demo"
                templates.clone(cursor, template, demo_name)
        if wants_demo:
            copy_media(template)
        # What Django's create_test_db() does once the database exists.
        real_name = connection.settings_dict["NAME"]
        connection.close()
        settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = test_name
        if wants_demo:
            with connected_to(demo_name):
                school = DemoSchool(database=demo_name, output=output, tree=demo_tree())
        cache.clear()
    yield school
    with django_db_blocker.unblock():
        connection.close()
        with templates.server() as cursor:
            for name in filter(None, [demo_name, test_name]):
                templates.drop(cursor, name)
        settings.DATABASES["default"]["NAME"] = connection.settings_dict["NAME"] = real_name


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
    with django_db_blocker.unblock(), connected_to(demo_school.database):
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
