"""Who may do what in the admin: the policy table, collection isolation, moderation.

Each cell is checked through the real admin view with the test client (HTTP status,
redirect to the login or to the dashboard) and against Wagtail's permission tester.
docs/permissions.md carries the same table for people.
"""

import pytest
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.test.utils.form_data import querydict_from_html

from teachers import permissions
from tests.factories.portal import DocumentFactory, ImageFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

ACTIONS = [
    "view",
    "add",
    "edit",
    "publish",
    "unpublish",
    "delete",
    "move",
    "copy",
    "revisions",
    "preview",
]

# One string per page: Y = allowed, . = refused, in the order of ACTIONS:
#                view add edit publish unpublish delete move copy revisions preview
OWN_PORTFOLIO = "YYYYY.YYYY"  # delete only with its children gone (no bulk delete)
OWN_LEAF = "Y.YYYYYYYY"  # posts and materials have no children
OWN_SECTION = "YYYYYYYYYY"
NOTHING = ".........."
ANCESTOR = "Y........."  # shown in the explorer on the way to own pages
PROPOSE = "YYY....YYY"  # school-wide: edit and submit, never publish/unpublish/delete/move

POLICY = {
    "admin": {
        "home": "YYYYYYYYYY",
        "about": "YYYYYYYYYY",
        "subjects_index": "YYYYYYYYYY",
        "section_a": "YYYYYYYYYY",
        "section_b": "YYYYYYYYYY",
        "teachers_index": "YYYYYYYYYY",
        "portfolio_a": "YYYYYYYYYY",
        "post_a": OWN_LEAF,
        "material_a": OWN_LEAF,
        "portfolio_b": "YYYYYYYYYY",
        "piggy_bank": "Y.YYYYYYYY",
    },
    "editor": {
        "home": "YYYYY.YYYY",  # no bulk delete; the move view opens but only root is above
        "about": "YYYYYYYYYY",
        "subjects_index": "YYYYY.YYYY",
        "section_a": "YYYYYYYYYY",
        "section_b": "YYYYYYYYYY",
        "teachers_index": "YYYYY.YYYY",
        "portfolio_a": OWN_PORTFOLIO,
        "post_a": OWN_LEAF,
        "material_a": OWN_LEAF,
        "portfolio_b": OWN_PORTFOLIO,
        "piggy_bank": "Y.YYYYYYYY",
    },
    "teacher_a": {
        "home": ANCESTOR,
        "about": PROPOSE,
        "subjects_index": ANCESTOR,
        "section_a": OWN_SECTION,
        "section_b": NOTHING,
        "teachers_index": ANCESTOR,
        "portfolio_a": OWN_PORTFOLIO,
        "post_a": OWN_LEAF,
        "material_a": OWN_LEAF,
        "portfolio_b": NOTHING,
        "piggy_bank": NOTHING,
    },
    "teacher_b": {
        "home": ANCESTOR,
        "about": PROPOSE,
        "subjects_index": ANCESTOR,
        "section_a": NOTHING,
        "section_b": OWN_SECTION,
        "teachers_index": ANCESTOR,
        "portfolio_a": NOTHING,
        "post_a": NOTHING,
        "material_a": NOTHING,
        "portfolio_b": OWN_PORTFOLIO,
        "piggy_bank": NOTHING,
    },
    "anonymous": dict.fromkeys(
        [
            *("home", "about", "subjects_index", "section_a", "section_b", "teachers_index"),
            *("portfolio_a", "post_a", "material_a", "portfolio_b", "piggy_bank"),
        ],
        NOTHING,
    ),
}


def school_pages(school):
    return {
        "home": school["home"],
        "about": school["about"],
        "subjects_index": school["subjects_index"],
        "section_a": school["a"]["section"],
        "section_b": school["b"]["section"],
        "teachers_index": school["teachers_index"],
        "portfolio_a": school["a"]["portfolio"],
        "post_a": school["a"]["post"],
        "material_a": school["a"]["material"],
        "portfolio_b": school["b"]["portfolio"],
        "piggy_bank": school["piggy_bank"],
    }


def role_user(school, role):
    return {
        "admin": school["admin"],
        "editor": school["editor"],
        "teacher_a": school["a"]["user"],
        "teacher_b": school["b"]["user"],
        "anonymous": None,
    }[role]


def explorable(user, page):
    return PagePermissionPolicy().explorable_instances(user).filter(pk=page.pk).exists()


def allowed(response, user, page=None):
    """200 = the view opened. Refused: a redirect to the login or the dashboard, or —
    for a page the user does not even see in the explorer — 404 (portal.access)."""
    if response.status_code == 200:
        return True
    if response.status_code == 404:
        assert user is not None
        assert page is not None
        assert not explorable(user, page), page
        return False
    assert response.status_code == 302, response.status_code
    location = response["Location"]
    if user is None:
        assert location.startswith(reverse("wagtailadmin_login")), location
    else:
        assert location == reverse("wagtailadmin_home"), location
    return False


def check(client, user, page, action):
    """Whether ``action`` on ``page`` is open to ``user``, through the admin itself."""
    pk = page.pk
    if action == "view":
        if user is None:
            return allowed(client.get(reverse("wagtailadmin_explore", args=[pk])), user)
        seen = explorable(user, page)
        if page.depth > 2:
            listing = client.get(reverse("wagtailadmin_explore", args=[page.get_parent().pk]))
            listed = listing.status_code == 200 and f'href="/admin/pages/{pk}/' in listing.text
            assert listed == seen, (page, listed, seen)
        return seen
    if action == "publish":
        response = client.get(reverse("wagtailadmin_pages:edit", args=[pk]))
        if not allowed(response, user, page):
            return False
        button = 'name="action-publish"' in response.text
        assert button == page.permissions_for_user(user).can_publish()
        return button
    if action == "revisions":
        revision = page.get_latest_revision()
        urls = [
            reverse("wagtailadmin_pages:history", args=[pk]),
            reverse("wagtailadmin_pages:revisions_view", args=[pk, revision.pk]),
        ]
        results = {allowed(client.get(url), user, page) for url in urls}
        assert len(results) == 1, (page, results)
        return results.pop()
    url = {
        "add": reverse("wagtailadmin_pages:add_subpage", args=[pk]),
        "edit": reverse("wagtailadmin_pages:edit", args=[pk]),
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=[pk]),
        "delete": reverse("wagtailadmin_pages:delete", args=[pk]),
        "move": reverse("wagtailadmin_pages:move", args=[pk]),
        "copy": reverse("wagtailadmin_pages:copy", args=[pk]),
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=[pk]),
    }[action]
    response = client.get(url)
    if (
        action == "add"
        and response.status_code == 302
        and "/admin/pages/add/" in response["Location"]
    ):
        # One allowed page type: the chooser forwards straight to that type's form.
        response = client.get(response["Location"])
    return allowed(response, user, page)


@pytest.mark.parametrize("role", list(POLICY))
def test_permission_matrix(client, school, role):
    user = role_user(school, role)
    if user is not None:
        client.force_login(user)
    pages = school_pages(school)
    for page in pages.values():
        if page.get_latest_revision() is None:
            page.save_revision()
    mismatches = []
    for key, expected in POLICY[role].items():
        page = Page.objects.get(pk=pages[key].pk).specific
        got = "".join("Y" if check(client, user, page, action) else "." for action in ACTIONS)
        if got != expected:
            mismatches.append(f"{key}: expected {expected}, got {got}")
    assert mismatches == []


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)


def test_teacher_a_cannot_post_changes_to_teacher_b(client, school):
    login(client, school["a"]["user"])
    portfolio_b = school["b"]["portfolio"]
    for name in ("edit", "delete", "unpublish"):
        response = client.post(
            reverse(f"wagtailadmin_pages:{name}", args=[portfolio_b.pk]), {"title": "Взлом"}
        )
        assert response.status_code == 404  # not in A's explorer: not there for A
    portfolio_b.refresh_from_db()
    assert portfolio_b.live
    assert portfolio_b.title == "Петров Олег Ильич"


def edit_form(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    data = querydict_from_html(response.text, form_id="page-edit-form").copy()
    # StreamFields are drawn by JavaScript; an empty one posts just its count.
    for name in ("body",):
        if hasattr(page.specific, name) and f"{name}-count" not in data:
            data[f"{name}-count"] = "0"
    return data


def test_teacher_publishes_own_portfolio_directly(client, school):
    login(client, school["a"]["user"])
    portfolio = school["a"]["portfolio"]
    data = edit_form(client, portfolio)
    data["position"] = "Учитель математики высшей категории"
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[portfolio.pk]), data)
    assert response.status_code == 302
    portfolio.refresh_from_db()
    assert portfolio.specific.position == "Учитель математики высшей категории"
    assert not WorkflowState.objects.filter(object_id=str(portfolio.pk)).exists()
    assert client.get(portfolio.url).status_code == 200


def test_teacher_edit_of_school_page_goes_to_moderation(client, school):
    about = school["about"]
    login(client, school["a"]["user"])
    data = edit_form(client, about)
    assert (
        "action-publish" not in client.get(reverse("wagtailadmin_pages:edit", args=[about.pk])).text
    )
    data["introduction"] = "Новый текст от учителя"
    data["action-publish"] = "action-publish"  # a forged publish is not honoured
    client.post(reverse("wagtailadmin_pages:edit", args=[about.pk]), data)
    about.refresh_from_db()
    assert about.specific.introduction != "Новый текст от учителя"
    assert not WorkflowState.objects.filter(object_id=str(about.pk)).exists()

    del data["action-publish"]
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[about.pk]), data)
    assert response.status_code == 302
    about.refresh_from_db()
    assert about.specific.introduction != "Новый текст от учителя"  # live content unchanged
    assert about.has_unpublished_changes

    state = WorkflowState.objects.get(
        object_id=str(about.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.workflow.name == permissions.MODERATION_WORKFLOW
    task = state.current_task_state.task.specific
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [permissions.SCHOOL_EDITORS]
    editor = school["editor"]
    assert "approve" in [name for name, *_ in task.get_actions(about, editor)]
    assert task.get_actions(about, school["b"]["user"]) == []

    # The editor approves in the admin; the change goes live.
    client.force_login(editor)
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[about.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(approve, {"comment": ""}).status_code == 302
    about.refresh_from_db()
    assert about.specific.introduction == "Новый текст от учителя"


def test_teachers_own_sections_are_not_moderated(school):
    for page in (school["a"]["portfolio"], school["a"]["post"], school["a"]["section"]):
        assert page.get_workflow().name == permissions.DIRECT_WORKFLOW
        assert not page.get_workflow().tasks.exists()
    assert school["about"].get_workflow().name == permissions.MODERATION_WORKFLOW
    assert school["piggy_bank"].get_workflow().name == permissions.MODERATION_WORKFLOW


@pytest.mark.parametrize(
    ("factory", "chooser", "index"),
    [
        (ImageFactory, "wagtailimages_chooser:choose", "wagtailimages:index"),
        (DocumentFactory, "wagtaildocs_chooser:choose", "wagtaildocs:index"),
    ],
)
def test_choosers_show_only_own_and_shared_collections(client, school, factory, chooser, index):
    own = factory(title="Файл учителя А", collection=school["a"]["teacher"].collection)
    other = factory(title="Файл учителя Б", collection=school["b"]["teacher"].collection)
    shared = factory(title="Общий герб школы", collection=permissions.shared_collection())
    login(client, school["a"]["user"])
    for url in (reverse(chooser), reverse(chooser) + "?q=Файл"):
        html = client.get(url).json()["html"]
        assert own.title in html
        assert other.title not in html
        if "?q" not in url:
            assert shared.title in html
    assert other.title not in client.get(reverse(index)).text
    edit_name = index.replace(":index", ":edit")
    assert client.get(reverse(edit_name, args=[other.pk])).status_code == 404
    # A shared file is chosen, not managed: its edit view is not there for a teacher.
    assert client.get(reverse(edit_name, args=[shared.pk])).status_code == 404
    assert client.get(reverse(edit_name, args=[own.pk])).status_code == 200


def test_teachers_may_start_translations_of_their_own_pages_only(client, school):
    """wagtail-localize's "Translate this page" asks for its global ``submit_translation``
    right (every role has it); the page itself stays under the page rights."""
    url = reverse("wagtail_localize:submit_page_translation", args=[school["a"]["section"].pk])
    login(client, school["a"]["user"])
    assert client.get(url).status_code == 200
    login(client, school["b"]["user"])
    assert client.get(url).status_code == 404
    # A school-wide page she only proposes edits to: turning its English alias into a
    # live translation would skip the review (portal.access: publish needed).
    login(client, school["a"]["user"])
    about = reverse("wagtail_localize:submit_page_translation", args=[school["about"].pk])
    assert client.get(about).status_code == 404
