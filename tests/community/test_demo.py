"""Demo questions: answered ones public, the pending one not, and orlova moderates them."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from community.models import PENDING, Message

pytestmark = pytest.mark.dated


def test_demo_questions(client, demo):
    assert Message.objects.filter(status=PENDING).count() == 1
    answered = Message.objects.exclude(answer="").select_related("page").first()
    body = client.get(answered.page.url).content.decode()
    assert answered.answer in body
    pending = Message.objects.select_related("page").get(status=PENDING)
    assert pending.text not in client.get(pending.page.url).content.decode()

    client.force_login(get_user_model().objects.get(username="orlova"))
    queue = client.get(reverse("community_message:index"), {"status": PENDING})
    assert pending.text[:40] in queue.content.decode()
