"""News pages: tree rules, the admin form, rendering, related events and teachers,
alt text, Open Graph, JSON-LD and feed autodiscovery."""

import json
import re

import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.factories import ImageFactory, build_site
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.news import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from tests.factories.teachers import TeacherIndexPageFactory, TeacherPageFactory


class TestTreeRules(WagtailPageTestCase):
    def test_news_index_sits_under_home_and_holds_news(self):
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)

    def test_news_are_leaves_under_the_index_only(self):
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(NewsPage, NewsPage)
        self.assertCanNotCreateAt(NewsPage, StandardPage)

    def test_one_news_section_per_home_page(self):
        built = build_site(with_english=False)
        NewsIndexPageFactory(parent=built["home"])
        assert not NewsIndexPage.can_create_at(built["home"])


def news_form(**overrides):
    data = {
        "title": "Итоги олимпиады по физике",
        "slug": "itogi-olimpiady-po-fizike",
        "date": "2026-11-20",
        "lead": "Пятеро учеников прошли на муниципальный этап.",
        "lead_image_alt": "",
        "body": streamfield([]),
        "gallery": streamfield([]),
        "related_events": inline_formset([]),
        "related_teachers": inline_formset([]),
    }
    data.update(overrides)
    categories = data.pop("categories", [])
    form = nested_form_data(data)
    form["categories"] = [str(pk) for pk in categories]
    return form


class TestEditorsCreateNews(WagtailPageTestCase):
    def setUp(self):
        built = build_site()
        self.home = built["home"]
        self.index = NewsIndexPageFactory(parent=self.home)
        self.login()

    def add_url(self):
        return f"/admin/pages/add/news/newspage/{self.index.pk}/"

    def test_editor_creates_news_with_image_rubrics_event_and_teacher(self):
        image = ImageFactory()
        olympiads = NewsCategoryFactory(name="Олимпиады", slug="olimpiady")
        event = EventPageFactory(parent=EventIndexPageFactory(parent=self.home))
        teacher = TeacherPageFactory(parent=TeacherIndexPageFactory(parent=self.home))
        self.assertCanCreate(
            self.index,
            NewsPage,
            news_form(
                lead_image=image.pk,
                lead_image_alt="Кубок на столе",
                categories=[olympiads.pk],
                related_events=inline_formset([{"event": event.pk}]),
                related_teachers=inline_formset([{"teacher": teacher.pk}]),
            ),
        )
        news = NewsPage.objects.get(slug="itogi-olimpiady-po-fizike")
        assert news.date.isoformat() == "2026-11-20"
        assert list(news.categories.all()) == [olympiads]
        assert [link.event_id for link in news.related_events.all()] == [event.pk]
        assert [link.teacher_id for link in news.related_teachers.all()] == [teacher.pk]

    def test_image_without_alt_text_is_refused_next_to_the_field(self):
        data = news_form(lead_image=ImageFactory().pk)
        data["action-publish"] = "action-publish"
        response = self.client.post(self.add_url(), data)
        assert response.status_code == 200
        assert "Опишите изображение" in response.content.decode()
        assert not NewsPage.objects.exists()

    def test_date_defaults_to_today_in_the_add_form(self):
        from django.utils import timezone

        html = self.client.get(self.add_url()).content.decode()
        assert f'value="{timezone.localdate().isoformat()}"' in html

    def test_pages_render_and_preview(self):
        news = NewsPageFactory(parent=self.index)
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(news)
        self.assertPageIsPreviewable(news, post_data=news_form(title=news.title, slug=news.slug))


pytestmark = pytest.mark.django_db


@pytest.fixture
def full_news(home, news_index):
    image = ImageFactory(title="Кубок")
    event = EventPageFactory(
        parent=EventIndexPageFactory(parent=home), title="Школьный этап олимпиады"
    )
    hidden_event = EventPageFactory(parent=event.get_parent(), title="Черновик события", live=False)
    teacher = TeacherPageFactory(
        parent=TeacherIndexPageFactory(parent=home), title="Орлова Татьяна Николаевна"
    )
    news = NewsPageFactory(
        parent=news_index,
        title="Итоги олимпиады </script><b>",
        lead="Победители & призёры «школьного» этапа.",
        lead_image=image,
        lead_image_alt="Золотой кубок",
        categories=[NewsCategoryFactory(name="Олимпиады", slug="olimpiady")],
    )
    news.related_events.create(event=event, sort_order=0)
    news.related_events.create(event=hidden_event, sort_order=1)
    news.related_teachers.create(teacher=teacher, sort_order=0)
    news.save_revision().publish()
    news.refresh_from_db()
    return news


def test_news_page_shows_date_rubric_image_and_live_relations_only(client, full_news):
    html = client.get(full_news.url).content.decode()
    assert full_news.date.strftime("%Y-%m-%d") in html
    assert 'href="/novosti/rubrika/olimpiady/"' in html
    assert 'alt="Золотой кубок"' in html
    assert "Школьный этап олимпиады" in html
    assert "Черновик события" not in html
    assert "Орлова Татьяна Николаевна" in html


def head(html):
    return html.split("</head>")[0]


def test_open_graph_tags_describe_the_article_with_an_absolute_image(client, full_news):
    html = head(client.get(full_news.url).content.decode())
    tags = dict(re.findall(r'<meta property="([^"]+)" content="([^"]*)">', html))
    assert tags["og:type"] == "article"
    assert tags["og:title"] == "Итоги олимпиады &lt;/script&gt;&lt;b&gt;"
    assert tags["og:description"] == "Победители &amp; призёры «школьного» этапа."
    assert re.match(r"^http://testserver/media/images/.+fill-1200x630.*\.jpg$", tags["og:image"])
    assert tags["og:image:alt"] == "Золотой кубок"
    assert tags["og:url"] == "http://testserver" + full_news.url
    assert tags["article:section"] == "Олимпиады"
    assert '<meta name="description" content="Победители &amp; призёры' in html


def test_json_ld_is_a_news_article_that_no_title_can_break_out_of(client, full_news):
    html = client.get(full_news.url).content.decode()
    script = r'<script type="application/ld\+json" nonce="[^"]+">(.*?)</script>'
    scripts = re.findall(script, html, re.S)
    assert len(scripts) == 1
    assert "</script>" not in scripts[0]
    data = json.loads(scripts[0])
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Итоги олимпиады </script><b>"
    assert data["datePublished"].startswith(full_news.date.isoformat())
    assert data["image"][0].startswith("http://testserver/media/images/")
    assert data["publisher"]["@type"] == "EducationalOrganization"
    assert data["articleSection"] == ["Олимпиады"]
    assert data["mainEntityOfPage"]["@id"] == "http://testserver" + full_news.url


@pytest.mark.parametrize("where", ["index", "news"])
def test_feed_autodiscovery_links_in_the_head(client, full_news, news_index, where):
    url = news_index.url if where == "index" else full_news.url
    html = head(client.get(url).content.decode())
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Новости (RSS)" '
        'href="http://testserver/novosti/rss/">' in html
    )
    assert 'type="application/atom+xml"' in html
    assert 'href="http://testserver/novosti/atom/"' in html


def test_rubric_listing_offers_its_own_feed_first(client, full_news):
    html = head(client.get("/novosti/rubrika/olimpiady/").content.decode())
    links = re.findall(r'<link rel="alternate" type="[^"]+" title="[^"]+" href="([^"]+)">', html)
    assert links[:2] == [
        "http://testserver/novosti/rubrika/olimpiady/rss/",
        "http://testserver/novosti/rubrika/olimpiady/atom/",
    ]


def test_private_news_page_needs_the_password(client, full_news):
    PageViewRestriction.objects.create(page=full_news, restriction_type="password", password="x1")
    html = client.get(full_news.url).content.decode()
    assert "Победители" not in html


def test_news_page_queries_do_not_grow_with_links_or_section_size(client, home, news_index):
    from tests.utils import count_queries

    events = EventIndexPageFactory(parent=home)
    teachers = TeacherIndexPageFactory(parent=home)
    sport = NewsCategoryFactory(name="Спорт", slug="sport")

    def news_with(links):
        news = NewsPageFactory(
            parent=news_index,
            lead_image=ImageFactory(),
            lead_image_alt="Стадион",
            categories=[sport],
        )
        for n in range(links):
            news.related_events.create(event=EventPageFactory(parent=events), sort_order=n)
            news.related_teachers.create(teacher=TeacherPageFactory(parent=teachers), sort_order=n)
        news.save()
        return news

    small = count_queries(client, news_with(1).url)
    for _ in range(10):
        NewsPageFactory(parent=news_index)
    large = count_queries(client, news_with(6).url)
    assert small == large
    assert large <= 15


def test_links_made_in_code_without_an_order_are_shown(client, home, news_index):
    from news.models import NewsRelatedEvent, NewsRelatedTeacher

    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Открытый урок")
    teacher = TeacherPageFactory(parent=TeacherIndexPageFactory(parent=home), title="Белов И. С.")
    news = NewsPageFactory.build(title="Новость из скрипта", slug="iz-skripta", lead="Анонс.")
    news.related_events = [NewsRelatedEvent(event=event)]
    news.related_teachers = [NewsRelatedTeacher(teacher=teacher)]
    news_index.add_child(instance=news)
    news.save_revision().publish()
    html = client.get(news.url).content.decode()
    assert "Открытый урок" in html
    assert "Белов И. С." in html
