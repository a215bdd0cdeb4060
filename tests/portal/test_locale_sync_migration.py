"""The data migration that makes English follow Russian on an existing database."""

import importlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from tests.factories import StandardPageFactory

MIGRATION = ("portal", "0007_enable_locale_synchronization")
enable = importlib.import_module("portal.migrations.0007_enable_locale_synchronization").enable


@pytest.fixture(scope="module")
def historical_apps(django_db_setup, django_db_blocker):
    """The models as the migration sees them (its project state, not today's classes).

    Loading the migrations reads the test database: wagtail-localize's first migration
    asks it which revision model exists when its module is imported."""
    with django_db_blocker.unblock():
        loader = MigrationLoader(None, ignore_no_migrations=True)
    return loader.project_state(MIGRATION).apps


@pytest.fixture
def locales(db):
    LocaleSynchronization.objects.all().delete()
    russian = Locale.objects.get_or_create(language_code="ru")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    return russian, english


def test_english_follows_russian_after_the_migration(locales, historical_apps):
    russian, english = locales
    enable(historical_apps, None)
    sync = LocaleSynchronization.objects.get()
    assert (sync.locale_id, sync.sync_from_id) == (english.pk, russian.pk)
    enable(historical_apps, None)  # a second run changes nothing
    assert LocaleSynchronization.objects.count() == 1


def test_a_synchronisation_the_school_chose_stays(locales, historical_apps):
    _russian, english = locales
    german = Locale.objects.create(language_code="de")
    LocaleSynchronization.objects.create(locale=english, sync_from=german)
    enable(historical_apps, None)
    assert list(LocaleSynchronization.objects.values_list("locale", "sync_from")) == [
        (english.pk, german.pk)
    ]


def test_nothing_without_the_english_locale(db, historical_apps):
    LocaleSynchronization.objects.all().delete()
    Locale.objects.get_or_create(language_code="ru")
    Page.objects.filter(locale__language_code="en").delete()
    Locale.objects.filter(language_code="en").delete()
    enable(historical_apps, None)
    assert not LocaleSynchronization.objects.exists()


def test_sync_locale_trees_makes_the_aliases_after_it(home, historical_apps):
    """The migration only records the setting; the command makes the missing aliases."""
    LocaleSynchronization.objects.all().delete()
    english = Locale.objects.get(language_code="en")
    page = StandardPageFactory(parent=home)
    assert not Page.objects.filter(translation_key=page.translation_key, locale=english).exists()
    enable(historical_apps, None)
    call_command("sync_locale_trees", stdout=StringIO())
    alias = Page.objects.get(translation_key=page.translation_key, locale=english)
    assert alias.alias_of_id == page.pk
