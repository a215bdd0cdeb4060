"""The page cache is off for the rest of the suite; these tests switch it on."""

import pytest
from django.test import Client


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    return settings


@pytest.fixture
def visitor():
    return Client()


def fetch(client, url):
    """(status, text, cache status) of an anonymous GET."""
    response = client.get(url)
    return response.status_code, response.content.decode(), response.get("X-Page-Cache")
