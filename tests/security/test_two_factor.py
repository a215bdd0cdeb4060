"""Finding 16: administrators and school editors sign in with a TOTP code (or a
recovery code); teachers may opt in; without the code nothing of the admin opens."""

import time
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from teachers import permissions

pytestmark = pytest.mark.django_db
PASSWORD = "right-pass-2026"


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def user_in(group_name, username):
    permissions.setup_roles()
    user = get_user_model().objects.create_user(username, f"{username}@school.example", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]


def code_for(device, steps_ahead=0):
    """What the phone shows; a later step for a second sign-in within 30 seconds (a
    code already used is refused)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return totp.token()


def enrol(client):
    page = client.get(reverse("portal_two_factor_setup"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "<svg" in body  # the QR code, drawn on the server
    device = TOTPDevice.objects.get(confirmed=False)
    secret = body.split("data-secret>", 1)[1].split("<", 1)[0].replace(" ", "")
    assert secret  # the key to type by hand
    response = client.post(reverse("portal_two_factor_setup"), {"code": code_for(device)})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    device.refresh_from_db()
    assert device.confirmed
    return device, codes


@pytest.mark.parametrize("group", [permissions.ADMINISTRATORS, permissions.SCHOOL_EDITORS])
def test_enrol_then_sign_in_with_a_code_and_be_refused_without(site, group):
    user_in(group, "zavuch")
    client = Client()
    sign_in(client, "zavuch")
    # No device yet: every admin page leads to the set-up.
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal_two_factor_setup"))
    device, _codes = enrol(client)
    assert client.get("/admin/").status_code == 200

    # Next time: the password alone opens nothing.
    client = Client()
    sign_in(client, "zavuch")
    for url in ("/admin/", "/admin/pages/", "/admin/users/", "/admin/api/main/documents/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("portal_two_factor_verify"))
    wrong = client.post(reverse("portal_two_factor_verify"), {"code": "000000"})
    assert "Неверный или уже использованный код" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    time.sleep(1.1)  # django-otp makes the next try wait after a wrong code
    right = client.post(
        reverse("portal_two_factor_verify"), {"code": code_for(device, 1), "next": "/admin/pages/"}
    )
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(site):
    user_in(permissions.ADMINISTRATORS, "direktor")
    client = Client()
    sign_in(client, "direktor")
    _device, codes = enrol(client)
    for attempt in range(2):
        client = Client()
        sign_in(client, "direktor")
        client.post(reverse("portal_two_factor_verify"), {"code": codes[0]})
        opened = client.get("/admin/").status_code == 200
        assert opened is (attempt == 0)


def test_superusers_must_use_it(site):
    get_user_model().objects.create_superuser("root", "root@school.example", PASSWORD)
    client = Client()
    sign_in(client, "root")
    assert client.get("/admin/")["Location"].startswith(reverse("portal_two_factor_setup"))


def test_teachers_may_opt_in_and_then_need_the_code(site):
    user_in(permissions.TEACHERS, "orlova")
    client = Client()
    sign_in(client, "orlova")
    assert client.get("/admin/").status_code == 200  # optional for teachers
    device, _codes = enrol(client)
    client = Client()
    sign_in(client, "orlova")
    assert client.get("/admin/").status_code == 302
    client.post(reverse("portal_two_factor_verify"), {"code": code_for(device, 1)})
    assert client.get("/admin/").status_code == 200
    # … and may switch it off again.
    client.post(reverse("portal_two_factor_setup"), {"action": "disable"})
    assert not TOTPDevice.objects.filter(user__username="orlova").exists()


def test_required_accounts_cannot_switch_it_off_but_an_administrator_resets_it(site):
    user_in(permissions.SCHOOL_EDITORS, "redaktor")
    client = Client()
    sign_in(client, "redaktor")
    enrol(client)
    client.post(reverse("portal_two_factor_setup"), {"action": "disable"})
    assert TOTPDevice.objects.filter(user__username="redaktor", confirmed=True).exists()
    out = StringIO()
    call_command("reset_two_factor", "redaktor", stdout=out)
    assert "удалено устройств: 2" in out.getvalue()
    assert not TOTPDevice.objects.filter(user__username="redaktor").exists()


def test_the_required_groups_are_the_role_groups():
    assert settings.TWO_FACTOR_GROUPS == [permissions.ADMINISTRATORS, permissions.SCHOOL_EDITORS]


def test_switched_off_the_password_is_enough(site, settings):
    settings.TWO_FACTOR_REQUIRED = False
    user_in(permissions.ADMINISTRATORS, "admin2")
    client = Client()
    sign_in(client, "admin2")
    assert client.get("/admin/").status_code == 200
