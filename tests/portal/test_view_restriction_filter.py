"""``portal.queries.not_view_restricted()`` keeps exactly the pages Wagtail's
``public()`` keeps, on the page's own table, on a specific page type (the path on the
parent table) and inside subqueries, where the ORM renames the tables."""

import pytest
from django.db.models import Exists, OuterRef
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from portal.queries import not_view_restricted
from tests.factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home):
    """Public and restricted sections, each with a child and a grandchild."""
    pages = {}
    for name in ("open", "password", "login", "groups"):
        section = StandardPageFactory(parent=home, title=f"Раздел {name}", slug=name)
        child = StandardPageFactory(parent=section, title=f"Страница {name}")
        grandchild = StandardPageFactory(parent=child, title=f"Подстраница {name}")
        pages[name] = (section, child, grandchild)
    PageViewRestriction.objects.create(
        page=pages["password"][0], restriction_type="password", password="секрет"
    )
    PageViewRestriction.objects.create(page=pages["login"][1], restriction_type="login")
    PageViewRestriction.objects.create(page=pages["groups"][2], restriction_type="groups")
    return pages


def ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def test_the_same_pages_as_wagtails_public(tree):
    public = ids(Page.objects.public())
    assert ids(Page.objects.filter(not_view_restricted())) == public
    hidden = {page.pk for page in (*tree["password"], *tree["login"][1:], tree["groups"][2])}
    assert len(hidden) == 6
    assert not hidden & public
    assert {page.pk for page in tree["open"]} <= public


def test_on_a_specific_page_type(tree):
    assert ids(StandardPage.objects.filter(not_view_restricted())) == ids(
        StandardPage.objects.public()
    )


def test_inside_subqueries(tree):
    """As an ``IN`` subquery and correlated in ``EXISTS``: the condition follows the
    renamed tables, it does not fall back to the outer query's."""
    public = ids(Page.objects.public())
    visible = StandardPage.objects.filter(not_view_restricted()).values("pk")
    assert ids(Page.objects.filter(pk__in=visible)) == ids(StandardPage.objects.public())
    correlated = Page.objects.filter(not_view_restricted(), pk=OuterRef("pk"))
    assert ids(Page.objects.filter(Exists(correlated))) == public
    assert ids(Page.objects.exclude(Exists(correlated))) == ids(Page.objects.all()) - public
    # Pages with a public child: the login section is public, its only child is not.
    public_child = Page.objects.filter(
        not_view_restricted(), path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1
    )
    with_public_child = ids(Page.objects.filter(Exists(public_child)))
    assert tree["open"][0].pk in with_public_child
    assert tree["login"][0].pk not in with_public_child
    assert tree["groups"][0].pk in with_public_child  # only the grandchild is restricted
    assert tree["groups"][1].pk not in with_public_child
