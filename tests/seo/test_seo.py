"""What crawlers, browsers and social networks get: robots.txt, the sitemap in both
languages on the site's public address (never a private or unpublished page), the
favicon from the logo, description and Open Graph on every kind of page, the error pages."""

import io
import re
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from wagtail.models import PageViewRestriction

from portal.translation import translate_page
from tests.factories import ImageFactory, SchoolClassFactory, StandardPageFactory, SubjectFactory
from tests.factories.events import EventIndexPageFactory
from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.subjects import (
    ClassIndexPageFactory,
    SubjectIndexPageFactory,
    SubjectPageFactory,
)

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def public_site(site):
    site["site"].hostname = "school7.example"
    site["site"].port = 443
    site["site"].save()
    return site


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the site's own output
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in root.findall("sm:url", NS)
    }


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(
    client, public_site
):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /admin/", "Disallow: /search/", "Disallow: /en/search/"} <= set(lines)
    assert "Sitemap: https://school7.example/sitemap.xml" in lines


def test_the_configured_base_url_wins(client, public_site, settings):
    settings.PORTAL_BASE_URL = "https://www.school7.example/"
    assert (
        "Sitemap: https://www.school7.example/sitemap.xml"
        in client.get("/robots.txt").content.decode()
    )
    entries = sitemap_entries(client)
    assert "https://www.school7.example/" in entries
    assert all(url.startswith("https://www.school7.example/") for url in entries)


def test_sitemap_has_both_languages_class_pages_and_never_private_or_draft_pages(
    client, public_site
):
    home, home_en = public_site["home"], public_site["home_en"]
    about = StandardPageFactory(parent=home, title="О школе", slug="o-shkole")
    translate_page(about, home_en.locale, {"title": "About the school"})
    ClassIndexPageFactory(parent=home)
    SchoolClassFactory(grade=9, letter="А")
    SchoolClassFactory(grade=5, letter="Б")
    private = StandardPageFactory(parent=home, title="Для учителей", slug="dlya-uchitelej")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    StandardPageFactory(parent=home, title="Черновик", slug="chernovik", live=False)

    entries = sitemap_entries(client)
    base = "https://school7.example"
    assert f"{base}/" in entries
    assert f"{base}/en/" in entries
    assert entries[f"{base}/o-shkole/"] == {
        "ru": f"{base}/o-shkole/",
        "en": f"{base}/en/o-shkole/",
    }
    assert entries[f"{base}/en/o-shkole/"]["ru"] == f"{base}/o-shkole/"
    assert f"{base}/classes/9a/" in entries
    assert f"{base}/classes/5b/" in entries
    assert not [url for url in entries if "dlya-uchitelej" in url or "chernovik" in url]
    assert not [url for url in entries if "localhost" in url]


def test_sitemap_queries_do_not_grow_with_pages(client, public_site, django_assert_max_num_queries):
    for n in range(3):
        StandardPageFactory(parent=public_site["home"], slug=f"p{n}")
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(12):
        client.get("/sitemap.xml")
    for n in range(3, 15):
        StandardPageFactory(parent=public_site["home"], slug=f"p{n}")
    with django_assert_max_num_queries(12):
        client.get("/sitemap.xml")


def decode_icon(response):
    with Image.open(io.BytesIO(response.content)) as image:
        return (
            image.format,
            image.size,
            image.convert("RGBA").getpixel((image.width // 2, image.height // 2)),
        )


def test_favicon_without_a_logo_is_drawn_and_with_a_logo_is_the_logo(client, site):
    response = client.get("/favicon.png")
    assert response["Content-Type"] == "image/png"
    assert "max-age=86400" in response["Cache-Control"]
    fmt, size, _ = decode_icon(response)
    assert (fmt, size) == ("PNG", (64, 64))
    assert decode_icon(client.get("/favicon.ico"))[0] == "ICO"
    assert decode_icon(client.get("/apple-touch-icon.png"))[1] == (180, 180)

    # ImageFactory draws a solid image: its colour is what the icon shows.
    logo = ImageFactory()
    with logo.open_file() as file, Image.open(file) as original:
        colour = original.convert("RGBA").getpixel((original.width // 2, original.height // 2))
    site["settings"].logo = logo
    site["settings"].save()
    _, _, centre = decode_icon(client.get("/favicon.png"))
    assert all(abs(a - b) < 12 for a, b in zip(centre, colour, strict=True))


def meta_tags(html):
    head = html.split("</head>")[0]
    return {
        "description": re.findall(r'<meta name="description" content="([^"]*)">', head),
        **{
            name: re.findall(rf'<meta property="{name}" content="([^"]*)">', head)
            for name in ("og:title", "og:description", "og:url", "og:image", "og:type")
        },
    }


def test_every_kind_of_page_has_one_description_and_open_graph(client, public_site):
    home = public_site["home"]
    page = StandardPageFactory(
        parent=home, title="Приём в 1 класс", slug="priyom", introduction="Как записать ребёнка."
    )
    index = NewsIndexPageFactory(parent=home)
    news = NewsPageFactory(
        parent=index,
        title="День знаний",
        lead="Линейка.",
        lead_image=ImageFactory(),
        lead_image_alt="Шары",
    )
    ClassIndexPageFactory(parent=home)
    SchoolClassFactory(grade=9, letter="А")
    for url, description in (
        ("/", "Официальный сайт школы № 7."),
        (page.url, "Как записать ребёнка."),
        ("/classes/9a/", None),
        ("/search/?query=приём", None),
        ("/en/", "The official site of School No. 7."),
        (news.url, "Линейка."),
    ):
        tags = meta_tags(client.get(url).content.decode())
        assert len(tags["description"]) == 1, url
        assert len(tags["og:title"]) == 1, url
        assert len(tags["og:url"]) == 1, url
        assert tags["og:url"][0].startswith("https://school7.example/") or url == news.url, url
        if description:
            assert tags["description"] == [description], url
    page_tags = meta_tags(client.get(page.url).content.decode())
    assert page_tags["og:title"] == ["Приём в 1 класс"]
    assert page_tags["og:type"] == ["website"]
    assert meta_tags(client.get(news.url).content.decode())["og:type"] == ["article"]


def test_a_page_with_a_cover_image_shares_it(client, public_site):
    section = SubjectPageFactory(
        parent=SubjectIndexPageFactory(parent=public_site["home"]),
        subject=SubjectFactory(name="Физика", slug="fizika"),
        cover_image=ImageFactory(),
    )
    tags = meta_tags(client.get(section.url).content.decode())
    assert len(tags["og:image"]) == 1
    assert re.match(r"^https://school7\.example/media/images/.+fill-1200x630", tags["og:image"][0])


def test_a_missing_page_gets_the_designed_404(client, site):
    response = client.get("/net-takoj-stranicy/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Страница не найдена" in html
    assert 'class="site-header"' in html
    assert 'action="/search/"' in html
    assert "/sveden/" in html


def test_the_500_page_needs_neither_the_database_nor_context_processors(
    settings, django_db_blocker
):
    from django.template.loader import get_template

    with django_db_blocker.block():
        html = get_template("500.html").render({})
    assert "Ошибка на сервере" in html
    assert "/static/portal/css/site.css" in html


def test_a_localhost_site_uses_the_address_the_request_came_to(client, site):
    assert site["site"].hostname == "localhost"
    robots = client.get("/robots.txt", headers={"host": "school7.example"}).content.decode()
    assert "Sitemap: http://school7.example/sitemap.xml" in robots


def test_class_and_subject_pages_announce_their_feeds(client, home):
    calendar = EventIndexPageFactory(parent=home)
    section = SubjectPageFactory(
        parent=SubjectIndexPageFactory(parent=home),
        subject=SubjectFactory(name="Физика", slug="fizika"),
    )
    ClassIndexPageFactory(parent=home)
    SchoolClassFactory(grade=9, letter="А")

    def feeds(url):
        head = client.get(url).content.decode().split("</head>")[0]
        return re.findall(
            r'<link rel="alternate" type="([^"]+)" title="[^"]+" href="([^"]+)">', head
        )

    subject_feed = f"{calendar.url}predmet/fizika.ics"
    assert ("text/calendar", subject_feed) in feeds(section.url)
    assert client.get(subject_feed).status_code == 200
    class_feeds = feeds("/classes/9a/")
    assert ("text/calendar", f"{calendar.url}klass/9a.ics") in class_feeds
    assert ("application/rss+xml", "/classes/9a/rss/") in class_feeds
    for _, url in class_feeds:
        assert client.get(url).status_code == 200, url
