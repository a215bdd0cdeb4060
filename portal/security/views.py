"""Admin views of the doors: locked logins and their unlock; two-factor sign-in."""

from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import two_factor


def may_unlock(user):
    return user.is_active and user.has_perm("axes.delete_accessattempt")


def recent_attempts():
    """Failed logins within the cool-off time (older ones no longer count)."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    return AccessAttempt.objects.filter(attempt_time__gte=since).order_by("-attempt_time")


def locked_accounts_and_addresses(attempts):
    """Which accounts and which addresses are over the limit now."""
    limit = settings.AXES_FAILURE_LIMIT
    accounts = {
        row["username"]
        for row in attempts.values("username").annotate(total=Sum("failures_since_start"))
        if row["username"] and row["total"] >= limit
    }
    addresses = {
        row["ip_address"]
        for row in attempts.values("ip_address").annotate(total=Sum("failures_since_start"))
        if row["total"] >= limit
    }
    return accounts, addresses


class LockoutsView(WagtailAdminTemplateMixin, TemplateView):
    """«Блокировки входа»: failed logins of the last minutes, with an unlock button."""

    template_name = "portal/security/admin_lockouts.html"
    page_title = gettext_lazy("Блокировки входа")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not may_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        attempts = recent_attempts()
        accounts, addresses = locked_accounts_and_addresses(attempts)
        rows = [
            {
                "attempt": attempt,
                "locked": attempt.username in accounts or attempt.ip_address in addresses,
            }
            for attempt in attempts[:200]
        ]
        return super().get_context_data(
            rows=rows,
            failure_limit=settings.AXES_FAILURE_LIMIT,
            cooloff_minutes=int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        attempt = get_object_or_404(AccessAttempt, pk=request.POST.get("attempt"))
        # The lock may hold by the account and by the address: both are lifted.
        removed = AccessAttempt.objects.filter(username=attempt.username).delete()[0]
        removed += AccessAttempt.objects.filter(ip_address=attempt.ip_address).delete()[0]
        messages.success(
            request,
            _("Блокировка снята: %(username)s, %(address)s (записей: %(count)s).")
            % {
                "username": attempt.username or "—",
                "address": attempt.ip_address,
                "count": removed,
            },
        )
        return redirect("portal_lockouts")


# -- two-factor sign-in (portal/security/two_factor.py) ---------------------------------


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Код"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=gettext_lazy("Шесть цифр из приложения или один из кодов восстановления."),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split())


class VerifyView(FormView):
    """Second step of signing in: the code from the app, or a recovery code (once)."""

    template_name = "portal/security/two_factor_verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if request.user.is_verified() or not two_factor.has_two_factor(request.user):
            return redirect(two_factor.safe_next(request))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=two_factor.safe_next(request=self.request), **kwargs)

    def form_valid(self, form):
        user = self.request.user
        # Each wrong code doubles the wait before the next one is even checked.
        throttled = any(
            not candidate.verify_is_allowed()[0]
            for candidate in devices_for_user(user)
            if isinstance(candidate, TOTPDevice)
        )
        device = match_token(user, form.cleaned_data["code"])
        if device is None:
            if throttled:
                message = _("Слишком много неверных кодов. Подождите немного и введите новый код.")
            else:
                message = _("Неверный или уже использованный код.")
            form.add_error("code", message)
            return self.form_invalid(form)
        otp_login(self.request, device)
        if isinstance(device, StaticDevice):
            left = device.token_set.count()
            messages.warning(
                self.request,
                _("Вы вошли по коду восстановления. Осталось кодов: %(left)s.") % {"left": left},
            )
        return redirect(two_factor.safe_next(self.request))


class SetupView(FormView):
    """Enrol an authenticator app: QR code and key, a code to confirm, recovery codes.

    With a device already (and a verified session) the page manages it: new recovery
    codes, or switching two-factor off where it is not required.
    """

    template_name = "portal/security/two_factor_setup.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return super().dispatch(request, *args, **kwargs)

    @property
    def enrolled(self):
        return two_factor.has_two_factor(self.request.user)

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {
            "enrolled": self.enrolled,
            "required": two_factor.must_use_two_factor(user),
            "next": two_factor.safe_next(self.request),
        }
        if not self.enrolled:
            device = two_factor.pending_totp_device(user)
            # The SVG is drawn by qrcode from our own otpauth:// address.
            context["qr_svg"] = mark_safe(two_factor.qr_svg(device))  # noqa: S308
            context["secret"] = two_factor.secret_of(device)
        return super().get_context_data(**context, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.enrolled:
            if not request.user.is_verified():
                raise PermissionDenied
            return self.manage(request)
        return super().post(request, *args, **kwargs)

    def manage(self, request):
        action = request.POST.get("action")
        if action == "codes":
            codes = two_factor.new_recovery_codes(request.user)
            return self.show_codes(codes)
        if action == "disable" and not two_factor.must_use_two_factor(request.user):
            two_factor.remove_two_factor(request.user)
            messages.success(request, _("Двухфакторный вход отключён."))
        return redirect("portal_two_factor_setup")

    def form_valid(self, form):
        device = two_factor.pending_totp_device(self.request.user)
        if not device.verify_token(form.cleaned_data["code"]):
            form.add_error(
                "code",
                _("Код не подошёл. Проверьте время на телефоне и введите новый код из приложения."),
            )
            return self.form_invalid(form)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(self.request, device)
        return self.show_codes(two_factor.new_recovery_codes(self.request.user))

    def show_codes(self, codes):
        return render(
            self.request,
            "portal/security/two_factor_codes.html",
            {"codes": codes, "next": two_factor.safe_next(self.request)},
        )
