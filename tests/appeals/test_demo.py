"""The appeals demo: the form on the site, a queue with each state, one overdue."""

import re

import pytest

from appeals.models import Appeal, Status

pytestmark = pytest.mark.dated


def test_demo_appeals(client, demo):
    html = client.get("/obrashcheniya/").content.decode()
    assert "Директору МБОУ СОШ № 12" in html
    assert 'href="/politika-obrabotki-personalnyh-dannyh/" class="consent-policy-link"' in html
    assert client.get("/en/obrashcheniya/").status_code == 200

    statuses = set(Appeal.objects.values_list("status", flat=True))
    assert statuses == {Status.NEW, Status.IN_WORK, Status.ANSWERED, Status.FORWARDED}
    assert Appeal.objects.overdue().count() == 1
    numbers = list(Appeal.objects.order_by("sequence").values_list("number", flat=True))
    assert re.fullmatch(r"12-\d{4}/0001", numbers[0])

    assert client.login(username="redaktor", password="redaktor-2026")
    queue = client.get("/admin/obrashcheniya/").content.decode()
    assert all(number in queue for number in numbers)
    assert client.login(username="orlova", password="orlova-2026")
    assert client.get("/admin/obrashcheniya/").status_code == 404
