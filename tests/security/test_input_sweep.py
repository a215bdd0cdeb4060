"""Finding 11: no public URL of the demo school answers 500 to a NUL byte or a huge value.

The demo is loaded once; then one page of every page type (both languages), their
sub-routes (month grid, archive, class views and feeds, exam variant), search and
autocomplete get each parameter the portal's views read, with a NUL byte, a
10,000-character value, a 4,000-digit number and 2,000 Cyrillic letters. Every form
found in those pages is posted with each field spoiled the same way. Nothing may answer
500; a NUL in the address or query gets the friendly 400 page, one in a form body the
form's own message. (About 900 requests: the one slow test of the
security suite, in three shards that the suite's workers share.)
"""

from html.parser import HTMLParser

import pytest
from django.test import Client
from wagtail.models import Page

from portal.models import SchoolClass

NUL = "\x00"
HUGE = "x" * 10_000
LONG_VALUES = ["9" * 4_000, "я" * 2_000]
# Every GET parameter a public view reads (search, autocomplete, calendar filters and
# months, class board, piggy-bank filters, exam variant, polls and lists paging …).
PARAMETERS = [
    "query",
    "q",
    "page",
    "section",
    "subject",
    "grade",
    "kind",
    "teacher",
    "klass",
    "year",
    "month",
    "v",
    "sent",
    "next",
    "return_url",
]


class FormCollector(HTMLParser):
    """The POST forms of a page: action and field names (with their default values)."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "get").lower() == "post":
            self.forms.append({"action": attrs.get("action") or "", "fields": {}})
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            self.forms[-1]["fields"].setdefault(attrs["name"], attrs.get("value") or "on")


def public_urls():
    pages = {}
    for page in Page.objects.live().public().specific().order_by("path"):
        pages.setdefault((type(page), page.locale_id), page)
    urls = set()
    for page in pages.values():
        url = page.url
        if url is None:  # the tree root: not served
            continue
        urls.add(url)
        name = type(page).__name__
        if name == "EventIndexPage":
            urls.update(url + tail for tail in ("mesyac/", "arhiv/", "2026/12/", "calendar.ics"))
        elif name == "ClassIndexPage":
            slug = SchoolClass.objects.order_by("grade").first().slug
            urls.update(url + f"{slug}/{tail}" for tail in ("", "rss/", "atom/", "ical/"))
        elif name == "ExamPage":
            urls.add(url + "variant/")
    for prefix in ("/", "/en/"):
        urls.update({prefix + "search/", prefix + "search/autocomplete/"})
    urls.add("/sitemap.xml")
    return sorted(urls)


# The sweep is split into shards (every URL and form in exactly one), so that the
# suite's workers share it.
SHARDS = 3


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_public_url_answers_500_to_nul_or_huge_values(demo, shard):
    client = Client(raise_request_exception=False)
    failures = []

    def check(method, url, data, expect_400=False):
        response = getattr(client, method)(url, data, REMOTE_ADDR="10.11.12.13")
        if response.status_code >= 500 or (expect_400 and response.status_code != 400):
            shown = {key: value[:12] for key, value in data.items()}
            failures.append((method, url, shown, response.status_code))
        return response

    urls = public_urls()
    assert len(urls) > 30
    forms = []
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200, (url, page.status_code)
        if page["Content-Type"].startswith("text/html"):
            collector = FormCollector()
            collector.feed(page.content.decode())
            forms += [(url, form) for form in collector.forms]
    assert forms, "the demo pages have forms (questions, polls, quizzes)"

    for url in urls[shard::SHARDS]:
        response = check("get", url, dict.fromkeys(PARAMETERS, NUL), expect_400=True)
        if response.status_code == 400:
            assert "Неверный запрос" in response.content.decode() or "Bad request" in (
                response.content.decode()
            )
        for value in (HUGE, *LONG_VALUES):
            check("get", url, dict.fromkeys(PARAMETERS, value))
        if not url.startswith("/en/"):
            # One at a time too, so an early "not found" for one cannot hide another
            # (the English pages share the views, once is enough).
            for name in PARAMETERS:
                check("get", url, {name: LONG_VALUES[0]})

    for url, form in forms[shard::SHARDS]:
        action = form["action"] or url
        for name in form["fields"]:
            for value in (NUL, HUGE):
                check("post", action, {**form["fields"], name: value})
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/search/", {"subject": NUL}),
        ("get", "/search/", {"query": "олимпиада", "page": "1\x002"}),
        ("get", "/predmety%00/", {}),
    ],
)
def test_the_guard_answers_400_with_the_sites_page(home, method, url, data):
    response = getattr(Client(raise_request_exception=False), method)(url, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Неверный запрос" in body
    assert "На главную страницу" in body


@pytest.mark.django_db
def test_ordinary_requests_pass_the_guard(home):
    client = Client()
    assert (
        client.get("/search/", {"query": "олимпиада", "subject": "matematika"}).status_code == 200
    )
    assert client.get("/search/", {"query": "я" * 10_000}).status_code == 200
