import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from teachers import permissions
from tests.factories.appeals import AppealFormPageFactory

PASSWORD = "pass-12345"


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()


@pytest.fixture
def appeal_page(home):
    return AppealFormPageFactory(parent=home)


def member(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@school.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def staff(db):
    """A school editor, an administrator (group) and a teacher (every teacher's group)."""
    permissions.ensure_base_groups()
    return {
        "editor": member("redaktor", permissions.SCHOOL_EDITORS),
        "admin": member("direktor", permissions.ADMINISTRATORS),
        "teacher": member("uchitel", permissions.TEACHERS),
    }
