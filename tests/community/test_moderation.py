"""Moderation in the admin: each teacher sees and acts on their own queue only."""

import pytest
from django.urls import reverse

from community.models import PENDING, PUBLISHED, Message
from tests.factories.community import MessageFactory
from tests.utils import assert_sent_to_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def queues(topic, other_topic):
    mine = MessageFactory(page=topic, text="Вопрос к Ивановой", status=PENDING)
    theirs = MessageFactory(page=other_topic, text="Вопрос к Петрову", status=PENDING)
    return mine, theirs


def test_teacher_sees_only_own_queue(client, teacher_a, teacher_b, queues):
    client.force_login(teacher_a)
    body = client.get(reverse("community_message:index")).content.decode()
    assert "Вопрос к Ивановой" in body
    assert "Вопрос к Петрову" not in body
    filtered = client.get(reverse("community_message:index"), {"status": "published"})
    assert "Вопрос к Ивановой" not in filtered.content.decode()


def test_teacher_answers_and_publishes(client, teacher_a, queues, topic):
    mine, _ = queues
    client.force_login(teacher_a)
    mine.text = (
        "Вопрос к Ивановой: в задаче 5 события зависимы или нет? Мы решали двумя способами, "
        "и ответы вышли разные — 0,25 и 0,3."
    )
    mine.save()
    url = reverse("community_message:edit", args=[mine.pk])
    screen = client.get(url)
    assert screen.status_code == 200
    # The answer screen shows the whole message and links to the page it was left on.
    html = screen.content.decode()
    assert "и ответы вышли разные — 0,25 и 0,3." in html  # past the title's 60 characters
    assert f'href="{mine.page.url}"' in html
    response = client.post(
        url, {"status": PUBLISHED, "answer": "Перемножьте вероятности.", "allow_links": ""}
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    assert (mine.status, mine.answered_by, mine.answered_at is not None) == (
        PUBLISHED,
        teacher_a,
        True,
    )
    assert "Перемножьте вероятности." in client.get(topic.url).content.decode()


def test_teacher_cannot_see_or_act_on_another_queue(client, teacher_a, teacher_b, queues):
    _, theirs = queues
    client.force_login(teacher_a)
    edit = reverse("community_message:edit", args=[theirs.pk])
    delete = reverse("community_message:delete", args=[theirs.pk])
    assert client.get(edit).status_code == 404
    response = client.post(edit, {"status": PUBLISHED, "answer": "Чужой ответ"})
    assert response.status_code == 404
    assert client.get(delete).status_code == 404
    assert client.post(delete).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.status, theirs.answer) == (PENDING, "")
    assert Message.objects.filter(pk=theirs.pk).exists()


def test_dashboard_counts_own_pending(client, teacher_a, teacher_b, queues, topic):
    MessageFactory(page=topic, status=PENDING)
    MessageFactory(page=topic, status=PUBLISHED)
    client.force_login(teacher_a)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ждут модерации: 2." in body


def test_visitor_without_rights_is_refused(client, django_user_model, queues):
    user = django_user_model.objects.create_user(username="student", password="password")
    client.force_login(user)
    assert_sent_to_login(client.get(reverse("community_message:index")))
