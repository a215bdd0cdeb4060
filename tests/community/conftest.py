import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from tests.factories.subjects import SubjectPageFactory, TopicPageFactory


def teacher_owning(page, username, django_user_model):
    """A teacher whose own group may edit ``page`` (and nothing else)."""
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@school.example", password="password"
    )
    group = Group.objects.create(name=f"Учитель: {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=page, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)
    return user


@pytest.fixture
def sections(home):
    return SubjectPageFactory(parent=home), SubjectPageFactory(parent=home)


@pytest.fixture
def topic(sections):
    return TopicPageFactory(parent=sections[0])


@pytest.fixture
def other_topic(sections):
    return TopicPageFactory(parent=sections[1])


@pytest.fixture
def teacher_a(sections, django_user_model):
    return teacher_owning(sections[0], "ivanova", django_user_model)


@pytest.fixture
def teacher_b(sections, django_user_model):
    return teacher_owning(sections[1], "petrov", django_user_model)
