"""The root page Wagtail created as "Root" gets a Russian title."""

from django.db import migrations

ROOT_PAGE_TITLE = "Все сайты"


def name_roots(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(
        title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_schoolsettings_privacy_policy_page"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(name_roots, migrations.RunPython.noop)]
