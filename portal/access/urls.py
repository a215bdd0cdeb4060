"""Core admin reports served by the portal's narrowed views, at Wagtail's own addresses.

Wagtail's core admin routes come before any ``register_admin_urls`` hook, so these are
included by ``portal/urls.py`` ahead of the admin: the same paths, a view that lists
only what the user may see, and Wagtail's own admin decorators.
"""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access

from .admin import PortalPageTypesUsageReportView, PortalSiteHistoryView


def admin_view(view):
    return never_cache(require_admin_access(view))


urlpatterns = [
    path(
        "reports/site-history/",
        admin_view(PortalSiteHistoryView.as_view()),
        name="portal_site_history",
    ),
    path(
        "reports/site-history/results/",
        admin_view(PortalSiteHistoryView.as_view(results_only=True)),
        name="portal_site_history_results",
    ),
    path(
        "reports/page-types-usage/",
        admin_view(PortalPageTypesUsageReportView.as_view()),
        name="portal_page_types_usage",
    ),
    path(
        "reports/page-types-usage/results/",
        admin_view(PortalPageTypesUsageReportView.as_view(results_only=True)),
        name="portal_page_types_usage_results",
    ),
]
