from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """Shared core of the portal: site settings, blocks, template tags, demo data."""

    name = "portal"
    verbose_name = _("Портал")
    # This app's part of the demo school (load_demo_content runs the parts in
    # INSTALLED_APPS order).
    demo_module = "portal.demo"

    def ready(self):
        from django.core import checks
        from django.db.models.signals import post_save, pre_save
        from wagtail.images import get_image_model

        from . import translation
        from .access.checks import access_middleware_installed
        from .access.references import install as install_reference_checks
        from .images import strip_uploaded_metadata
        from .pagecache import invalidation as page_cache_invalidation
        from .renditions import queue_renditions
        from .security import exports

        exports.install()
        translation.connect()
        page_cache_invalidation.connect()

        install_reference_checks()
        checks.register(access_middleware_installed, checks.Tags.security)

        pre_save.connect(
            strip_uploaded_metadata, sender=get_image_model(), dispatch_uid="portal-strip-exif"
        )
        post_save.connect(
            queue_renditions, sender=get_image_model(), dispatch_uid="portal-renditions"
        )
