import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from teachers.permissions import TEACHERS, setup_roles
from tests.factories.works import ConsentFactory, StudentWorkIndexPageFactory


@pytest.fixture
def works_index(home):
    return StudentWorkIndexPageFactory(parent=home)


def make_teacher(username, django_user_model, pages=()):
    """A teacher in «Учителя» (own consents) with add/change/publish on ``pages``."""
    groups = setup_roles()
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@school.example", password="password"
    )
    user.groups.add(groups[TEACHERS])
    own = Group.objects.create(name=f"Учитель: {username}")
    for page in pages:
        for codename in ("add_page", "change_page", "publish_page"):
            GroupPagePermission.objects.create(
                group=own, page=page, permission=Permission.objects.get(codename=codename)
            )
    user.groups.add(own)
    return user


@pytest.fixture
def teacher_a(works_index, django_user_model):
    return make_teacher("ivanova", django_user_model, pages=[works_index])


@pytest.fixture
def teacher_b(works_index, django_user_model):
    return make_teacher("petrov", django_user_model, pages=[works_index])


@pytest.fixture
def consent(teacher_a):
    return ConsentFactory(created_by=teacher_a)
