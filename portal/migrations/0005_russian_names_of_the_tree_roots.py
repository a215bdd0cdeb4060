"""The root page and the root collection Wagtail created as "Root" get Russian names."""

from django.db import migrations

ROOT_PAGE_TITLE = "Все сайты"
ROOT_COLLECTION_NAME = "Все коллекции"


def name_roots(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title="Root").update(
        title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
    )
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_schoolsettings_privacy_policy_page"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(name_roots, migrations.RunPython.noop)]
