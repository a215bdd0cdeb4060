"""A small school for the teachers' tests: sections, two teachers, roles and rights."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from teachers import permissions
from teachers.accounts import create_teacher
from tests.factories.home import StandardPageFactory
from tests.factories.portal import SubjectFactory
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory
from tests.factories.teachers import (
    MaterialIndexPageFactory,
    MethodMaterialPageFactory,
    TeacherIndexPageFactory,
    TeacherPostPageFactory,
)

PASSWORD = "pass-12345"


def publish(page, user=None):
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


def make_user(username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@school.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def school(site):
    """Home, «О школе», math and physics sections, teachers A (math) and B (physics)."""
    home = site["home"]
    math = SubjectFactory(name="Математика", slug="matematika")
    physics = SubjectFactory(name="Физика", slug="fizika")
    about = StandardPageFactory(parent=home, title="О школе", slug="o-shkole")
    subjects_index = SubjectIndexPageFactory(parent=home)
    math_section = SubjectPageFactory(parent=subjects_index, subject=math)
    physics_section = SubjectPageFactory(parent=subjects_index, subject=physics)
    teachers_index = TeacherIndexPageFactory(parent=home)
    piggy_bank = MaterialIndexPageFactory(parent=home)
    permissions.setup_roles()

    created = {}
    for key, name, slug in (
        ("a", "Иванова Мария Петровна", "matematika"),
        ("b", "Петров Олег Ильич", "fizika"),
    ):
        teacher = create_teacher(name, f"teacher_{key}@school.example", [slug], password=PASSWORD)
        portfolio = publish(teacher.page, teacher.user)
        subject = math if key == "a" else physics
        post = TeacherPostPageFactory(parent=portfolio, owner=teacher.user)
        material = MethodMaterialPageFactory(parent=portfolio, subject=subject, owner=teacher.user)
        created[key] = {
            "user": teacher.user,
            "teacher": teacher,
            "portfolio": portfolio,
            "post": post,
            "material": material,
            "section": math_section if key == "a" else physics_section,
        }
    return {
        **site,
        "about": about,
        "subjects_index": subjects_index,
        "teachers_index": teachers_index,
        "piggy_bank": piggy_bank,
        "math": math,
        "physics": physics,
        "a": created["a"],
        "b": created["b"],
        "admin": make_user("direktor", permissions.ADMINISTRATORS),
        "editor": make_user("redaktor", permissions.SCHOOL_EDITORS),
    }
