"""Recurrence rules: validation in the admin's terms and expansion in Moscow time."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from events.recurrence import (
    MAX_OCCURRENCES,
    SCHOOL_TZ,
    Occurrence,
    expand,
    normalise_rrule,
    starts,
    weekly_rrule,
)
from tests.factories.events import moscow

pytestmark = pytest.mark.dated


class FakeEvent:
    """Just the attributes expansion reads (no database needed)."""

    def __init__(self, start, end, rrule="", excluded=(), all_day=False, title="Консультация"):
        self.start, self.end, self.rrule = start, end, rrule
        self.excluded_dates, self.all_day, self.title = set(excluded), all_day, title


def test_weekly_series_with_a_cancelled_week_crosses_a_month_boundary():
    # Thursdays 15:30–17:00 from 12 November to 10 December 2026; 3 December cancelled.
    start = moscow(2026, 11, 12, 15, 30)
    rule = normalise_rrule(weekly_rrule(dt.date(2026, 12, 10)), start)
    event = FakeEvent(start, moscow(2026, 11, 12, 17), rule, excluded={dt.date(2026, 12, 3)})

    sittings = expand(event)

    assert [s.start.date() for s in sittings] == [
        dt.date(2026, 11, 12),
        dt.date(2026, 11, 19),
        dt.date(2026, 11, 26),
        dt.date(2026, 12, 10),
    ]
    for sitting in sittings:
        # Wall time and the offset stay those of Moscow (UTC+3, no DST) on both sides.
        assert sitting.start.astimezone(SCHOOL_TZ).time() == dt.time(15, 30)
        assert sitting.start.utcoffset() == dt.timedelta(hours=3)
        assert sitting.end - sitting.start == dt.timedelta(minutes=90)
    assert sittings[-1].start.astimezone(dt.UTC) == dt.datetime(2026, 12, 10, 12, 30, tzinfo=dt.UTC)


def test_expansion_for_a_range_returns_only_overlapping_sittings():
    start = moscow(2026, 11, 12, 15, 30)
    rule = normalise_rrule(weekly_rrule(dt.date(2026, 12, 31)), start)
    event = FakeEvent(start, moscow(2026, 11, 12, 17), rule)
    december = expand(event, moscow(2026, 12, 1, 0, 0), moscow(2027, 1, 1, 0, 0))
    assert [s.start.day for s in december] == [3, 10, 17, 24, 31]


def test_until_given_as_a_date_means_the_end_of_that_moscow_day():
    start = moscow(2026, 11, 12, 23, 30)  # 20:30 UTC: a late slot on the last day counts
    rule = normalise_rrule("FREQ=WEEKLY;UNTIL=20261126", start)
    assert rule == "FREQ=WEEKLY;UNTIL=20261126T205959Z"
    assert [s.day for s in starts(start, rule, set())] == [12, 19, 26]


def test_raw_rule_with_byday_and_count():
    start = moscow(2026, 11, 10, 16)  # a Tuesday
    rule = normalise_rrule("rrule:freq=weekly;byday=tu,th;count=4", start)
    assert rule == "FREQ=WEEKLY;COUNT=4;BYDAY=TU,TH"
    assert [s.day for s in starts(start, rule, set())] == [10, 12, 17, 19]


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=WEEKLY", "UNTIL"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20261231", "UNTIL"),
        ("FREQ=MINUTELY;COUNT=3", "FREQ"),
        ("BYDAY=MO;COUNT=3", "FREQ"),
        ("FREQ=WEEKLY;BYDAY=XX;COUNT=2", "разобрать"),
        ("FREQ=WEEKLY;FOO=1;COUNT=2", "разобрать"),
        ("FREQ=SOMETIMES;COUNT=2", "разобрать"),
        ("FREQ=DAILY;COUNT=100000", "больше"),
        ("FREQ=DAILY;UNTIL=20991231", "больше"),
        ("FREQ=WEEKLY;INTERVAL=0;COUNT=3", "INTERVAL"),
        ("FREQ=WEEKLY;UNTIL=20200101", "ни одной"),
        ("DTSTART:20260101T000000\nRRULE:FREQ=DAILY;COUNT=2", "DTSTART"),
    ],
)
def test_bad_rules_get_a_clear_message(rule, message):
    with pytest.raises(ValidationError) as error:
        normalise_rrule(rule, moscow(2026, 11, 12, 15, 30))
    assert message in " ".join(error.value.messages)


def test_expansion_is_capped_even_for_a_rule_that_skipped_validation():
    start = moscow(2026, 1, 1, 10)
    assert len(starts(start, "FREQ=DAILY", set())) == MAX_OCCURRENCES
    assert starts(start, "FREQ=NONSENSE", set()) == [start]


def test_all_day_sitting_covers_its_days():
    sitting = Occurrence(
        event=None,
        start=moscow(2026, 12, 11, 0, 0),
        end=moscow(2026, 12, 12, 23, 59, 59),
        all_day=True,
    )
    assert list(sitting.days()) == [dt.date(2026, 12, 11), dt.date(2026, 12, 12)]


def test_an_evening_ending_at_midnight_stays_on_its_day():
    sitting = Occurrence(
        event=None, start=moscow(2026, 12, 31, 21, 0), end=moscow(2027, 1, 1, 0, 0)
    )
    assert list(sitting.days()) == [dt.date(2026, 12, 31)]
