"""Finding 7: brute force on logins and page passwords is stopped, in Russian, and an
administrator lifts the lock; /django-admin/ is gone."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from teachers import permissions
from tests.factories.home import StandardPageFactory
from tests.utils import assert_admin_refused

pytestmark = pytest.mark.django_db
PASSWORD = "right-pass-2026"
LIMIT = settings.AXES_FAILURE_LIMIT


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser("direktor", "d@school.example", PASSWORD)


def login(client, username, password, url="/admin/login/", address="203.0.113.10"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return client.get("/admin/").status_code == 200


@pytest.mark.parametrize("url", ["/admin/login/", "/_util/login/"])
def test_wrong_passwords_lock_the_account_even_for_the_right_one(client, admin, home, url):
    for _ in range(LIMIT - 1):
        assert login(client, "direktor", "guess", url).status_code == 200
    locked = login(client, "direktor", "guess", url)
    assert locked.status_code == 429
    assert "Вход временно заблокирован" in locked.content.decode()
    # From another address too: the lock is on the account.
    refused = login(client, "direktor", PASSWORD, url, address="198.51.100.7")
    assert refused.status_code == 429
    assert not logged_in(client)


def test_many_accounts_from_one_address_lock_the_address(client, admin):
    for number in range(LIMIT):
        login(client, f"user{number}", "guess")
    assert login(client, "direktor", PASSWORD).status_code == 429
    assert not logged_in(client)
    # The account itself is not locked: from elsewhere it logs in.
    assert login(client, "direktor", PASSWORD, address="198.51.100.7").status_code == 302
    assert logged_in(client)


def test_a_right_password_before_the_limit_logs_in_and_resets(client, admin):
    for _ in range(LIMIT - 2):
        login(client, "direktor", "guess")
    assert login(client, "direktor", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="direktor").exists()


def test_an_administrator_unlocks_in_the_wagtail_admin(client, admin, site):
    for _ in range(LIMIT):
        login(Client(), "direktor", "guess")
    assert login(Client(), "direktor", PASSWORD).status_code == 429

    permissions.setup_roles()
    colleague = get_user_model().objects.create_user("zavuch", "z@school.example", "x")
    colleague.groups.add(Group.objects.get(name=permissions.ADMINISTRATORS))
    client.force_login(colleague)
    page = client.get(reverse("portal_lockouts"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "direktor" in body
    assert "Снять блокировку" in body
    attempt = AccessAttempt.objects.get(username="direktor")
    response = client.post(reverse("portal_lockouts"), {"attempt": attempt.pk}, follow=True)
    assert "Блокировка снята" in response.content.decode()
    assert login(Client(), "direktor", PASSWORD).status_code == 302


def test_teachers_and_editors_cannot_open_the_lockouts(client, site):
    permissions.setup_roles()
    for group in (permissions.TEACHERS, permissions.SCHOOL_EDITORS):
        user = get_user_model().objects.create_user(f"u-{len(group)}", "u@school.example", "x")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert_admin_refused(client.get(reverse("portal_lockouts")))


def test_the_page_password_form_is_limited_by_address_and_page(client, home):
    page = StandardPageFactory(parent=home, slug="dlya-9a")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="sekret-9a"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    def attempt(password, address="203.0.113.10"):
        return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)

    for _ in range(10):
        assert attempt("guess").status_code == 200
    refused = attempt("sekret-9a")
    assert refused.status_code == 429
    assert "Слишком много попыток" in refused.content.decode()
    # Another address still gets in with the password.
    assert attempt("sekret-9a", address="198.51.100.7").status_code == 302


def test_django_admin_is_gone(client, admin):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404
    assert "django.contrib.admin" not in settings.INSTALLED_APPS
