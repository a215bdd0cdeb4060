"""Fixtures shared by the whole suite. Tests run on PostgreSQL (portal.settings.test).

Time: tests that depend on today's date are marked ``dated``. ``--clock=2027-02-01``
(or an ISO date-time) runs the whole session with the clock moved there by
time-machine, so ``pytest -m dated --clock=…`` shows whether those tests still test
something on another day (``make test-dates`` runs them at two such dates). A test
that needs one fixed day uses the ``clock`` fixture, which overrides the session's.
"""

import datetime as dt
import os
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
            moment = dt.datetime.fromisoformat(clock)
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
def clock(time_machine):
    return Clock(time_machine)


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
