"""The translation editor says when the source page changed after the last sync
(portal.localize_status: wagtail-localize 1.x marks nothing by itself)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from portal.translation import translate_page
from tests.factories.subjects import SubjectIndexPageFactory, SubjectPageFactory, TopicPageFactory

pytestmark = pytest.mark.django_db

CHANGED = "Страница на исходном языке (Русский) изменилась после последней синхронизации"


def editor_messages(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_editor_says_the_source_changed_until_synced(client, site, admin_user):
    maths = SubjectPageFactory(parent=SubjectIndexPageFactory(parent=site["home"]))
    topic = TopicPageFactory(parent=maths, title="Условная вероятность")
    topic.save_revision().publish()
    english, _untranslated = translate_page(
        topic, Locale.objects.get(language_code="en"), {"title": "Conditional probability"}
    )
    client.force_login(admin_user)
    assert not any(CHANGED in message for message in editor_messages(client, english))

    topic.summary = "Новое краткое описание."
    topic.save_revision().publish()
    assert any(CHANGED in message for message in editor_messages(client, english))
    # The Russian page itself is no translation: nothing to say there.
    assert not any(CHANGED in message for message in editor_messages(client, topic))

    TranslationSource.objects.get_for_instance(topic).update_from_db()  # "Sync"
    assert not any(CHANGED in message for message in editor_messages(client, english))
