from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents.views import serve as document_views

from portal import health
from portal import views as portal_views
from portal.pagecache.tags import depends_on_all_pages
from portal.security import documents
from portal.security.lockout import limit_password_attempts
from portal.theme import theme_css
from search import views as search_views
from seo.sitemaps import PortalSitemap

# Wagtail's password forms for restricted pages and collections, with a limit on
# failed attempts (they are not logins, so django-axes does not see them).
page_password_view = limit_password_attempts(lambda kwargs: f"page-{kwargs['page_id']}")(
    wagtail_views.authenticate_with_password
)
document_password_view = limit_password_attempts(
    lambda kwargs: f"collection-{kwargs['restriction_id']}"
)(document_views.authenticate_with_password)

# No /django-admin/: Wagtail's admin does everything the school needs, and a second
# login form would be a second door to guard.
# A lost database answers 503 with Retry-After, not a 500 trace (portal/outage.py).
handler500 = "portal.outage.server_error"

urlpatterns = [
    # For the load balancer: no language prefix, never cached (portal/health.py).
    path("health/", health.health, name="health"),
    # Ahead of Wagtail's admin: its reports, narrowed to what the user may see.
    path("admin/", include("portal.access.urls")),
    path("admin/", include(wagtailadmin_urls)),
    re_path(r"^documents/(\d+)/(.*)$", documents.serve, name="wagtaildocs_serve"),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        document_password_view,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "sitemap.xml",
        depends_on_all_pages(sitemap),
        {"sitemaps": {"pages": PortalSitemap}},
        name="sitemap",
    ),
    path("", include("seo.urls")),
    path("theme.css", theme_css, name="theme_css"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("lowvision.urls")),
    # The school meals monitoring reads /food/ at the site's root, in no language.
    path("", include("sveden.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Russian pages live at the root, English ones under /en/.
urlpatterns += i18n_patterns(
    path("search/", depends_on_all_pages(search_views.search), name="search"),
    path(
        "search/autocomplete/",
        depends_on_all_pages(search_views.autocomplete),
        name="search_autocomplete",
    ),
    path("quiz/<int:page_id>/<slug:block_id>/", portal_views.check_quiz, name="check_quiz"),
    path("", include("exam_prep.urls")),
    path("", include("community.urls")),
    # iCal feeds are routes of event pages ("/sobytiya/calendar.ics"); Wagtail's own
    # pattern takes no dots, so "*.ics" paths go through Wagtail's serve view here.
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", portal_views.serve_page, name="wagtail_serve_ics"),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password_view,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's page serving comes last: it catches every remaining path (the route
    # found in two queries, portal/routing.py; Wagtail's own "_util/" views excepted,
    # and its pattern still names the page URLs).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", portal_views.serve_page),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
