"""Small helpers for reading search responses in tests."""


def titles(response):
    """Titles of the hits on a results page (plain text, without highlighting)."""
    return [hit.page.title for hit in response.context.get("hits") or []]
