from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """What search engines, browsers and social networks read about the site:
    robots.txt, the sitemap in both languages, the favicon, description and Open
    Graph tags of every page."""

    name = "seo"
    verbose_name = _("Поисковые системы и соцсети")
