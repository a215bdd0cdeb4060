from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Visitors' questions to teachers and comments on their posts, moderated by the teacher."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = _("Вопросы и комментарии")
    # This app's part of the demo school (load_demo_content runs the parts in
    # INSTALLED_APPS order).
    demo_module = "community.demo"
