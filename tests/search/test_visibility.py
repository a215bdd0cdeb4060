"""Only live, public pages of the visitor's locale are ever returned: in results, in
filter counts, in autocomplete, in promotions and in "did you mean" suggestions."""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories.search import english, published_then_unpublished, restricted, text_page

from .helpers import titles

HIDDEN = [
    "Олимпиада черновик",
    "Олимпиада снятая с публикации",
    "Олимпиада под паролем",
    "Олимпиада для вошедших",
    "Олимпиада для группы",
    "Олимпиада внутри закрытого раздела",
    "Олимпиада английская",
]


@pytest.fixture
def world(site):
    home, home_en = site["home"], site["home_en"]
    visible = text_page(home, "Олимпиада открытая", introduction="Олимпиада для всех.")
    text_page(home, "Олимпиада черновик", live=False)
    published_then_unpublished(home, "Олимпиада снятая с публикации")
    restricted(text_page(home, "Олимпиада под паролем"), "password")
    restricted(text_page(home, "Олимпиада для вошедших"), "login")
    teachers = Group.objects.create(name="Учителя")
    restricted(text_page(home, "Олимпиада для группы"), "groups", groups=[teachers])
    private_section = text_page(home, "Закрытый раздел")
    restricted(private_section, "login")
    text_page(private_section, "Олимпиада внутри закрытого раздела")
    # Russian words on an English page: the Russian search must still not show it.
    english(home_en, "Олимпиада английская", introduction="Олимпиада по-английски.")
    return {"visible": visible}


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["олимпиада", "олимпиадой", "олимпиада для"])
def test_results_and_counts_show_only_visible_pages(search, world, query):
    response = search(query)
    assert titles(response) == ["Олимпиада открытая"]
    assert response.context["paginator"].count == 1
    facets = response.context["facets"]
    assert [(choice.value, choice.count) for choice in facets.sections] == [("pages", 1)]
    html = response.content.decode()
    for title in HIDDEN:
        assert title not in html


@pytest.mark.django_db
def test_a_section_filter_does_not_reveal_hidden_pages(search, world):
    response = search("олимпиада", section="pages")
    assert titles(response) == ["Олимпиада открытая"]


@pytest.mark.django_db
def test_autocomplete_suggests_only_visible_pages(suggest, world):
    assert suggest("олимп") == ["Олимпиада открытая"]
    assert suggest("Олимпиада под") == []
    assert suggest("закрыт") == []


@pytest.mark.django_db
def test_english_search_sees_only_english_pages(search, suggest, world):
    response = search("олимпиада", prefix="/en")
    assert titles(response) == ["Олимпиада английская"]
    assert suggest("олимп", prefix="/en") == ["Олимпиада английская"]


@pytest.mark.django_db
def test_a_logged_in_teacher_still_gets_only_public_pages(client, django_user_model, world):
    # Search results are the public site: a restriction the visitor could pass still
    # keeps the page out of the (cacheable, shared) results.
    user = django_user_model.objects.create_user("teacher", password="x")
    user.groups.add(Group.objects.get(name="Учителя"))
    client.force_login(user)
    response = client.get("/search/", {"query": "олимпиада"})
    assert titles(response) == ["Олимпиада открытая"]


@pytest.mark.django_db
def test_promotions_of_hidden_pages_are_not_shown(search, world):
    query = Query.get("олимпиада")
    private = world["visible"].get_siblings().get(title="Олимпиада под паролем")
    SearchPromotion.objects.create(query=query, page=private, sort_order=0)
    SearchPromotion.objects.create(query=query, page=world["visible"], sort_order=1)
    promotions = search("олимпиада").context["promotions"]
    assert [promotion["title"] for promotion in promotions] == ["Олимпиада открытая"]


@pytest.mark.django_db
def test_did_you_mean_suggests_only_visible_pages(search, world):
    response = search("олимпеада")  # typo: nothing found, similar titles offered
    assert response.context["paginator"].count == 0
    similar = [page.title for page, _url in response.context["similar_pages"]]
    assert similar == ["Олимпиада открытая"]


@pytest.mark.django_db
def test_unpublishing_removes_a_page_from_search(search, suggest, world):
    world["visible"].unpublish()
    assert titles(search("олимпиада")) == []
    assert suggest("олимп") == []
    world["visible"].save_revision().publish()
    assert titles(search("олимпиада")) == ["Олимпиада открытая"]
