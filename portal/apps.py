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
        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model

        from .images import strip_uploaded_metadata
        from .security import exports

        exports.install()

        pre_save.connect(
            strip_uploaded_metadata, sender=get_image_model(), dispatch_uid="portal-strip-exif"
        )
