""" "The source has changed": the translation editor says when its source page moved on.

wagtail-localize 1.x does not mark a translation as out of date. A change to the
Russian page reaches the English one only when someone clicks "Sync translated
pages" (Синхронизировать переведенные страницы) on the Russian page; until then the
English editor shows the old strings as if nothing had happened. This hook compares
the source page's last publication with the last sync of its ``TranslationSource``
and, when the page was published since, says so at the top of the editor.
"""

from django.contrib import messages
from django.utils import formats
from django.utils.translation import gettext as _
from wagtail.models import Page


def source_changed_since_sync(page):
    """The ``TranslationSource`` of ``page`` when its source page was published after
    the strings were last synced from it; ``None`` for an up-to-date translation, an
    alias or a page that is no translation."""
    from wagtail_localize.models import Translation

    if page.alias_of_id is not None:
        return None
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source__locale")
        .first()
    )
    if translation is None:
        return None
    source = translation.source
    published = (
        Page.objects.filter(translation_key=page.translation_key, locale_id=source.locale_id)
        .values_list("last_published_at", flat=True)
        .first()
    )
    if published is None or published <= source.last_updated_at:
        return None
    return source


def warn_when_source_changed(request, page):
    """``before_edit_page`` hook, ahead of wagtail-localize's editor (which it leaves to
    render the page)."""
    if request.method != "GET":
        return None
    source = source_changed_since_sync(page)
    if source is not None:
        messages.warning(
            request,
            _(
                "Страница на исходном языке (%(language)s) изменилась после последней "
                "синхронизации перевода (%(date)s). Чтобы новые строки появились здесь, "
                "откройте её и выберите «Действия» → «Синхронизировать переведенные страницы»."
            )
            % {
                "language": source.locale.get_display_name(),
                "date": formats.date_format(source.last_updated_at, "DATETIME_FORMAT"),
            },
        )
    return None
