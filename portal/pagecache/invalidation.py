"""When content changes: which tags get new tokens (docs/caching.md, "The rule").

- Any saved or deleted row of a model that is not a page: ``table:<its table>`` —
  snippets (announcements, timetables, event kinds), settings, consents, votes, view
  restrictions, images...; models whose rows no page shows (sessions, renditions,
  search query logs, login attempts) are left out, so a render that writes them is
  still kept.
- A page saved (published, unpublished, a draft, a scheduled publish): ``page:<id>``,
  which every response that loaded the page carries (itself, its children's
  breadcrumbs, listings, menus, the board, feeds, translations' language links).
- A page that appears or disappears (live changes, a new page, deleted, moved, new
  slug): also its parent's and ancestors' ``page:`` tags (listings of their
  descendants), its page type's tables (listings of that type anywhere: class views,
  the board, calendars) and ``pages:all`` (search results, the sitemap); moved or
  renamed: every descendant's ``page:`` tag (their addresses changed).

Tokens change after the transaction commits, so no process can render the old rows
again after the change; the same tags are banned from the reverse proxy.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from wagtail.models import Page
from wagtail.signals import post_page_move

from . import proxy, tags


def _enabled():
    return settings.PAGE_CACHE_ENABLED


def invalidate_on_commit(changed):
    """New tokens for ``changed`` once the current transaction commits."""
    changed = set(changed)
    if not changed:
        return

    def apply():
        tags.invalidate(changed)
        proxy.ban_tags(changed)

    transaction.on_commit(apply)


def page_type_tags(model):
    """``table:`` tags of a page type's own tables: any page of the type appearing or
    disappearing (new, deleted, published, unpublished, moved) changes them."""
    return {
        tags.table_tag(parent._meta.db_table)
        for parent in [*model._meta.get_parent_list(), model]
        if parent is not Page and issubclass(parent, Page)
    }


def page_change_tags(page, appeared, moved):
    changed = {tags.page_tag(page.pk)}
    if appeared or moved:
        changed |= {tags.page_tag(pk) for pk in _ancestor_ids(page.path)}
        changed |= page_type_tags(type(page)) | {tags.ALL_PAGES}
    if moved:
        changed |= {
            tags.page_tag(pk)
            for pk in Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True)
        }
    return changed


def _ancestor_ids(path):
    steps = Page.steplen
    paths = [path[:end] for end in range(steps, len(path), steps)]
    return Page.objects.filter(path__in=paths).values_list("pk", flat=True)


def _remember_page_state(sender, instance, raw=False, **kwargs):
    if raw or not _enabled() or not isinstance(instance, Page) or instance.pk is None:
        return
    instance._pagecache_before = (
        Page.objects.filter(pk=instance.pk).values_list("live", "url_path", "path").first()
    )


def _page_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not _enabled():
        return
    before = getattr(instance, "_pagecache_before", None)
    instance._pagecache_before = None
    if before is None:
        appeared, moved = instance.live, False
    else:
        was_live, url_path, path = before
        appeared = was_live != instance.live
        moved = url_path != instance.url_path or path != instance.path
    invalidate_on_commit(page_change_tags(instance, appeared, moved))


def _page_moved(sender, instance, parent_page_before=None, **kwargs):
    if not _enabled():
        return
    changed = page_change_tags(instance, appeared=True, moved=True)
    if parent_page_before is not None:
        changed |= {tags.page_tag(parent_page_before.pk)}
        changed |= {tags.page_tag(pk) for pk in _ancestor_ids(parent_page_before.path)}
    invalidate_on_commit(changed)


@functools.cache
def _ignored_tables():
    tables = set()
    for label in settings.PAGE_CACHE_UNSHOWN_MODELS:
        app_label, _, model_name = label.partition(".")
        try:
            config = apps.get_app_config(app_label)
        except LookupError:
            continue
        models = config.get_models() if model_name == "*" else [config.get_model(model_name)]
        tables |= {model._meta.db_table for model in models}
    return tables


def _row_changed(sender, instance=None, raw=False, **kwargs):
    if raw or not _enabled() or sender is None:
        return
    if isinstance(instance, Page):
        if kwargs.get("signal") is post_delete:
            invalidate_on_commit(page_change_tags(instance, appeared=True, moved=False))
        return
    table = sender._meta.db_table
    if table not in _ignored_tables():
        invalidate_on_commit({tags.table_tag(table)})


def _relation_changed(sender, instance=None, action="", **kwargs):
    if not _enabled() or not action.startswith("post_"):
        return
    changed = {tags.table_tag(sender._meta.db_table), tags.table_tag(instance._meta.db_table)}
    if isinstance(instance, Page):
        changed = {tags.table_tag(sender._meta.db_table), tags.page_tag(instance.pk)}
    invalidate_on_commit(changed)


def connect():
    pre_save.connect(_remember_page_state, dispatch_uid="pagecache_pre_save")
    post_save.connect(_row_changed, dispatch_uid="pagecache_row_saved")
    post_delete.connect(_row_changed, dispatch_uid="pagecache_row_deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="pagecache_relation")
    post_page_move.connect(_page_moved, dispatch_uid="pagecache_page_moved")
    for model in apps.get_models():
        if issubclass(model, Page):
            uid = f"pagecache_{model._meta.label}"
            post_save.connect(_page_saved, sender=model, dispatch_uid=uid)
