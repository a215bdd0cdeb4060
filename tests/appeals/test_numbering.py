"""Registration numbers: «<prefix>-<year>/<sequence>», one sequence per year, no two
appeals with the same number even when registered at the same moment."""

import datetime
import threading

import pytest
from django.db import connection, transaction

from appeals.models import Appeal, format_number, next_sequence
from tests.factories.appeals import make_appeal


def test_number_format():
    assert format_number("12", 2026, 1) == "12-2026/0001"
    assert format_number("12", 2026, 12345) == "12-2026/12345"
    assert format_number("", 2027, 42) == "2027/0042"


@pytest.mark.django_db
def test_sequence_runs_per_year_and_survives_deleted_appeals():
    first = make_appeal(registered_on=datetime.date(2026, 12, 30))
    second = make_appeal(registered_on=datetime.date(2026, 12, 31))
    new_year = make_appeal(registered_on=datetime.date(2027, 1, 9))
    assert [first.number, second.number, new_year.number] == [
        "7-2026/0001",
        "7-2026/0002",
        "7-2027/0001",
    ]
    second.delete()
    # A number once given is never given again, even if its appeal is deleted.
    assert make_appeal(registered_on=datetime.date(2026, 12, 31)).number == "7-2026/0003"


@pytest.mark.django_db
def test_a_registration_rolled_back_gives_its_number_back():
    def register_then_fail():
        with transaction.atomic():
            make_appeal(registered_on=datetime.date(2026, 5, 5))
            raise RuntimeError

    with pytest.raises(RuntimeError):
        register_then_fail()
    assert make_appeal(registered_on=datetime.date(2026, 5, 5)).number == "7-2026/0001"


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_get_distinct_consecutive_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("concurrency is checked on PostgreSQL")
    workers = 8
    barrier = threading.Barrier(workers)
    errors = []

    def register():
        try:
            barrier.wait(timeout=30)
            with transaction.atomic():
                next_sequence(2026)  # take the row lock first, hold it a moment
                make_appeal(registered_on=datetime.date(2026, 3, 1))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    sequences = sorted(Appeal.objects.values_list("sequence", flat=True))
    # Each worker took two numbers in one transaction; the row lock held until its
    # commit means no other worker's number can fall between them.
    assert sequences == list(range(2, 2 * workers + 1, 2))
