"""The facet table's visibility (``visible``, locale, title: migration search/0006) is
what the search reads instead of the page tree: it must follow every publish,
unpublish, view restriction, move and delete, and always agree with the reference
rule ``search.query.visible_pages()`` (live, public, of the locale, no root)."""

import pytest

from search.indexing import rebuild_all_facets
from search.models import PageSearchFacet
from search.query import visible_pages
from tests.factories.search import english, published_then_unpublished, restricted, text_page

from .helpers import titles


def visible_rows(locale):
    return set(
        PageSearchFacet.objects.filter(visible=True, locale=locale).values_list(
            "page_id", flat=True
        )
    )


def assert_agrees(site):
    """The visible facet rows of each locale are exactly the reference rule's pages."""
    for home in (site["home"], site["home_en"]):
        reference = set(visible_pages(home.locale).values_list("pk", flat=True))
        assert visible_rows(home.locale) == reference


@pytest.fixture
def tree(site):
    home = site["home"]
    section = text_page(home, "Раздел олимпиад")
    inner = text_page(section, "Олимпиада внутри раздела")
    outside = text_page(home, "Олимпиада снаружи")
    text_page(home, "Олимпиада черновик", live=False)
    published_then_unpublished(home, "Олимпиада снятая")
    english(site["home_en"], "Олимпиада английская")
    return {"site": site, "home": home, "section": section, "inner": inner, "outside": outside}


@pytest.mark.django_db
def test_rows_carry_locale_title_and_visibility(tree):
    row = PageSearchFacet.objects.get(page=tree["inner"])
    assert (row.title, row.locale_id, row.visible) == (
        "Олимпиада внутри раздела",
        tree["home"].locale_id,
        True,
    )
    assert_agrees(tree["site"])


@pytest.mark.django_db
def test_a_restriction_hides_the_page_and_everything_below_until_removed(tree, search, suggest):
    restriction = restricted(tree["section"], "login")
    assert not PageSearchFacet.objects.get(page=tree["inner"]).visible
    assert_agrees(tree["site"])
    assert titles(search("олимпиада")) == ["Олимпиада снаружи"]
    assert suggest("олимпиада") == ["Олимпиада снаружи"]
    assert search("олимпиада").context["paginator"].count == 1

    restriction.delete()
    assert PageSearchFacet.objects.get(page=tree["inner"]).visible
    assert_agrees(tree["site"])
    assert sorted(titles(search("олимпиада"))) == [
        "Олимпиада внутри раздела",
        "Олимпиада снаружи",
        "Раздел олимпиад",
    ]


@pytest.mark.django_db
def test_a_page_created_inside_a_restricted_section_is_never_visible(tree, search):
    restricted(tree["section"], "password")
    text_page(tree["section"], "Олимпиада новая")
    assert_agrees(tree["site"])
    assert "Олимпиада новая" not in titles(search("олимпиада"))


@pytest.mark.django_db
def test_moving_into_and_out_of_a_restricted_section(tree, search):
    restricted(tree["section"], "login")
    tree["outside"].move(tree["section"], pos="last-child")
    assert not PageSearchFacet.objects.get(page=tree["outside"]).visible
    assert_agrees(tree["site"])
    assert titles(search("олимпиада")) == []

    tree["inner"].refresh_from_db()
    tree["inner"].move(tree["home"], pos="last-child")
    assert PageSearchFacet.objects.get(page=tree["inner"]).visible
    assert_agrees(tree["site"])
    assert sorted(titles(search("олимпиада"))) == ["Олимпиада внутри раздела"]


@pytest.mark.django_db
def test_unpublish_publish_and_delete(tree, search, suggest):
    tree["outside"].unpublish()
    assert_agrees(tree["site"])
    assert "Олимпиада снаружи" not in titles(search("олимпиада"))
    assert suggest("олимпиада с") == []

    tree["outside"].save_revision().publish()
    assert_agrees(tree["site"])
    assert suggest("олимпиада с") == ["Олимпиада снаружи"]

    tree["outside"].delete()
    assert not PageSearchFacet.objects.filter(page_id=tree["outside"].pk).exists()
    assert_agrees(tree["site"])


@pytest.mark.django_db
def test_a_published_title_change_reaches_autocomplete(tree, suggest):
    page = tree["outside"]
    page.title = "Турнир снаружи"
    page.save_revision()  # a draft changes nothing
    assert suggest("турнир") == []
    page.get_latest_revision().publish()
    assert suggest("турнир") == ["Турнир снаружи"]
    assert suggest("олимпиада сн") == []


@pytest.mark.django_db
def test_rebuild_writes_the_same_visibility(tree):
    restricted(tree["section"], "login")
    before = {row.page_id: row.visible for row in PageSearchFacet.objects.all()}
    rebuild_all_facets()
    after = {row.page_id: row.visible for row in PageSearchFacet.objects.all()}
    # The rebuild also writes rows for pages that are not live (never visible).
    assert {key: value for key, value in after.items() if key in before} == before
    assert not any(after[key] for key in after.keys() - before.keys())
    assert_agrees(tree["site"])
