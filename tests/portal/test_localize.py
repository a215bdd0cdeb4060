"""The English site through wagtail-localize, on the demo school.

Every Russian page has an English counterpart (a translation, or wagtail-localize's
alias saying «only in Russian»); teachers translate only their own pages; the machine
translator hook is wagtail-localize's own, here with a local fake translator.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from portal.translation import sync_all
from tests.factories.subjects import TopicPageFactory

CYRILLIC = re.compile("[\u0400-\u04ff]")


class VisibleText(HTMLParser):
    """The text a visitor reads: no scripts, no styles."""

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def cyrillic_share(html):
    parser = VisibleText()
    parser.feed(html)
    letters = [c for c in "".join(parser.parts) if c.isalpha()]
    return sum(1 for c in letters if CYRILLIC.match(c)) / max(1, len(letters))


def english_page(slug):
    return Page.objects.get(slug=slug, locale__language_code="en")


def test_every_russian_sitemap_url_has_an_english_page(client, demo):
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = {
        re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)
    }
    russian = sorted(path for path in paths if not path.startswith("/en/"))
    assert len(russian) > 100
    failures = []
    for path in russian:
        response = client.get("/en" + path)
        html = response.content.decode()
        if response.status_code != 200 or '<html lang="en">' not in html:
            failures.append((path, response.status_code))
    assert failures == []


def test_english_home_is_english(client, demo):
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert cyrillic_share(html) < 0.05


def test_untranslated_page_says_only_in_russian(client, demo):
    alias = english_page("elektricheskij-tok")  # physics: not translated in the demo
    assert alias.alias_of_id is not None  # wagtail-localize's synchronisation made it
    html = client.get(alias.url).content.decode()
    assert "This page is only in Russian" in html
    assert '<div class="page-content" lang="ru">' in html
    translated = client.get(english_page("uslovnaya-veroyatnost").url).content.decode()
    assert "only in Russian" not in translated


def test_demo_translations_are_wagtail_localize_translations(demo):
    english = english_page("uslovnaya-veroyatnost")
    assert english.alias_of_id is None
    assert english.title == "Conditional probability"
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=english.locale
    )
    assert StringTranslation.objects.filter(
        locale=english.locale, context__object_id=translation.source.object_id
    ).exists()


def test_switcher_and_hreflang_keep_the_class_sub_path(client, demo):
    html = client.get("/classes/9a/").content.decode()
    assert 'href="/en/classes/9a/" hreflang="en"' in html
    assert re.search(
        r'<link rel="alternate" hreflang="en" href="http://[^"]+/en/classes/9a/">', html
    )
    back = client.get("/en/classes/9a/").content.decode()
    assert 'href="/classes/9a/" hreflang="ru"' in back


def login(client, username):
    assert client.login(username=username, password=f"{username}-2026")


def edit_view(client, page):
    """(status, templates) of the admin's edit view of ``page`` for the logged-in user."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return response.status_code, [t.name for t in response.templates]


EDIT_TRANSLATION = "wagtail_localize/admin/edit_translation.html"


def assert_only_owner_edits(client, page, owner, other):
    login(client, owner)
    status, templates = edit_view(client, page)
    assert status == 200
    if page.alias_of_id is None:
        assert EDIT_TRANSLATION in templates
    client.logout()
    login(client, other)
    status, templates = edit_view(client, page)
    assert status in (302, 403, 404)
    assert EDIT_TRANSLATION not in templates
    client.logout()


def test_teacher_translates_only_own_pages(client, demo):
    # mathematics: Orlova's section; Belov teaches physics.
    assert_only_owner_edits(client, english_page("uslovnaya-veroyatnost"), "orlova", "belov")
    # Her portfolio's English page was made after create_teacher granted her rights
    # (the demo publishes it afterwards): a tree of its own, covered all the same.
    portfolio = Page.objects.get(
        locale__language_code="en", teacherpage__user__username="orlova"
    ).specific
    assert_only_owner_edits(client, portfolio, "orlova", "belov")
    assert_only_owner_edits(client, portfolio, "orlova", "kuznetsova")


def test_english_alias_made_after_the_rights_is_the_teachers(client, demo):
    section = Page.objects.get(slug="matematika", locale__language_code="ru").specific
    topic = TopicPageFactory(parent=section, title="Геометрическая вероятность")
    topic.save_revision().publish()  # the page_published receiver makes the English alias
    alias = Page.objects.get(translation_key=topic.translation_key, locale__language_code="en")
    assert alias.alias_of_id == topic.pk
    assert_only_owner_edits(client, alias, "orlova", "belov")

    # A teacher's own page first made in English (a new portfolio alias, say) the same:
    # the English portfolio deleted and made again by the synchronisation.
    portfolio = Page.objects.get(locale__language_code="en", teacherpage__user__username="belov")
    portfolio.delete()
    sync_all()
    again = Page.objects.get(locale__language_code="en", teacherpage__user__username="belov")
    assert again.alias_of_id is not None
    assert_only_owner_edits(client, again, "belov", "orlova")


@pytest.fixture
def machine_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "tests.portal.fake_translator.GlossaryTranslator"
    }


def start_translation(slug):
    """What "Translate this page" does for an English alias: a source and a translation."""
    russian = Page.objects.get(slug=slug, locale__language_code="ru").specific
    source, _created = TranslationSource.get_or_create_from_instance(russian)
    english = Locale.objects.get(language_code="en")
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=english)
    return translation


def test_machine_translator_fills_the_strings(client, demo, machine_translator):
    translation = start_translation("uslovnaya-veroyatnost")
    StringTranslation.objects.filter(context__object_id=translation.source.object_id).delete()
    login(client, "orlova")
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    assert client.post(url, {"next": "/admin/"}).status_code == 302
    strings = StringTranslation.objects.filter(context__object_id=translation.source.object_id)
    assert strings.filter(translation_type="machine").count() == strings.count() > 0
    assert strings.filter(data="Conditional probability").exists()


def test_machine_translation_respects_page_permissions(client, demo, machine_translator):
    translation = start_translation("kombinatorika")  # mathematics
    login(client, "belov")
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    # 404: outside her explorer the page is not there for her (portal.access).
    assert client.post(url, {"next": "/admin/"}).status_code == 404
    assert not StringTranslation.objects.filter(
        context__object_id=translation.source.object_id, translation_type="machine"
    ).exists()
