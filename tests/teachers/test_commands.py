"""`create_teacher` and `setup_roles`: what they create, what they print, what they refuse."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    WorkflowPage,
)

from teachers import permissions
from teachers.models import TeacherPage

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def counts():
    return (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        WorkflowPage.objects.count(),
        Collection.objects.count(),
    )


def test_create_teacher_creates_everything_and_says_so(school):
    output = run(
        "create_teacher",
        "--name",
        "Сидорова  Анна Викторовна",
        "--email",
        "Sidorova@School.example",
        "--subjects",
        "matematika,fizika",
        "--position",
        "Учитель математики и физики",
    )
    user = get_user_model().objects.get(email="sidorova@school.example")
    assert (user.username, user.last_name, user.first_name) == (
        "sidorova",
        "Сидорова",
        "Анна Викторовна",
    )
    password = output.split("Пароль: ")[1].split()[0]
    assert user.check_password(password)
    assert "Учитель создан." in output

    page = TeacherPage.objects.get(user=user)
    assert not page.live
    assert page.get_parent().specific == school["teachers_index"]
    assert {subject.slug for subject in page.subjects.all()} == {"matematika", "fizika"}
    group = Group.objects.get(name="Учитель: Сидорова Анна Викторовна (sidorova)")
    assert set(user.groups.values_list("name", flat=True)) == {group.name, permissions.TEACHERS}
    assert group.name in output
    granted = set(GroupPagePermission.objects.filter(group=group).values_list("page", flat=True))
    assert granted == {page.pk, school["a"]["section"].pk, school["b"]["section"].pk}
    collection = Collection.objects.get(name="Сидорова Анна Викторовна (sidorova)")
    assert collection.get_parent().name == permissions.TEACHERS_COLLECTION
    assert collection.name in output
    assert "Математика, Физика" in output


def test_given_password_is_used(school):
    run(
        "create_teacher",
        "--name",
        "Сидорова Анна",
        "--email",
        "s@school.example",
        "--subjects",
        "fizika",
        "--password",
        "Secret-2026",
    )
    assert get_user_model().objects.get(email="s@school.example").check_password("Secret-2026")


@pytest.mark.parametrize(
    ("name", "email", "subjects", "message"),
    [
        (
            "Сидорова Анна",
            "s@school.example",
            "matematika,astronomiya",
            "Неизвестные предметы: astronomiya",
        ),
        (
            "Сидорова Анна",
            "teacher_a@school.example",
            "fizika",
            "e-mail teacher_a@school.example уже есть",
        ),
        ("Сидорова Анна", "TEACHER_A@school.example", "fizika", "уже есть"),
        ("Сидорова Анна", "not-an-email", "fizika", "Неверный e-mail"),
        ("Сидорова", "s@school.example", "fizika", "Укажите фамилию и имя"),
        ("Сидорова Анна", "s@school.example", " , ", "хотя бы один предмет"),
        ("Сидорова Анна", "direktor@other.example", "fizika", "Логин direktor уже занят"),
    ],
)
def test_create_teacher_refuses_bad_input_and_changes_nothing(
    school, name, email, subjects, message
):
    before = (counts(), get_user_model().objects.count(), TeacherPage.objects.count())
    with pytest.raises(CommandError, match=message):
        run("create_teacher", "--name", name, "--email", email, "--subjects", subjects)
    assert (counts(), get_user_model().objects.count(), TeacherPage.objects.count()) == before


def test_create_teacher_exits_non_zero_from_the_shell(school, capsys):
    from django.core.management import ManagementUtility

    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(
            [
                "manage.py",
                "create_teacher",
                "--name",
                "А Б",
                "--email",
                "x@y.example",
                "--subjects",
                "nope",
            ]
        ).execute()
    assert exit_info.value.code != 0
    assert "Неизвестные предметы: nope" in capsys.readouterr().err


def test_create_teacher_without_teachers_index_is_refused(site):
    from tests.factories.portal import SubjectFactory

    SubjectFactory(slug="matematika")
    with pytest.raises(CommandError, match="Нет страницы «Учителя»"):
        run("create_teacher", "--name", "А Б", "--email", "x@y.example", "--subjects", "matematika")


def test_setup_roles_is_idempotent(school):
    first = counts()
    output = run("setup_roles")
    assert counts() == first
    run("setup_roles")
    assert counts() == first
    assert "Группа «Редакторы школы»" in output
    assert f"Процесс «{permissions.MODERATION_WORKFLOW}» → Школа № 7" in output


def test_administrators_create_a_teacher_in_the_admin(client, school):
    client.force_login(school["admin"])
    url = "/admin/teachers/create/"
    assert url in client.get("/admin/").text
    response = client.post(
        url,
        {
            "name": "Сидорова Анна",
            "email": "teacher_a@school.example",
            "subjects": [school["math"].pk],
        },
    )
    assert response.status_code == 200
    assert "уже есть" in response.text
    response = client.post(
        url,
        {
            "name": "Сидорова Анна",
            "email": "sidorova@school.example",
            "subjects": [school["math"].pk],
        },
    )
    page = TeacherPage.objects.get(user__email="sidorova@school.example")
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"


def test_teachers_and_editors_cannot_open_the_teacher_form(client, school):
    for user in (school["a"]["user"], school["editor"]):
        client.force_login(user)
        assert client.get("/admin/teachers/create/").status_code == 302
        assert "/admin/teachers/create/" not in client.get("/admin/").text


def test_the_admin_form_alone_sets_up_a_teacher_on_a_fresh_site(client, site):
    """No command before or after: roles, rights and portfolio come from the form, and
    the message gives the portfolio's public address; a section created later for the
    teacher's subject is theirs at once."""
    from django.contrib.auth.models import Permission
    from django.contrib.messages import get_messages

    from tests.factories.portal import SubjectFactory
    from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory
    from tests.factories.teachers import TeacherIndexPageFactory

    home = site["home"]
    TeacherIndexPageFactory(parent=home)
    chemistry = SubjectFactory(name="Химия", slug="himiya")
    admin = get_user_model().objects.create_user("direktor", "direktor@school.example", "x")
    admin.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_user"),
    )
    assert permissions.existing_role_groups() is None
    client.force_login(admin)
    response = client.post(
        "/admin/teachers/create/",
        {
            "name": "Орлова Нина Сергеевна",
            "email": "orlova@school.example",
            "subjects": [chemistry.pk],
        },
    )
    page = TeacherPage.objects.get(user__email="orlova@school.example")
    assert permissions.existing_role_groups() is not None
    text = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert f"Адрес на сайте после публикации: {page.get_full_url()}" in text
    assert page.get_full_url().endswith("/orlova/")

    section = SubjectPageFactory(parent=SubjectIndexPageFactory(parent=home), subject=chemistry)
    teacher = page.user
    assert section.permissions_for_user(teacher).can_add_subpage()
    assert section.permissions_for_user(teacher).can_edit()
    other = SubjectPageFactory(parent=section.get_parent(), subject=SubjectFactory(slug="fizika"))
    assert not other.permissions_for_user(teacher).can_edit()
