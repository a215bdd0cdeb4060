"""Home and standard pages: tree rules, rendering, admin creation, preview, query counts."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from portal.translation import translate_page
from tests.factories import StandardPageFactory, build_site
from tests.utils import count_queries


class TestTreeRules(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)


class TestEditorsCreatePages(WagtailPageTestCase):
    def setUp(self):
        self.built = build_site()
        self.login()

    def test_editor_creates_a_standard_page_with_blocks(self):
        home = self.built["home"]
        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Родителям",
                    "slug": "roditelyam",
                    "introduction": "Что важно знать родителям.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Питание", "level": "h2"}),
                            ("paragraph", rich_text("<p>Горячие завтраки с 9:15.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="roditelyam")
        assert page.body[0].value["text"] == "Питание"

    def test_pages_render_and_preview(self):
        page = StandardPageFactory(parent=self.built["home"], body=[("paragraph", "<p>Текст</p>")])
        self.assertPageIsRenderable(self.built["home"])
        self.assertPageIsRenderable(page)
        for previewed in (page, self.built["home"]):
            form_data = nested_form_data(
                {
                    "title": previewed.title,
                    "slug": previewed.slug,
                    "introduction": "Предпросмотр",
                    "body": streamfield([("paragraph", rich_text("<p>Черновик</p>"))]),
                }
            )
            self.assertPageIsPreviewable(previewed, post_data=form_data)


@pytest.mark.django_db
def test_home_shows_school_settings_in_header_and_footer(client, site):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru">' in html
    assert "СОШ № 7" in html  # short name in the header
    assert "Средняя общеобразовательная школа № 7 города Приозёрска" in html
    assert "Приозёрск, ул. Лесная, 7" in html
    assert 'href="tel:+781379207' in html
    assert "mailto:school7@priozersk.example" in html
    assert "Петрова Анна Сергеевна" in html


@pytest.mark.django_db
def test_english_home_uses_english_names(client, site):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "School No. 7" in html
    assert "7 Lesnaya St., Priozyorsk" in html
    assert "Приозёрск, ул. Лесная" not in html


@pytest.mark.django_db
def test_language_switcher_links_page_translations(client, site):
    page = StandardPageFactory(parent=site["home"], title="О школе", slug="o-shkole")
    translate_page(page, site["home_en"].locale, {"title": "About"})

    ru_html = client.get("/o-shkole/").content.decode()
    assert 'href="/en/o-shkole/" hreflang="en"' in ru_html
    en_html = client.get("/en/o-shkole/").content.decode()
    assert 'href="/o-shkole/" hreflang="ru"' in en_html
    assert "About" in en_html


@pytest.mark.django_db
def test_switcher_greys_out_a_missing_translation(client, site):
    StandardPageFactory(parent=site["home"], slug="tolko-russkij")
    html = client.get("/tolko-russkij/").content.decode()
    # The slot stays (the header does not shift), but it is no link.
    assert 'class="lang-switcher"' in html
    assert 'class="lang-switcher__missing" aria-disabled="true"' in html
    assert 'hreflang="en"' not in html


@pytest.mark.django_db
def test_menu_lists_live_public_sections_only(client, site):
    StandardPageFactory(parent=site["home"], title="Видимый раздел")
    StandardPageFactory(parent=site["home"], title="Черновик раздела", live=False)
    StandardPageFactory(parent=site["home"], title="Скрытый из меню", show_in_menus=False)
    html = client.get("/").content.decode()
    assert "Видимый раздел" in html
    assert "Черновик раздела" not in html
    assert "Скрытый из меню" not in html


@pytest.mark.django_db
def test_breadcrumbs_show_the_path(client, site):
    parent = StandardPageFactory(parent=site["home"], title="Родителям", slug="roditelyam")
    StandardPageFactory(parent=parent, title="Питание", slug="pitanie")
    html = client.get("/roditelyam/pitanie/").content.decode()
    assert 'class="breadcrumbs"' in html
    assert '<a href="/roditelyam/">Родителям</a>' in html
    assert '<li aria-current="page">Питание</li>' in html


@pytest.mark.django_db
def test_unknown_url_gets_the_site_404(client, site):
    response = client.get("/net-takoj-stranicy/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


@pytest.mark.django_db
def test_admin_speaks_russian(client):
    html = client.get("/admin/login/").content.decode()
    assert 'lang="ru"' in html
    assert "Войти" in html


@pytest.mark.django_db
def test_query_count_does_not_grow_with_sections(client, site):
    """The menu and the subpage list cost the same with 5 and with 50 pages (the home
    page's count includes the bulletin board, see tests/events/test_board.py for the
    board at two sizes, and the photo reports row)."""
    bounds = {"/": 15, "/razdel/": 15}
    section = StandardPageFactory(parent=site["home"], slug="razdel")
    counts = {path: [] for path in bounds}
    for total in (5, 50):
        while section.get_children().count() < total:
            StandardPageFactory(parent=section)
        while site["home"].get_children().count() < total:
            StandardPageFactory(parent=site["home"])
        for path in bounds:
            counts[path].append(count_queries(client, path))
    grown = {path: pair for path, pair in counts.items() if pair[0] != pair[1]}
    over = {path: pair[1] for path, pair in counts.items() if pair[1] > bounds[path]}
    assert (grown, over) == ({}, {}), counts


ONE_PER_LANGUAGE = [
    "exam_prep.ExamPrepIndexPage",
    "events.EventIndexPage",
    "subjects.ClassIndexPage",
    "subjects.SubjectIndexPage",
    "teachers.TeacherIndexPage",
    "teachers.MaterialIndexPage",
    "works.StudentWorkIndexPage",
    "works.PhotoReportIndexPage",
    "polls.PollIndexPage",
]


@pytest.mark.django_db
@pytest.mark.parametrize("label", ONE_PER_LANGUAGE)
def test_one_index_page_of_each_kind_per_language(site, label):
    from django.apps import apps

    model = apps.get_model(label)
    home, home_en = site["home"], site["home_en"]
    assert model.can_create_at(home)
    home.add_child(instance=model(title="Раздел", slug="razdel", locale=home.locale))
    assert not model.can_create_at(home)
    # The English home page has its own.
    assert model.can_create_at(home_en)
