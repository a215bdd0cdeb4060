from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """School news: the «Новости» section, its feeds and the home page's news cards."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "news"
    verbose_name = _("Новости")
    demo_module = "news.demo"
