"""The public form: spam refused and not stored, honest visitors lose nothing."""

import time

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import PageViewRestriction

from community.forms import TOKEN_SALT
from community.models import PENDING, PUBLISHED, Message
from tests.factories.community import MessageFactory
from tests.factories.home import StandardPageFactory
from tests.utils import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.dated]


@pytest.fixture(autouse=True)
def clear_rate_limit():
    cache.clear()


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=TOKEN_SALT)


def form_data(**overrides):
    data = {
        "author_name": "Маша",
        "author_role": "9А",
        "email": "masha@example.ru",
        "text": "Как найти вероятность двух событий сразу?",
        "consent": "on",
        "website": "",
        "started": started(),
    }
    data.update(overrides)
    if data["started"] == "now":
        data["started"] = started(seconds_ago=0)
    return data


def ask(client, page, remote_addr="127.0.0.1", **overrides):
    url = reverse("community_ask", args=[page.pk])
    return client.post(url, form_data(**overrides), REMOTE_ADDR=remote_addr)


def test_honest_question_is_stored_pending_and_owner_notified(
    client, topic, teacher_a, django_capture_on_commit_callbacks
):
    # The letter is a background task, queued once the message is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, topic)
    assert response.status_code == 302
    assert response["Location"] == topic.url + "?sent=1#community"
    message = Message.objects.get()
    assert (message.status, message.page_id, message.kind) == (PENDING, topic.pk, "question")
    assert [m.to for m in mail.outbox] == [["ivanova@school.example"]]
    assert "Как найти вероятность" in mail.outbox[0].body

    page = client.get(response["Location"])
    assert "Спасибо, вопрос отправлен на модерацию." in page.content.decode()
    # Pending is never public.
    assert "Как найти вероятность" not in page.content.decode()


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"website": "http://spam.example"}, "похоже на спам"),
        ({"started": "now"}, "слишком быстро"),
        ({"started": "forged"}, "Форма устарела"),
        ({"consent": ""}, "Без согласия"),
        ({"text": "Очень длинный вопрос. " * 200}, "2000"),
        ({"author_name": ""}, "как к вам обращаться"),
        # A NUL byte in the body is the form's business (the address guard leaves it).
        ({"text": "Вопрос про\x00 вероятность. Ещё"}, "запрещённый символ"),
    ],
)
def test_refusals_store_nothing_and_keep_the_text(client, topic, overrides, error):
    response = ask(client, topic, **overrides)
    assert response.status_code == 400
    body = response.content.decode()
    assert error in body
    assert Message.objects.count() == 0
    assert mail.outbox == []
    text = form_data(**overrides)["text"]
    if text:
        assert text.strip().split(".")[0] in body  # what the visitor typed is still there


def test_rate_limit_per_ip(client, topic):
    for _ in range(5):
        assert ask(client, topic).status_code == 302
    response = ask(client, topic, text="Шестой вопрос подряд")
    assert response.status_code == 429
    assert "Слишком много сообщений" in response.content.decode()
    assert "Шестой вопрос подряд" in response.content.decode()
    assert Message.objects.count() == 5
    # Another address is not limited.
    assert ask(client, topic, remote_addr="10.0.0.9").status_code == 302


def test_html_is_escaped_and_links_only_when_allowed(client, topic):
    MessageFactory(page=topic, text="<script>alert(1)</script> см. https://example.com/x")
    MessageFactory(page=topic, text="Ссылка https://ege.example/t", allow_links=True)
    body = client.get(topic.url).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert 'href="https://example.com/x"' not in body
    assert 'href="https://ege.example/t" rel="nofollow ugc noopener"' in body


def test_only_published_shown_newest_first_paginated(client, topic):
    MessageFactory(page=topic, text="Отклонённый", status="rejected")
    MessageFactory(page=topic, text="Ждущий", status=PENDING)
    for number in range(12):
        MessageFactory(page=topic, text=f"Вопрос номер {number:02d}", status=PUBLISHED)
    body = client.get(topic.url).content.decode()
    assert "Отклонённый" not in body
    assert "Ждущий" not in body
    assert body.index("Вопрос номер 11") < body.index("Вопрос номер 02")
    assert "Вопрос номер 01" not in body
    second = client.get(topic.url, {"qpage": 2}).content.decode()
    assert "Вопрос номер 01" in second
    assert "Вопрос номер 11" not in second
    assert client.get(topic.url, {"qpage": "abc"}).status_code == 200


def test_answer_shown_with_teacher_name(client, topic, teacher_a):
    teacher_a.first_name, teacher_a.last_name = "Анна", "Иванова"
    teacher_a.save()
    MessageFactory(page=topic, answer="Сложите вероятности.", answered_by=teacher_a)
    body = client.get(topic.url).content.decode()
    assert "Отвечает Анна Иванова" in body
    assert "Сложите вероятности." in body


def test_no_form_on_pages_that_do_not_opt_in(client, home):
    page = StandardPageFactory(parent=home)
    assert "community-form" not in client.get(page.url).content.decode()
    assert ask(client, page).status_code == 404


def test_unpublished_and_private_pages_are_404(client, topic, other_topic):
    topic.unpublish()
    assert ask(client, topic).status_code == 404
    PageViewRestriction.objects.create(page=other_topic, restriction_type="login")
    assert ask(client, other_topic).status_code == 404
    assert Message.objects.count() == 0


def test_get_redirects_to_the_page(client, topic):
    response = client.get(reverse("community_ask", args=[topic.pk]))
    assert response.status_code == 302
    assert response["Location"] == topic.url


def test_query_count_flat(client, topic):
    MessageFactory.create_batch(5, page=topic)
    small = count_queries(client, topic.url)
    MessageFactory.create_batch(45, page=topic)
    large = count_queries(client, topic.url)
    assert small == large
    assert large <= 30
