"""Dependency tags: what a response was built from, and their current tokens.

While a response is rendered for the cache, every page object loaded from the database
adds ``page:<id>`` and every table a query reads adds ``table:<name>``; code that
reads pages without loading them (search results, the sitemap) adds ``pages:all``.
A tag's token is a random number in the shared cache; a change replaces it. An entry
keeps the tokens it saw, so it is valid while all of them are unchanged. Tokens never
repeat and a missing token counts as changed, so losing a key (eviction, restart)
only costs a render, never serves stale content.
"""

import contextlib
import contextvars
import functools
import re
import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models.signals import post_init

TAG_PREFIX = "pagecache:tag:"
# Replaced on every change: a render that saw another token at its start was built
# while something changed, and is not kept.
SEQUENCE_KEY = "pagecache:sequence"

_collected = contextvars.ContextVar("pagecache_collected", default=None)

# Tables a query reads (Django quotes every name it generates).
_TABLES = re.compile(r'\b(?:FROM|JOIN)\s+"([^"]+)"', re.IGNORECASE)


def shared_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class Collected(set):
    """The tags of one render, and the moment its answer stops being true by itself
    (an announcement's end, an event starting), if any."""

    until = None


def collecting_now():
    """Whether the current render may be kept (so its dependencies are worth finding)."""
    return _collected.get() is not None


def valid_until(moment):
    """The answer being rendered shows something that changes at ``moment`` without
    any save (a time window): it is kept until then at most."""
    collected = _collected.get()
    if collected is not None and moment is not None:
        collected.until = moment if collected.until is None else min(collected.until, moment)


def depends_on(*tags):
    """Mark the response being rendered as built from ``tags`` (no-op outside one)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(tags)


def page_tag(page_id):
    return f"page:{page_id}"


def table_tag(table):
    return f"table:{table}"


def _record_query(execute, sql, params, many, context):
    collected = _collected.get()
    if collected is not None and sql.lstrip()[:6].upper() == "SELECT":
        collected.update(
            table_tag(name) for name in _TABLES.findall(sql) if name not in _UNTRACKED_TABLES
        )
    return execute(sql, params, many, context)


# Every page query reads the tree table; page rows are tracked one by one instead
# (``page:<id>``), and pages appearing anywhere through ``pages:all`` and the specific
# page tables (see invalidation.page_change_tags).
_UNTRACKED_TABLES = {"wagtailcore_page"}


def _record_page(sender, instance, **kwargs):
    collected = _collected.get()
    if collected is not None and instance.pk is not None and _is_page(sender):
        collected.add(page_tag(instance.pk))


_page_models = {}


def _is_page(model):
    known = _page_models.get(model)
    if known is None:
        from wagtail.models import Page

        known = _page_models[model] = issubclass(model, Page)
    return known


post_init.connect(_record_page, dispatch_uid="pagecache_record_page")


@contextlib.contextmanager
def collecting():
    """Collect the tags of what is rendered inside the block into the yielded set."""
    collected = Collected()
    token = _collected.set(collected)
    try:
        with connection.execute_wrapper(_record_query):
            yield collected
    finally:
        _collected.reset(token)


def _new_token():
    # An integer: django-redis keeps integers as plain numbers, so checking a home
    # page's sixty tokens unpickles nothing (a third of a cache hit's time before).
    return secrets.randbits(63)


def sequence():
    """The current change sequence token (created if missing)."""
    cache = shared_cache()
    value = cache.get(SEQUENCE_KEY)
    if value is None:
        cache.add(SEQUENCE_KEY, _new_token(), None)
        value = cache.get(SEQUENCE_KEY)
    return value


def tokens_for(tags):
    """``{tag: token}`` for ``tags``, creating the missing ones (for a new entry)."""
    cache = shared_cache()
    keys = {TAG_PREFIX + tag: tag for tag in tags}
    found = cache.get_many(list(keys))
    for key in keys.keys() - found.keys():
        cache.add(key, _new_token(), None)
    if len(found) < len(keys):
        found = cache.get_many(list(keys))
    return {keys[key]: value for key, value in found.items()}


def token_check(tokens):
    """``tokens`` as a hit checks them fastest (kept in the entry): the tags' keys as
    the cache names them and the tokens as Redis holds them (plain numbers)."""
    cache = shared_cache()
    return (
        [str(cache.make_key(TAG_PREFIX + tag)) for tag in tokens],
        [str(token).encode() for token in tokens.values()],
    )


def _plain_redis():
    """The Redis connection of the shared cache when it is django-redis's default client
    (which stores integers as plain numbers), else ``None``."""
    from django_redis.client import DefaultClient

    client = getattr(shared_cache(), "client", None)
    if type(client) is not DefaultClient:
        return None
    return client.get_client(write=False)


def still_valid(tokens, check=None):
    """Whether every tag of an entry still has the token the entry was built with.

    With the entry's ``check`` (:func:`token_check`) and django-redis, one MGET whose
    raw answer is compared as it comes: no key is built and no value decoded (for the
    home page's sixty tags, half the time of a hit)."""
    if not tokens:
        return True
    if check is not None:
        redis = _plain_redis()
        if redis is not None:
            keys, expected = check
            return redis.mget(keys) == expected
    current = shared_cache().get_many([TAG_PREFIX + tag for tag in tokens])
    return all(current.get(TAG_PREFIX + tag) == token for tag, token in tokens.items())


def invalidate(tags):
    """Give ``tags`` (and the change sequence) new tokens: their entries are stale."""
    if not tags:
        return
    values = {TAG_PREFIX + tag: _new_token() for tag in tags}
    values[SEQUENCE_KEY] = _new_token()
    shared_cache().set_many(values, timeout=None)


ALL_PAGES = "pages:all"


def depends_on_all_pages(view):
    """Decorate a view whose answer lists pages found anywhere (search, sitemap): any
    page appearing or disappearing makes it stale."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        depends_on(ALL_PAGES)
        return view(request, *args, **kwargs)

    return wrapped
