"""Spam guards for the public forms anonymous visitors fill in (questions, polls).

The forms carry no CSRF token, so that the pages showing the question form are kept by
the page cache and the reverse proxy (docs/caching.md; a poll page is not kept, since it
shows each visitor's own state); bots are kept out by two cheap checks that cost an honest visitor
nothing:

- a **honeypot**: a text field people never see (hidden by CSS, skipped by the
  keyboard, labelled for screen readers as "leave empty") that form-filling bots fill;
- a **minimum fill time**: the form carries a signed timestamp of when it was shown;
  a submission faster than a person could read the form, or with a forged token, is
  refused. The time and the token are checked only once the fields themselves are
  valid, so an empty or incomplete form says what is missing. A token is accepted
  **once**: used tokens are remembered in the cache every app process shares until
  they would expire anyway, so a bot cannot fetch one form and replay its token for
  every post. A visitor whose token was already used (two
  people behind one cached page) is asked to send again, with the text kept and a
  fresh token in the re-shown form.

Each form says what it calls the two fields and how it words the refusals, so the
messages stay in the translation catalogue of the app that shows them. The per-IP rate
limit lives in the views (django-ratelimit over the Django cache).
"""

import hashlib
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import caches


def new_token(salt):
    """A signed "the form was shown now" (with a random part, so every form differs)."""
    return signing.dumps({"t": time.time(), "n": secrets.token_urlsafe(8)}, salt=salt)


def token_time(payload):
    """The timestamp of a token (older tokens were a bare number)."""
    if isinstance(payload, dict):
        payload = payload.get("t")
    return float(payload)


def use_token(token, salt, max_age):
    """Record ``token`` as used; ``False`` when it had been used before (a replay).

    ``cache.add`` is atomic in Redis: of two processes receiving the same token at the
    same moment, one wins.
    """
    digest = hashlib.sha256(f"{salt}:{token}".encode()).hexdigest()
    cache = caches[getattr(settings, "SHARED_CACHE_ALIAS", "default")]
    return cache.add(f"spam-token:{digest}", 1, timeout=max_age)


class SpamGuardMixin:
    """A ``forms.Form`` mixin adding the honeypot and the signed timestamp fields.

    Subclasses set ``token_salt``, ``honeypot_label`` and the three messages. After
    ``is_valid()``, ``is_spam`` says whether the refusal was for spam (honeypot filled,
    sent too fast) rather than an honest mistake; a stale or forged token is treated as
    an honest visitor who kept the page open for too long.
    """

    honeypot_field = "website"
    started_field = "started"
    token_salt = None
    min_fill_seconds = 3
    # A page kept by the page cache or the proxy (at most PAGE_CACHE_TIMEOUT, 6 hours)
    # carries a token as old as the kept page; a week is generous.
    token_max_age = 7 * 24 * 3600
    honeypot_label = None
    spam_message = None
    stale_message = None
    too_fast_message = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field] = forms.CharField(
            label=self.honeypot_label,
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        self.fields[self.started_field] = forms.CharField(required=False, widget=forms.HiddenInput)
        self._spam = False
        self.original_started = ""
        if self.is_bound:
            self.original_started = str(self.data.get(self.started_field, ""))
            # A fresh token, so a visitor sent back by an error can simply submit again.
            self.data = self.data.copy()
            self.data[self.started_field] = new_token(self.token_salt)
        else:
            self.initial[self.started_field] = new_token(self.token_salt)

    @property
    def spam_field_names(self):
        return (self.honeypot_field, self.started_field)

    @property
    def is_spam(self):
        return self._spam

    def clean(self):
        cleaned = super().clean()
        if self.data.get(self.honeypot_field):
            self._spam = True
            raise forms.ValidationError(self.spam_message, code="spam")
        if self.errors:
            # A form with missing or wrong fields is not accepted anyway: say what is
            # missing instead of "too fast" (an empty form is sent fast) and leave the
            # token unused (the re-shown form carries a fresh one).
            return cleaned
        try:
            started = token_time(
                signing.loads(
                    self.original_started, salt=self.token_salt, max_age=self.token_max_age
                )
            )
        except (signing.BadSignature, TypeError, ValueError):
            raise forms.ValidationError(self.stale_message, code="stale") from None
        if time.time() - started < self.min_fill_seconds:
            self._spam = True
            raise forms.ValidationError(self.too_fast_message, code="too_fast")
        if not use_token(self.original_started, self.token_salt, self.token_max_age):
            raise forms.ValidationError(self.stale_message, code="replayed")
        return cleaned
