"""English follows Russian on databases made before the demo set it up: a
``LocaleSynchronization`` ru → en when both locales exist and English follows nothing
(``portal.translation.enable_sync`` with the historical models)."""

from django.db import migrations


def enable(apps, schema_editor):
    from portal.translation import enable_sync

    enable_sync(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_schoolsettings_colour_motto_hero_image"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(enable, migrations.RunPython.noop)]
