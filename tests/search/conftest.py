import pytest


@pytest.fixture
def search(client):
    """GET the results page; returns the response (context available)."""

    def run(query="", prefix="", **params):
        return client.get(f"{prefix}/search/", {"query": query, **params})

    return run


@pytest.fixture
def suggest(client):
    """GET the autocomplete endpoint; returns the suggested titles."""

    def run(q, prefix=""):
        response = client.get(f"{prefix}/search/autocomplete/", {"q": q})
        assert response.status_code == 200
        return [item["title"] for item in response.json()["results"]]

    return run
