"""Fragments every page repeats (the site, the route, the menu, the breadcrumbs, the
home board; docs/caching.md lists them), kept in the shared cache with the same tags
as whole answers.

Renders the page cache does not keep (signed-in users, forms with a CSRF token) and
first renders of a page read these from the cache instead of the database. A kept
fragment's tags join the tags of the answer being rendered, so a whole answer built
from a kept fragment is invalidated exactly as if it had run the queries itself.
"""

import hashlib

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language

from . import tags
from .middleware import seconds_to_live

FRAGMENT_PREFIX = "pagecache:fragment:"


def fragment_key(name, key):
    """The shared cache's key of fragment ``name`` for ``key`` in the active language
    (a fragment may hold text translated while it was computed)."""
    key = repr((get_language(), key))
    return FRAGMENT_PREFIX + name + ":" + hashlib.sha256(key.encode()).hexdigest()


def cached_fragment(name, key, compute, keep=None):
    """``compute()``, or its kept value for ``(name, key)`` while its tags are unchanged.

    The value must be picklable (pages with their fields, not a queryset) and the same
    for every visitor; it is kept until its time window ends (``tags.valid_until``) or
    the school's midnight at most, as whole answers are. ``keep(value)`` false: the
    value is used but not kept (a 404's route, which any address would fill the cache
    with)."""
    if not settings.PAGE_CACHE_ENABLED:
        return compute()
    cache = tags.shared_cache()
    cache_key = fragment_key(name, key)
    entry = cache.get(cache_key)
    fresh = entry is not None and (entry["until"] is None or entry["until"] > timezone.now())
    if fresh and tags.still_valid(entry["tokens"], entry.get("check")):
        tags.depends_on(*entry["tokens"])
        tags.valid_until(entry["until"])
        return entry["value"]
    start = tags.sequence()
    with tags.collecting() as collected:
        value = compute()
    tags.depends_on(*collected)
    tags.valid_until(collected.until)
    tokens = tags.tokens_for(collected)
    if tags.sequence() == start and (keep is None or keep(value)):
        entry = {
            "value": value,
            "tokens": tokens,
            "check": tags.token_check(tokens),
            "until": collected.until,
        }
        cache.set(cache_key, entry, seconds_to_live(collected.until))
    return value
