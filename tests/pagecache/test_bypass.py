"""What the page cache never keeps or serves: signed-in users, previews, restricted
pages, forms with a CSRF token, a visitor's poll state; and a page that becomes
restricted is not served from the cache to anybody."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction, Site

from appeals.models import AppealFormPage
from polls.models import PollPage
from subjects.models import TopicPage
from tests.pagecache.conftest import fetch


@pytest.fixture
def topic(demo):
    return TopicPage.objects.live().public().filter(locale__language_code="ru").first()


@pytest.fixture
def editor(demo):
    return get_user_model().objects.filter(is_superuser=True).first()


def test_signed_in_users_are_never_served_or_kept(page_cache, client, visitor, topic, editor):
    client.force_login(editor)
    response = client.get(topic.url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "pass"
    assert "private" in response["Cache-Control"]
    # The editor's render was not kept: the first anonymous visitor renders anew ...
    assert fetch(visitor, topic.url)[2] == "miss"
    assert fetch(visitor, topic.url)[2] == "hit"
    # ... and the kept answer is not served to the signed-in editor either.
    assert client.get(topic.url)["X-Page-Cache"] == "pass"


def test_previews_are_never_looked_up_or_kept(page_cache, client, visitor, topic, editor):
    """Wagtail renders a preview through the middleware with a dummy request for the
    page's own address: it must neither be served the kept page nor be kept."""
    assert fetch(visitor, topic.url)[2] == "miss"
    topic.title = "Черновик, который видит только редактор"
    topic.save_revision()
    client.force_login(editor)
    response = client.get(f"/admin/pages/{topic.pk}/view_draft/")
    assert response.status_code == 200
    assert "Черновик, который видит только редактор" in response.content.decode()
    assert "X-Page-Cache" not in response
    status, text, _state = fetch(visitor, topic.url)
    assert status == 200
    assert "Черновик, который видит только редактор" not in text


@pytest.mark.parametrize("kind", ["password", "login"])
def test_restricted_pages_are_never_kept(
    page_cache, visitor, topic, editor, kind, django_capture_on_commit_callbacks
):
    assert fetch(visitor, topic.url)[2] == "miss"
    assert fetch(visitor, topic.url)[2] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=topic, restriction_type=kind, password="секрет-123"
        )
    status, text, state = fetch(visitor, topic.url)
    # The restriction replaced the view-restriction table's token: no kept copy.
    assert state == "pass"
    assert topic.title not in text or status != 200
    if kind == "password":
        assert status == 200
        assert 'name="password"' in text
        response = visitor.post(
            f"/_util/authenticate_with_password/{restriction.pk}/{topic.pk}/",
            {"password": "секрет-123", "return_url": topic.url},
        )
        assert response.status_code == 302
    else:
        assert status == 302
        visitor.force_login(editor)
    allowed = visitor.get(topic.url)
    assert allowed.status_code == 200
    assert allowed["X-Page-Cache"] == "pass"
    # The allowed visitor's render was not kept for the next stranger.
    status, text, state = fetch(type(visitor)(), topic.url)
    assert state == "pass"
    assert status in {200, 302}
    assert 'name="password"' in text or status == 302


def test_forms_with_a_csrf_token_are_never_kept(page_cache, visitor, demo):
    appeal = AppealFormPage.objects.live().filter(locale__language_code="ru").first()
    response = visitor.get(appeal.url)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert response["X-Page-Cache"] == "pass"
    assert visitor.get(appeal.url)["X-Page-Cache"] == "pass"


def test_a_visitors_poll_state_never_reaches_another(page_cache, visitor, demo):
    poll = PollPage.objects.live().filter(locale__language_code="ru").first()
    assert visitor.get(poll.url)["X-Page-Cache"] == "pass"
    visitor.cookies[poll.voted_cookie_name] = "1"
    assert visitor.get(poll.url)["X-Page-Cache"] == "pass"


def test_a_kept_page_is_not_served_to_a_visitor_whose_cookie_it_read(page_cache, visitor, demo):
    """Any cookie the render looked up (here the session's) makes its holder pass."""
    home = Site.objects.get(is_default_site=True).root_page
    assert fetch(visitor, home.url)[2] == "miss"
    visitor.cookies["sessionid"] = "someone-elses-session"
    assert visitor.get(home.url)["X-Page-Cache"] == "pass"
    visitor.cookies.pop("sessionid")
    visitor.cookies["csrftoken"] = "a" * 32
    assert visitor.get(home.url)["X-Page-Cache"] == "hit"
