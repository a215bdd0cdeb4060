"""English pages through wagtail-localize: tree synchronisation and translated strings.

Russian is the source locale. ``LocaleSynchronization`` (ru → en) gives every Russian
page an English *alias* — the Russian content at an English URL, shown with an «only in
Russian» notice — until someone translates it in wagtail-localize's editor, which turns
the alias into a real translation. wagtail-localize creates the aliases itself only
for pages made in the admin (its ``after_create_page`` hook); :func:`sync_new_page`
does the same for pages published from code (the demo, the teacher command).

:func:`translate_page` is what a translator does in the editor, done in code: it
records one ``StringTranslation`` per source string and lets wagtail-localize build
and publish the English page, so the admin shows it as translated and "sync from
source" marks it out of date after a Russian edit.
"""

from collections import defaultdict

from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Locale, Page

SOURCE_LANGUAGE = "ru"


def enable_sync(source_code=SOURCE_LANGUAGE, target_codes=("en",), apps=None):
    """Make ``target_codes`` locales follow ``source_code`` (idempotent).

    With ``apps`` (a migration's historical models) it is the data migration's version:
    it only adds a synchronisation that is missing — both locales there, the target
    following nothing yet — and leaves a school's own choice alone. Historical models do
    not run wagtail-localize's ``save``, so no aliases are made there: the next publish
    of a Russian page, or ``manage.py sync_locale_trees``, makes them.
    """
    if apps is None:
        from wagtail_localize.models import LocaleSynchronization

        locale_model = Locale
    else:
        LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
        locale_model = apps.get_model("wagtailcore", "Locale")

    source = locale_model.objects.filter(language_code=source_code).first()
    if source is None:
        if apps is not None:
            return
        raise Locale.DoesNotExist(f"no locale {source_code!r}")
    for code in target_codes:
        target = locale_model.objects.filter(language_code=code).first()
        if target is None:
            if apps is not None:
                continue
            raise Locale.DoesNotExist(f"no locale {code!r}")
        if apps is not None:
            LocaleSynchronization.objects.get_or_create(
                locale=target, defaults={"sync_from": source}
            )
            continue
        # update_or_create saves, and the save synchronises the trees (aliases).
        LocaleSynchronization.objects.update_or_create(
            locale=target, defaults={"sync_from": source}
        )


def synced_locales(page):
    """Locales that follow ``page``'s locale (one query)."""
    from wagtail_localize.models import LocaleSynchronization

    return Locale.objects.filter(
        pk__in=LocaleSynchronization.objects.filter(sync_from_id=page.locale_id).values("locale_id")
    )


def sync_new_page(page):
    """English aliases for a page made outside the admin, as the admin would make them."""
    for locale in synced_locales(page):
        if not Page.objects.filter(translation_key=page.translation_key, locale=locale).exists():
            page.copy_for_translation(locale, copy_parents=True, alias=True)


def sync_published_page(sender, instance, **kwargs):
    """``page_published`` receiver: a source-locale page published from code gets its
    aliases (an alias being published itself has nothing to sync)."""
    if instance.alias_of_id is None:
        sync_new_page(instance)


def sync_all():
    """Aliases for every page still missing in a synchronised locale."""
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import synchronize_tree

    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale)


def connect():
    from wagtail.signals import page_published

    page_published.connect(sync_published_page, dispatch_uid="portal-locale-sync")


def _strings_by_field(instance):
    """The instance's translatable strings grouped by field, in page order."""
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    fields = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            fields[segment.path.split(".")[0]].append(segment)
    return fields


@transaction.atomic
def translate_page(page, locale, fields, user=None, publish=True):
    """Translate ``page`` into ``locale`` with wagtail-localize's objects.

    ``fields`` holds the translated values, as they would be set on the page (title,
    slug, a StreamField's blocks …). Strings pair with the source's field by field, in
    order, so a translated StreamField should keep the source's blocks; strings of the
    source with no counterpart keep the Russian text (wagtail-localize's fallback),
    and the number of such strings is returned with the page.
    """
    from wagtail_localize.models import (
        String,
        StringTranslation,
        TranslationContext,
        TranslationSource,
    )
    from wagtail_localize.models import Translation as LocalizeTranslation

    page = page.specific
    source, _created = TranslationSource.update_or_create_from_instance(page)
    # The Translation record is what the admin lists as "translated, in sync or not".
    LocalizeTranslation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )

    target = type(page).objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(target, name, value)
        if isinstance(target._meta.get_field(name), StreamField):
            # New blocks get their ids when prepared for saving; paths need them.
            getattr(target, name).get_prep_value()
    source_strings = _strings_by_field(page)
    target_strings = _strings_by_field(target)
    untranslated = 0
    for name, segments in source_strings.items():
        translated = target_strings.get(name, []) if name in fields else []
        untranslated += max(0, len(segments) - len(translated))
        for original, english in zip(segments, translated, strict=False):
            context, _created = TranslationContext.objects.get_or_create(
                object_id=source.object_id, path=original.path
            )
            StringTranslation.objects.update_or_create(
                translation_of=String.from_value(page.locale, original.string),
                locale=locale,
                context=context,
                defaults={
                    "data": english.string.data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    # A draft first, then published now: wagtail-localize's own publish waits for the
    # transaction's commit, and the demo (one transaction) links the English pages at once.
    english, _created = source.create_or_update_translation(
        locale, user=user, publish=False, copy_parent_pages=True, fallback=True
    )
    if publish:
        english.get_latest_revision().publish(user=user, log_action=False)
        english.refresh_from_db()
    return english, untranslated
