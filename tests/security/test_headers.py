"""Finding 13: every HTML page carries a Content-Security-Policy (strict on the site, the
admin's own), the one kind of inline script has the nonce, Permissions-Policy is set,
and the headers that were right stay right."""

import re

import pytest
from django.urls import reverse

from tests.factories.events import EventIndexPageFactory, EventPageFactory, in_days

pytestmark = pytest.mark.django_db


def policy(response):
    return dict(
        [*directive.split(" ", 1), ""][:2]
        for directive in (part.strip() for part in response["Content-Security-Policy"].split(";"))
        if directive
    )


def test_a_public_page_allows_only_its_own_scripts_and_the_nonced_json_ld(client, home):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), start=in_days(3))
    response = client.get(event.url)
    assert response.status_code == 200
    directives = policy(response)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    nonce = re.search(r"'nonce-([^']+)'", directives["script-src"]).group(1)
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert set(directives["frame-src"].split()) == {
        "https://rutube.ru",
        "https://vk.com",
        "https://vkvideo.ru",
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
    }
    body = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", body)
    assert any("application/ld+json" in attrs for attrs in scripts)
    for attrs in scripts:
        # Every script is a file of our own or carries this response's nonce.
        assert 'src="/static/' in attrs or f'nonce="{nonce}"' in attrs, attrs
    assert " style=" not in body
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_each_response_gets_a_new_nonce(client, home):
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), start=in_days(3))
    nonces = {policy(client.get(event.url))["script-src"] for _ in range(2)}
    assert len(nonces) == 2


def test_the_admin_gets_its_own_policy(client, admin_user, home):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(home.pk,)))
    assert response.status_code == 200
    directives = policy(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert "nonce" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"
    assert "https://" not in directives["script-src"]


def test_error_pages_and_search_have_the_policy_too(client, home):
    for url in ("/search/?query=олимпиада", "/net-takoy-stranicy/", "/search/?subject=%00"):
        response = client.get(url)
        assert "script-src 'self'" in response["Content-Security-Policy"], url
