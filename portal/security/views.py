"""Admin views of the doors: the list of locked logins and their unlock."""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


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
