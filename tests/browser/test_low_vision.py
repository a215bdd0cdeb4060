"""A visually impaired visitor, without JavaScript, turns on «Версия для слабовидящих»,
picks white on black, large letters and no images, walks through three kinds of page
(home, a page with a formula and a table, the appeal form) with the setting kept, and
goes back to the normal version; axe-core finds nothing serious in any colour scheme."""

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import serious_violations
from tests.factories import ImageFactory, StandardPageFactory
from tests.factories.appeals import AppealFormPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

WHITE, BLACK = "rgb(255, 255, 255)", "rgb(0, 0, 0)"


@pytest.fixture
def school(live_site):
    home = live_site["home"]
    StandardPageFactory(
        parent=home,
        title="Расписание звонков",
        slug="zvonki",
        body=[
            ("math", {"latex": r"t=45\cdot 6", "label": "", "caption": "Минут уроков"}),
            (
                "table",
                {
                    "data": [["Урок", "Время"], ["1", "8:30–9:15"], ["2", "9:25–10:10"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Звонки",
                },
            ),
            ("image", {"image": ImageFactory(), "alt_text": "Школьный звонок", "caption": ""}),
        ],
    )
    AppealFormPageFactory(parent=home)
    return live_site


def style_of(page, selector, prop):
    return page.locator(selector).first.evaluate(f"(element) => getComputedStyle(element).{prop}")


def test_visitor_without_javascript_keeps_the_setting_on_every_page(browser, school):
    context = browser.new_context(java_script_enabled=False, locale="ru-RU")
    page = context.new_page()
    url = school["url"]
    page.goto(url + "/zvonki/")
    panel = page.locator(".low-vision__panel")
    expect(panel).to_be_hidden()
    expect(page.locator("img")).to_be_visible()

    page.get_by_role("link", name="Версия для слабовидящих").click()
    expect(page).to_have_url(url + "/zvonki/")
    expect(panel).to_be_visible()
    expect(page.get_by_role("link", name="Версия для слабовидящих")).to_be_hidden()
    assert style_of(page, "html", "fontSize") == "24px"

    page.get_by_role("link", name="белый текст на чёрном фоне").click()
    page.get_by_role("link", name="самый крупный шрифт").click()
    page.get_by_role("link", name="скрыть").click()
    page.get_by_role("link", name="большой", exact=True).click()
    expect(page).to_have_url(url + "/zvonki/")

    def assert_setting_kept():
        expect(panel).to_be_visible()
        assert style_of(page, "html", "fontSize") == "32px"
        assert style_of(page, "body", "backgroundColor") == BLACK
        assert style_of(page, "main p, main h1", "color") == WHITE
        spacing = page.locator("main h1").evaluate(
            "(h) => parseFloat(getComputedStyle(h).letterSpacing)"
            " / parseFloat(getComputedStyle(h).fontSize)"
        )
        assert spacing == pytest.approx(0.25)
        for image in page.locator("img").all():
            expect(image).to_be_hidden()

    assert_setting_kept()
    assert style_of(page, "math", "color") == WHITE
    assert style_of(page, "table td", "color") == WHITE
    assert style_of(page, "table td", "borderTopColor") == WHITE

    page.goto(url + "/")
    assert_setting_kept()
    page.goto(url + "/obrashcheniya/")
    assert_setting_kept()
    field = page.locator("main input[type=text]").first
    assert style_of(page, "main input[type=text]", "backgroundColor") == BLACK
    expect(field).to_be_visible()

    page.get_by_role("link", name="Обычная версия сайта").click()
    expect(page).to_have_url(url + "/obrashcheniya/")
    expect(panel).to_be_hidden()
    assert style_of(page, "html", "fontSize") == "16px"
    assert style_of(page, "body", "backgroundColor") == WHITE
    context.close()


@pytest.mark.parametrize("scheme", ["bw", "wb", "blue"])
def test_no_serious_accessibility_problem_in_any_scheme(browser, school, scheme):
    context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "low_vision", "value": f"2.{scheme}.1.1", "url": school["url"]}])
    page = context.new_page()
    for path in ("/", "/zvonki/", "/obrashcheniya/"):
        page.goto(school["url"] + path)
        expect(page.locator(".low-vision__panel")).to_be_visible()
        assert serious_violations(page) == [], (scheme, path)
    context.close()
