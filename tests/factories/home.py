"""Factories for the home app and the site skeleton every page test stands on."""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page, Site

from home.models import HomePage, StandardPage
from portal.models import SchoolSettings
from portal.translation import translate_page
from portal.tree_roots import ROOT_PAGE_TITLE


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Школа № 7"
    slug = "home"
    introduction = "Официальный сайт школы № 7."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Страница {n}")
    slug = factory.Sequence(lambda n: f"stranica-{n}")
    introduction = "Вводный текст страницы."
    show_in_menus = True

    class Meta:
        model = StandardPage


class SchoolSettingsFactory(DjangoModelFactory):
    name = "Средняя общеобразовательная школа № 7 города Приозёрска"
    short_name = "СОШ № 7"
    name_en = "Secondary School No. 7 of Priozyorsk"
    short_name_en = "School No. 7"
    address = "Приозёрск, ул. Лесная, 7"
    address_en = "7 Lesnaya St., Priozyorsk"
    phone = "+7 (81379) 2-07-07"
    email = "school7@priozersk.example"
    director = "Петрова Анна Сергеевна"
    working_hours = "Пн–Пт: 8:00–17:00"

    class Meta:
        model = SchoolSettings
        django_get_or_create = ("site",)


def restore_migration_permissions():
    """Permissions that migrations create (not models' ``Meta``): a transactional test's
    flush deletes them and Django's post-migrate signal only brings back the others, so
    the tests after it would see a site where no role may submit translations."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    # As wagtail-localize's migration 0006 makes it.
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


def build_site(with_english=True):
    """Locales, the tree root, a Russian home page (+ its English translation) and the
    default Site pointing at it — built from scratch, independent of migration data."""
    ru, _ = Locale.objects.get_or_create(language_code="ru")
    en, _ = Locale.objects.get_or_create(language_code="en")
    restore_migration_permissions()
    Site.objects.all().delete()
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title=ROOT_PAGE_TITLE, slug="root", locale=ru))
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root, locale=ru)
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="СОШ № 7"
    )
    settings = SchoolSettingsFactory(site=site)
    home_en = None
    if with_english:
        # Translated as in the editor: wagtail-localize's source, translation and strings.
        home_en, _untranslated = translate_page(
            home,
            en,
            {"title": "School No. 7", "introduction": "The official site of School No. 7."},
        )
    return {"home": home, "home_en": home_en, "site": site, "settings": settings}
