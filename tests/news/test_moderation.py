"""Teachers propose news through the admin; only the school editors publish them.

Everything goes through the real admin views: a teacher's submitted news item is not
on the site — page, listing, feeds, home cards, search — until an editor approves it.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import NewsPage
from teachers import permissions
from teachers.accounts import create_teacher
from tests.factories import ImageFactory, SubjectFactory
from tests.factories.news import NewsCategoryFactory, NewsPageFactory
from tests.factories.teachers import TeacherIndexPageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "pass-12345"
TITLE = "Кружок программирования набирает семиклассников"


@pytest.fixture
def people(home, news_index):
    TeacherIndexPageFactory(parent=home)
    SubjectFactory(name="Информатика", slug="informatika")
    permissions.setup_roles()
    teacher = create_teacher(
        "Смирнов Дмитрий Алексеевич", "smirnov@school.example", ["informatika"], password=PASSWORD
    )
    editor = get_user_model().objects.create_user("redaktor", "redaktor@school.example", PASSWORD)
    editor.groups.add(Group.objects.get(name=permissions.SCHOOL_EDITORS))
    return {"teacher": teacher.user, "editor": editor}


def proposal(action):
    data = nested_form_data(
        {
            "title": TITLE,
            "slug": "kruzhok-programmirovaniya",
            "date": "2026-12-01",
            "lead": "Занятия по вторникам, бесплатно.",
            "lead_image": ImageFactory(collection=permissions.shared_collection()).pk,
            "lead_image_alt": "Шестерёнки",
            "body": streamfield([]),
            "gallery": streamfield([]),
            "related_events": inline_formset([]),
            "related_teachers": inline_formset([]),
        }
    )
    data[action] = action
    return data


def visible_anywhere(client, news_index):
    """Where a visitor could meet the news item."""
    page = NewsPage.objects.get(slug="kruzhok-programmirovaniya")
    found = []
    checks = {
        "listing": news_index.url,
        "rss": "/novosti/rss/",
        "atom": "/novosti/atom/",
        "home": "/",
        "search": "/search/?query=программирования",
    }
    for name, url in checks.items():
        html = client.get(url).content.decode()
        # Search highlights the words of the title, so look for the link there.
        if TITLE in html or f'href="{page.url}"' in html:
            found.append(name)
    if client.get(page.url).status_code == 200:
        found.append("page")
    return found


def test_teacher_proposes_and_editor_approves(client, people, news_index):
    add_url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    client.force_login(people["teacher"])
    form = client.get(add_url)
    assert form.status_code == 200
    assert 'name="action-publish"' not in form.content.decode()
    assert 'name="action-submit"' in form.content.decode()

    # A forged publish is not honoured: the page is saved as a draft only.
    client.post(add_url, proposal("action-publish"))
    page = NewsPage.objects.get(slug="kruzhok-programmirovaniya")
    assert not page.live
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), proposal("action-submit"))
    state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert state.workflow.name == permissions.MODERATION_WORKFLOW

    client.logout()
    assert visible_anywhere(client, news_index) == []

    client.force_login(people["editor"])
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(approve, {"comment": ""}).status_code == 302
    client.logout()
    assert sorted(visible_anywhere(client, news_index)) == sorted(
        ["listing", "rss", "atom", "home", "search", "page"]
    )


def test_teacher_cannot_publish_or_unpublish_others_news(client, people, news_index):
    news = NewsPageFactory(parent=news_index, title="Новость редакции")
    news.save_revision().publish()
    client.force_login(people["teacher"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[news.pk])).content.decode()
    assert 'name="action-publish"' not in edit
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[news.pk]))
    assert response.status_code == 302
    news.refresh_from_db()
    assert news.live


def test_only_editors_keep_the_rubrics(client, people):
    category = NewsCategoryFactory(name="Спорт", slug="sport")
    url = reverse("wagtailsnippets_news_newscategory:edit", args=[category.pk])
    client.force_login(people["teacher"])
    assert client.get(url).status_code == 404  # not there for teachers (portal.access)
    client.force_login(people["editor"])
    assert client.get(url).status_code == 200
