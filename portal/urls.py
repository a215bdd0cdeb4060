from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.views import serve as wagtail_serve

from portal import views as portal_views
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Ahead of Wagtail's admin: its reports, narrowed to what the user may see.
    path("admin/", include("portal.access.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Russian pages live at the root, English ones under /en/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/autocomplete/", search_views.autocomplete, name="search_autocomplete"),
    path("quiz/<int:page_id>/<slug:block_id>/", portal_views.check_quiz, name="check_quiz"),
    path("", include("exam_prep.urls")),
    path("", include("community.urls")),
    # iCal feeds are routes of event pages ("/sobytiya/calendar.ics"); Wagtail's own
    # pattern takes no dots, so "*.ics" paths go through Wagtail's serve view here.
    re_path(r"^((?:[\w\-]+/)*[\w\-]+\.ics)$", wagtail_serve, name="wagtail_serve_ics"),
    # Wagtail's page serving comes last: it catches every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
