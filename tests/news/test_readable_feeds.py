"""Feeds opened in a browser: an XSL stylesheet turns them into a page, while feed
readers keep getting valid RSS/Atom with the feed content types."""

import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from tests.factories.news import NewsPageFactory, days_ago

pytestmark = pytest.mark.django_db

BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
XSL = Path(__file__).resolve().parents[2] / "portal" / "static" / "portal" / "feed.xsl"


@pytest.mark.parametrize(("route", "content_type"), [("rss", "rss+xml"), ("atom", "atom+xml")])
def test_feed_names_the_stylesheets_and_stays_valid(client, news_index, route, content_type):
    NewsPageFactory(parent=news_index, title="Шахматный турнир", date=days_ago(1))
    response = client.get(f"{news_index.url}{route}/", HTTP_ACCEPT="application/rss+xml")
    assert content_type in response["Content-Type"]
    assert "Accept" in response["Vary"]
    body = response.content.decode()
    xsl = '<?xml-stylesheet href="/static/portal/feed.xsl" type="text/xsl"?>'
    css = '<?xml-stylesheet href="/static/portal/css/feed.css" type="text/css"?>'
    # Before the root element, the XSL first (browsers apply the first they can).
    assert body.index(xsl) < body.index(css) < body.index("<rss" if route == "rss" else "<feed")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert [entry.title for entry in feed.entries] == ["Шахматный турнир"]


def test_a_browser_gets_the_feed_as_xml_so_it_applies_the_stylesheet(client, news_index):
    response = client.get(f"{news_index.url}rss/", HTTP_ACCEPT=BROWSER_ACCEPT)
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert b"feed.xsl" in response.content


def test_stylesheet_is_well_formed_xslt_for_rss_and_atom():
    root = ET.parse(XSL).getroot()  # noqa: S314 — the project's own file
    xsl = "{http://www.w3.org/1999/XSL/Transform}"
    assert root.tag == f"{xsl}stylesheet"
    matches = {template.get("match") for template in root.iter(f"{xsl}template")}
    assert {"/", "item", "atom:entry"} <= matches
