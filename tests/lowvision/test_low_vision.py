"""The version for the visually impaired: the header's links set a cookie and come
back, the visitor's stylesheet follows the cookie, and the pages themselves are the
same bytes for everyone (so a shared page cache never hands on anyone's settings)."""

import pytest

from lowvision.preferences import COOKIE_NAME
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

TABLE = {
    "data": [["Урок", "Время"], ["1", "8:30–9:15"]],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_caption": "Расписание звонков",
}


@pytest.fixture
def study_page(home):
    return StandardPageFactory(
        parent=home,
        title="Звонки",
        slug="zvonki",
        body=[
            ("math", {"latex": r"P(A)=\frac{m}{n}", "label": "", "caption": ""}),
            ("table", TABLE),
        ],
    )


def test_pages_are_the_same_bytes_with_and_without_the_setting(client, home, study_page):
    for url in ("/", study_page.url, "/en/", "/search/?query=звонки"):
        plain = client.get(url)
        client.cookies[COOKIE_NAME] = "3.wb.0.2"
        chosen = client.get(url)
        del client.cookies[COOKIE_NAME]
        assert plain.status_code == chosen.status_code == 200, url
        assert plain.content == chosen.content, url


def test_every_page_has_the_switch_and_the_visitor_stylesheet(client, study_page):
    html = client.get(study_page.url).content.decode()
    head = html.split("</head>")[0]
    assert '<link rel="stylesheet" href="/a11y/style.css">' in head
    assert "Версия для слабовидящих" in html
    assert 'href="/a11y/set/?on=1&amp;next=%2Fzvonki%2F"' in html
    assert 'href="/a11y/set/?off=1&amp;next=%2Fzvonki%2F"' in html
    assert "<math" in html
    assert "<table" in html


def test_switching_on_keeps_the_page_and_sets_the_defaults(client, study_page):
    response = client.get("/a11y/set/", {"on": "1", "next": "/zvonki/"})
    assert response.status_code == 302
    assert response["Location"] == "/zvonki/"
    assert "no-store" in response["Cache-Control"]
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "2.bw.1.0"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) >= 300 * 24 * 3600


def test_each_choice_changes_only_its_setting(client):
    client.cookies[COOKIE_NAME] = "2.bw.1.0"
    for params, expected in (
        ({"font": "3"}, "3.bw.1.0"),
        ({"scheme": "blue"}, "3.blue.1.0"),
        ({"images": "0"}, "3.blue.0.0"),
        ({"spacing": "2"}, "3.blue.0.2"),
        # Values the links never send change nothing.
        ({"font": "99", "scheme": "red", "images": "x"}, "3.blue.0.2"),
    ):
        response = client.get("/a11y/set/", {**params, "next": "/"})
        assert response.status_code == 302
        assert client.cookies[COOKIE_NAME].value == expected


def test_back_to_the_normal_version_removes_the_cookie(client):
    client.cookies[COOKIE_NAME] = "3.wb.0.2"
    response = client.get("/a11y/set/", {"off": "1", "next": "/novosti/"})
    assert response["Location"] == "/novosti/"
    assert response.cookies[COOKIE_NAME].value == ""
    assert response.cookies[COOKIE_NAME]["max-age"] == 0


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/x",
        "javascript:alert(1)",
        "",
        "http://testserver\\@evil.example",
    ],
)
def test_next_outside_the_site_goes_home(client, target):
    response = client.get("/a11y/set/", {"on": "1", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_only_links_change_it(client):
    assert client.post("/a11y/set/", {"on": "1"}).status_code == 405


def test_the_normal_version_stylesheet_only_styles_the_switch(client):
    response = client.get("/a11y/style.css")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    assert ".low-vision__panel { display: none; }" in css
    assert "html { font-size" not in css
    assert "display: none !important" not in css


def test_the_stylesheet_follows_the_cookie_and_is_private(client):
    client.cookies[COOKIE_NAME] = "3.wb.0.2"
    response = client.get("/a11y/style.css")
    css = response.content.decode()
    assert "html { font-size: 200% !important; }" in css
    assert "color: #ffffff !important;" in css
    assert "background-color: #000000 !important;" in css
    assert "img, picture, video, iframe, object, embed, canvas { display: none !important; }" in css
    assert "letter-spacing: 0.25em !important" in css
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-cache"} <= cache_control
    assert "Cookie" in response["Vary"]

    client.cookies[COOKIE_NAME] = "1.blue.1.0"
    css = client.get("/a11y/style.css").content.decode()
    assert "html { font-size: 125% !important; }" in css
    assert "color: #063462 !important;" in css
    assert "Images off" not in css
    assert "letter-spacing" not in css


def test_an_unchanged_stylesheet_is_not_sent_again(client):
    client.cookies[COOKIE_NAME] = "2.bw.1.0"
    first = client.get("/a11y/style.css")
    again = client.get("/a11y/style.css", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    client.cookies[COOKIE_NAME] = "3.bw.1.0"
    changed = client.get("/a11y/style.css", headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200


@pytest.mark.parametrize(
    "damaged", ["garbage", "9.bw.1.0", "2.bw.1", "2.<script>.1.0", "2.bw.1.0.1"]
)
def test_a_damaged_cookie_is_the_normal_version(client, home, damaged):
    client.cookies[COOKIE_NAME] = damaged
    css = client.get("/a11y/style.css").content.decode()
    assert "html { font-size" not in css
    assert client.get("/").status_code == 200
    response = client.get("/a11y/set/", {"font": "3", "next": "/"})
    assert client.cookies[COOKIE_NAME].value == "3.bw.1.0"
    assert response.status_code == 302
