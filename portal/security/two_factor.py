"""Two-factor sign-in to the Wagtail admin: TOTP (an authenticator app) plus
single-use recovery codes, with django-otp's devices.

Who must use it (``TWO_FACTOR_REQUIRED``, on in production): superusers and the members
of ``TWO_FACTOR_GROUPS`` («Администраторы», «Редакторы школы») — the accounts that can
change every page, user and setting. Teachers may switch it on for themselves; once a
teacher has a device, their sign-in asks for it too.

After the password, :class:`TwoFactorMiddleware` keeps an unverified session inside
two pages: "enter the code" (``/admin/2fa/verify/``) for those with a device, "set up"
(``/admin/2fa/setup/``) for those who must have one. Nothing else of the admin opens
until django-otp marks the session verified.
"""

import base64
import io
import secrets

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Приложение-аутентификатор"
RECOVERY_DEVICE_NAME = "Коды восстановления"
ADMIN_PREFIX = "/admin/"


def must_use_two_factor(user):
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.TWO_FACTOR_GROUPS).exists()


def has_two_factor(user):
    return user_has_device(user, confirmed=True)


def safe_next(request, default=None):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default or reverse("wagtailadmin_home")


def exempt_paths():
    """Admin addresses an unverified session may open: signing in and out, the two
    pages of this module, the admin's translations for JavaScript."""
    return {
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("portal_two_factor_verify"),
        reverse("portal_two_factor_setup"),
        reverse("wagtailadmin_javascript_catalog"),
    }


class TwoFactorMiddleware:
    """Send an admin session without its second factor to the code or the set-up page.

    After ``django_otp.middleware.OTPMiddleware`` (``request.user.is_verified()``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.redirect_if_needed(request)
        return response or self.get_response(request)

    def redirect_if_needed(self, request):
        if not request.path.startswith(ADMIN_PREFIX):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.path in exempt_paths():
            return None
        query = urlencode({"next": request.get_full_path()})
        if has_two_factor(user):
            return redirect(f"{reverse('portal_two_factor_verify')}?{query}")
        if must_use_two_factor(user):
            return redirect(f"{reverse('portal_two_factor_setup')}?{query}")
        return None


def pending_totp_device(user):
    """The unconfirmed authenticator of the set-up in progress (made once, then reused,
    so reloading the page does not change the QR code under the user's phone)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def secret_of(device):
    """The key as people type it into an app: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device):
    """The ``otpauth://`` address as an inline SVG QR code, drawn here (no network)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    output = io.BytesIO()
    image.save(output)
    svg = output.getvalue().decode()
    return svg[svg.index("<svg") :]


def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_two_factor(user):
    """Delete every device of ``user`` (lost phone and codes; administrators only)."""
    count = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        count += 1
    return count
