"""Serve anonymous GETs from the shared cache; keep what may be kept.

A request is looked up only if it is an anonymous-looking GET or HEAD of a public
path; it is answered from the cache only if no cookie the entry's render read is
present in it (the session cookie, a poll's "already voted" cookie...) and every tag
token of the entry is unchanged. A render is kept only if it is a plain 200 answer
that sets no cookie, used no CSRF token, read none of the visitor's cookies, forbids
no caching, shows no view-restricted page, and nothing changed while it was built.
A hit reads two cache keys and no database row.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from . import tags

ENTRY_PREFIX = "pagecache:entry:"
STATUS_HEADER = "X-Page-Cache"
# The tags of a kept answer, for the reverse proxy's bans (it strips the header).
TAG_HEADER = "X-Cache-Tags"
# Headers of the render not to replay: cookies and what outer middleware adds again.
_DROPPED_HEADERS = {"set-cookie", "vary", "cache-control", "x-cache-tags"}


class TrackedCookies(dict):
    """The request's cookies, remembering every name the render looked up."""

    def __init__(self, cookies):
        super().__init__(cookies)
        self.read = set()

    def __getitem__(self, name):
        self.read.add(name)
        return super().__getitem__(name)

    def get(self, name, default=None):
        self.read.add(name)
        return super().get(name, default)

    def __contains__(self, name):
        self.read.add(name)
        return super().__contains__(name)


def private(request):
    """Mark the current render as not to be kept (a restricted page, per-visitor data)."""
    request._pagecache_private = True


def entry_key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    return ENTRY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _ignored_cookies():
    # The CSRF secret is read by CsrfViewMiddleware on every request; a render that
    # uses it is refused below (CSRF_COOKIE_NEEDS_UPDATE). The language comes from
    # the path (i18n_patterns), LocaleMiddleware only glances at its cookie.
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def seconds_to_live(until=None):
    """The safety-net lifetime, cut at the school's next midnight (what is "today"
    changes) and at ``until`` (a time window of what the answer shows ends)."""
    now = timezone.localtime()
    midnight = timezone.make_aware(
        dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    )
    end = midnight if until is None else min(midnight, until)
    return max(1, min(settings.PAGE_CACHE_TIMEOUT, int((end - now).total_seconds())))


class PageCacheMiddleware:
    """Answers anonymous visitors from the shared cache (the module says when), and
    keeps the renders that are the same for every visitor, with their tags."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.applies(request):
            return self.get_response(request)
        key = entry_key(request)
        cache = tags.shared_cache()
        entry = cache.get(key)
        if entry is not None and self.may_serve(request, entry):
            return self.replay(entry)
        request.COOKIES = TrackedCookies(request.COOKIES)
        start = tags.sequence()
        with tags.collecting() as collected:
            response = self.get_response(request)
        if request.method == "GET" and self.may_keep(request, response):
            timeout = seconds_to_live(collected.until)
            tokens = tags.tokens_for(collected)
            if tags.sequence() == start:
                self.mark_public(response, collected, timeout)
                cache.set(key, self.entry(request, response, tokens, timeout), timeout)
                response[STATUS_HEADER] = "miss"
                return response
        patch_cache_control(response, private=True)
        response[STATUS_HEADER] = "pass"
        return response

    def applies(self, request):
        if not (settings.PAGE_CACHE_ENABLED and settings.PAGE_CACHE_ANSWERS):
            return False
        if request.method not in {"GET", "HEAD"}:
            return False
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        # Wagtail renders previews through the middleware with a dummy request.
        if getattr(request, "is_preview", False) or getattr(request, "is_dummy", False):
            return False
        return not request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))

    def may_serve(self, request, entry):
        if set(entry["cookies"]) & request.COOKIES.keys():
            return False
        return tags.still_valid(entry["tokens"], entry.get("check"))

    def may_keep(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or getattr(
            request, "_pagecache_private", False
        ):
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        read = request.COOKIES.read - _ignored_cookies()
        return not (read & request.COOKIES.keys())

    def entry(self, request, response, tokens, timeout):
        return {
            "expires": timezone.now().timestamp() + timeout,
            "status": response.status_code,
            "content": response.content,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in _DROPPED_HEADERS
            ],
            "cookies": sorted(request.COOKIES.read - _ignored_cookies()),
            "tokens": tokens,
            "check": tags.token_check(tokens),
            "tags": " ".join(sorted(tokens)),
        }

    def replay(self, entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        remaining = int(entry["expires"] - timezone.now().timestamp())
        self.mark_public(response, entry["tags"], max(1, remaining))
        response[STATUS_HEADER] = "hit"
        return response

    def mark_public(self, response, collected, timeout):
        """Headers for a reverse proxy in front: shared caches may keep it (browsers
        ask again), with its tags (``collected``, or a kept entry's header value) for
        targeted bans."""
        patch_cache_control(response, public=True, max_age=0, s_maxage=timeout)
        # The answer depends on neither the cookies nor Accept-Language (the language
        # is in the path): one copy for everybody.
        del response["Vary"]
        if settings.PAGE_CACHE_SEND_TAGS:
            response[TAG_HEADER] = (
                collected if isinstance(collected, str) else " ".join(sorted(collected))
            )
