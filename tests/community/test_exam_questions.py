"""Questions on exam task pages reach the subject's teachers; the question form says
what is missing, marks its required fields and links the consent to the policy."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from community.models import Message
from subjects.models import SubjectTeacher
from tests.factories.exam_prep import (
    ExamPageFactory,
    ExamPrepIndexPageFactory,
    ExamTaskPageFactory,
)
from tests.factories.home import StandardPageFactory
from tests.factories.portal import SubjectFactory
from tests.factories.subjects import SubjectPageFactory

from .test_public_form import ask, form_data

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()


def subject_teacher(section, username, django_user_model):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@school.example", password="password"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    SubjectTeacher.objects.create(page=section, user=user)
    return user


@pytest.fixture
def maths(home):
    return SubjectFactory(name="Математика", slug="matematika")


@pytest.fixture
def task(home, maths):
    exam = ExamPageFactory(parent=ExamPrepIndexPageFactory(parent=home), subject=maths)
    return ExamTaskPageFactory(parent=exam, number=20)


@pytest.fixture
def teachers(home, maths, django_user_model):
    """Two maths teachers and a physics teacher, each in their subject section."""
    math_section = SubjectPageFactory(parent=home, subject=maths)
    physics_section = SubjectPageFactory(
        parent=home, subject=SubjectFactory(name="Физика", slug="fizika")
    )
    return {
        "orlova": subject_teacher(math_section, "orlova", django_user_model),
        "belov": subject_teacher(math_section, "belov", django_user_model),
        "fizik": subject_teacher(physics_section, "fizik", django_user_model),
    }


def test_question_on_an_exam_task_mails_the_subjects_teachers(
    client, task, teachers, django_capture_on_commit_callbacks
):
    # The letter is a background task queued after the commit (portal/background.py).
    with django_capture_on_commit_callbacks(execute=True):
        assert ask(client, task).status_code == 302
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["belov@school.example", "orlova@school.example"]
    assert "Как найти вероятность" in mail.outbox[0].body
    assert task.title in mail.outbox[0].subject


def test_the_subjects_teachers_moderate_the_question(client, task, teachers):
    ask(client, task)
    message = Message.objects.get()
    assert list(Message.objects.moderated_by(teachers["orlova"])) == [message]
    assert list(Message.objects.moderated_by(teachers["fizik"])) == []

    client.force_login(teachers["orlova"])
    edit = client.get(reverse("community_message:edit", args=[message.pk]))
    assert edit.status_code == 200
    client.force_login(teachers["fizik"])
    assert client.get(reverse("community_message:edit", args=[message.pk])).status_code == 404


def empty_submit(client, page):
    """What a visitor sends by pressing «Отправить» at once on an empty form."""
    url = reverse("community_ask", args=[page.pk])
    return client.post(url, form_data(author_name="", text="", consent="", started="now"))


def test_an_empty_submit_says_what_is_missing_not_too_fast(client, task):
    response = empty_submit(client, task)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Укажите, как к вам обращаться." in body
    assert "Напишите текст вопроса." in body
    assert "Без согласия на обработку данных" in body
    assert "слишком быстро" not in body
    assert Message.objects.count() == 0
    # The refused fields point screen readers at their messages.
    name_input = re.search(r'<input type="text" name="author_name"[^>]*>', body).group(0)
    assert 'aria-invalid="true"' in name_input
    assert 'aria-describedby="id_author_name-error"' in name_input
    assert 'id="id_author_name-error"' in body


def test_a_complete_form_sent_too_fast_is_still_refused(client, task):
    response = ask(client, task, started="now")
    assert response.status_code == 400
    assert "слишком быстро" in response.content.decode()
    assert Message.objects.count() == 0


def test_required_fields_are_marked(client, task):
    body = client.get(task.url).content.decode()
    assert "Поля со звёздочкой (*) обязательны." in body
    for name in ("author_name", "text", "consent"):
        field = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', body).group(0)
        assert " required" in field, field
    for name in ("author_role", "email"):
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', body).group(0)
        assert " required" not in field, field
    label = re.search(r'<label for="id_author_name">(.*?)</label>', body, re.S).group(1)
    assert 'class="required-mark"' in label
    optional = re.search(r'<label for="id_email">(.*?)</label>', body, re.S).group(1)
    assert "required-mark" not in optional


def test_consent_links_the_privacy_policy(client, site, home, task):
    policy = StandardPageFactory(parent=home, title="Политика", slug="politika")
    site["settings"].privacy_policy_page = policy
    site["settings"].save()
    for response in (client.get(task.url), empty_submit(client, task)):
        label = re.search(r'<label for="id_consent">(.*?)</label>', response.content.decode(), re.S)
        assert f'<a href="{policy.url}" class="consent-policy-link">' in label.group(1)
