"""The sitemap: live, public pages of both languages with ``hreflang`` alternates
linking each page to its translation, class pages that are routes, and URLs on the
site's public address (``seo.base_url``).

Wagtail's own sitemap lists only the descendants of the Site's root page, which is the
Russian home page; the English tree is its sibling, so it is added here.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from .base_url import rebase, site_base_url


class PortalSitemap(Sitemap):
    """Every locale's tree of the request's site, one ``<url>`` per page or route."""

    def site_roots(self):
        root = self.get_wagtail_site().root_page
        return [
            root,
            *Page.objects.filter(translation_key=root.translation_key).exclude(pk=root.pk),
        ]

    def items(self):
        within = Q()
        for root in self.site_roots():
            within |= Q(path__startswith=root.path, depth__gte=root.depth)
        return (
            Page.objects.filter(within)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        base = site_base_url(self.request)
        pages = list(self.paginator.page(page).object_list)
        languages = {locale.pk: locale.language_code for locale in Locale.objects.all()}
        # The page's own URL in each language, to link translations to each other.
        by_translation = {}
        for item in pages:
            location = item.get_full_url(self.request)
            if location:
                by_translation.setdefault(item.translation_key, []).append(
                    (languages[item.locale_id], rebase(location, base))
                )
        urls = []
        last_mods = set()
        for item in pages:
            own = item.get_full_url(self.request)
            translations = by_translation.get(item.translation_key, [])
            for url_info in item.get_sitemap_urls(self.request):
                is_own = url_info["location"] == own
                url_info = {**url_info, "location": rebase(url_info["location"], base)}
                if is_own and len(translations) > 1:
                    url_info["alternates"] = [
                        {"lang_code": language, "location": location}
                        for language, location in translations
                    ]
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
