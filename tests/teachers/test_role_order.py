"""Finding 15: role rights do not depend on the order sections and roles were created in.

``setup_roles`` used to grant rights only on pages that existed when it ran, so the
events index the demo builds after the teachers app was closed to every teacher.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, WorkflowPage

from events.models import EventIndexPage
from portal.translation import translate_page
from teachers import permissions
from tests.factories.events import EventIndexPageFactory
from tests.factories.home import HomePageFactory

pytestmark = pytest.mark.django_db


def teacher(username="uchitel"):
    user = get_user_model().objects.create_user(username, f"{username}@school.example", "x")
    user.groups.add(Group.objects.get(name=permissions.TEACHERS))
    return user


def test_a_section_created_after_the_roles_is_open_to_teachers_for_proposals(home):
    permissions.setup_roles()
    events = EventIndexPageFactory(parent=home)
    events_en, _untranslated = translate_page(events, home.get_translations().get().locale, {})

    user = teacher()
    for page in (events, events_en):
        perms = page.permissions_for_user(user)
        assert perms.can_add_subpage(), page
        assert perms.can_edit(), page
        assert not perms.can_publish(), page
    # … and what teachers propose there is moderated, by the home page's workflow.
    assert events.get_workflow().name == permissions.MODERATION_WORKFLOW


def test_a_home_page_created_after_the_roles_gets_editors_and_moderation(site):
    permissions.setup_roles()
    root = site["home"].get_parent()
    second_home = HomePageFactory(parent=root, title="Филиал", slug="filial")
    editors = Group.objects.get(name=permissions.SCHOOL_EDITORS)
    assert GroupPagePermission.objects.filter(group=editors, page=second_home).count() == len(
        permissions.EDITOR_PAGE_ACTIONS
    )
    assert WorkflowPage.objects.get(page=second_home).workflow.name == (
        permissions.MODERATION_WORKFLOW
    )


def test_sections_created_before_the_roles_still_get_them_and_rerunning_changes_nothing(home):
    events = EventIndexPageFactory(parent=home)
    permissions.setup_roles()
    user = teacher()
    assert events.permissions_for_user(user).can_add_subpage()
    count = GroupPagePermission.objects.count()
    permissions.setup_roles()
    EventIndexPage.objects.get(pk=events.pk).save()
    assert GroupPagePermission.objects.count() == count


def test_nothing_is_granted_before_the_roles_exist(home):
    events = EventIndexPageFactory(parent=home)
    assert permissions.existing_role_groups() is None
    assert not Group.objects.filter(name=permissions.TEACHERS).exists()
    assert not GroupPagePermission.objects.filter(page=events).exists()
