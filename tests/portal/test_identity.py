"""The school's look from its settings: the main colour as /theme.css (validated for
contrast), the grouped main menu, the language switcher's fixed slots."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from portal.models.settings import contrast_with_white
from tests.factories import StandardPageFactory
from tests.factories.events import EventIndexPageFactory
from tests.factories.news import NewsIndexPageFactory
from tests.factories.subjects import ClassIndexPageFactory, SubjectIndexPageFactory

pytestmark = pytest.mark.django_db


def test_theme_css_carries_the_schools_colour_and_changes_its_address(client, site):
    settings = site["settings"]
    settings.brand_colour = "#7A1F5C"
    settings.save()
    html = client.get("/").content.decode()
    assert 'href="/theme.css?v=7a1f5c"' in html
    response = client.get("/theme.css")
    assert response["Content-Type"].startswith("text/css")
    css = response.content.decode()
    assert "--color-primary: #7a1f5c;" in css
    # The darker shade for the menu and hovered links: 75 % of each channel.
    assert "--color-primary-dark: #5c1745;" in css


def test_theme_css_never_echoes_a_value_that_is_no_colour(client, site):
    settings = site["settings"]
    settings.brand_colour = "red;}"  # saved past the form, e.g. from a shell
    settings.save()
    css = client.get("/theme.css").content.decode()
    assert "red" not in css
    assert "--color-primary: #1f4e9c;" in css


@pytest.mark.parametrize("colour", ["#ffd700", "#9ecbff"])
def test_too_light_colour_is_refused_with_a_reason(site, colour):
    settings = site["settings"]
    settings.brand_colour = colour
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "Слишком светлый цвет" in str(error.value.message_dict["brand_colour"])


def test_default_colour_reads_well_under_white_text():
    assert contrast_with_white("#1f4e9c") >= 4.5


def test_menu_groups_sections_under_a_few_headings(client, site):
    home = site["home"]
    SubjectIndexPageFactory(parent=home, title="Предметы", show_in_menus=True)
    ClassIndexPageFactory(parent=home, title="Классы", show_in_menus=True)
    EventIndexPageFactory(parent=home, title="Календарь")
    NewsIndexPageFactory(parent=home, title="Новости")
    StandardPageFactory(parent=home, title="Контакты")
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    nav = soup.select_one(".main-nav")
    groups = {
        summary.get_text(strip=True): [a.get_text(strip=True) for a in summary.parent.select("a")]
        for summary in nav.select("summary")
    }
    assert groups == {"Учёба": ["Предметы", "Классы"], "Жизнь школы": ["Новости", "Календарь"]}
    # A heading with one section is a plain link to it; an empty one is left out.
    plain = [a.get_text(strip=True) for a in nav.select(".main-nav__list > li > a")]
    assert plain == ["Главная", "Контакты"]
    assert "Экзамены" not in nav.get_text()


def test_menu_marks_the_group_the_visitor_is_in(client, site):
    home = site["home"]
    SubjectIndexPageFactory(parent=home, title="Предметы", slug="predmety", show_in_menus=True)
    ClassIndexPageFactory(parent=home, title="Классы", show_in_menus=True)
    soup = BeautifulSoup(client.get("/predmety/").content, "html.parser")
    summary = soup.select_one(".main-nav summary")
    assert "is-active" in summary["class"]
    assert soup.select_one('.main-nav a[aria-current="page"]').get_text() == "Предметы"


def test_switcher_keeps_both_slots_on_every_page(client, site):
    StandardPageFactory(parent=site["home"], slug="tolko-russkij")
    for path in ("/", "/tolko-russkij/", "/search/?query=x"):
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        slots = soup.select(".lang-switcher li")
        assert [slot.select_one("[lang]")["lang"] for slot in slots] == ["ru", "en"], path
