"""Wagtail's database search backend with one text-search configuration per language.

The stock PostgreSQL backend takes one ``SEARCH_CONFIG`` and writes every object to one
index table with it. The portal has Russian pages (``russian``: "олимпиадой" finds
"олимпиады") and their English translations (``english``: "theorems" finds "theorem"),
so this subclass picks the configuration

- per object when indexing, from the language of the object's *text*: its locale, or
  for an alias (wagtail-localize's stand-in for an untranslated page in the /en/ tree,
  showing the source page's Russian text) the locale of the page it is an alias of;
- per query from the active language (``LANGUAGE_CONFIGS``), so the English search
  stems the visitor's words as English and the Russian one as Russian; a query in
  another language than the default also matches with the default configuration (the
  aliases' text, see :meth:`LocalizedSearchBackend.query_configs`). Each search only
  sees its own locale's pages (``search.query.visible_pages``).

Both configurations share the table: a tsvector keeps only lexemes, and a query built
with one configuration simply does not match lexemes stemmed by the other.

Settings::

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "russian",               # the default language and anything else
        "LANGUAGE_CONFIGS": {"en": "english"},    # language code → configuration
    }}
"""

import copy
import operator
from functools import reduce

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from wagtail.coreutils import get_supported_content_language_variant


class LocalizedIndex(PostgresIndex):
    """Writes each object with the configuration of its text's language."""

    # Bulk loads (bench/search.py) set this and call ``refresh_title_norms()`` once at
    # the end: the stock index recomputes the average title length over the whole
    # table after every batch, which makes loading N pages cost O(N²).
    defer_title_norms = False

    def add_items(self, model, objs):
        groups = {}
        for obj, config in zip(objs, self.backend.configs_for_objects(objs), strict=True):
            groups.setdefault(config, []).append(obj)
        for config, group in groups.items():
            index = self
            if config != self.backend.config:
                # The stock indexer reads ``backend.config``: this index with a copy of
                # the backend set to the other configuration writes the group.
                index = copy.copy(self)
                index.backend = self.backend.with_config(config)
            PostgresIndex.add_items(index, model, group)

    def _refresh_title_norms(self, full=False):
        if full or not self.defer_title_norms:
            super()._refresh_title_norms(full=full)

    def refresh_title_norms(self):
        """Recompute every row's title norm (after a bulk load)."""
        super()._refresh_title_norms(full=True)


class LocalizedQueryCompiler(PostgresSearchQueryCompiler):
    """Queries with every configuration of :meth:`LocalizedSearchBackend.query_configs`
    (``to_tsquery('english', …) || to_tsquery('russian', …)`` on the English side)."""

    def get_config(self, backend):
        return backend.query_configs()

    def build_tsquery(self, query, config=None):
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        build = super().build_tsquery
        return reduce(operator.or_, [build(query, config=each) for each in config])


class LocalizedSearchBackend(PostgresSearchBackend):
    index_class = LocalizedIndex
    query_compiler_class = LocalizedQueryCompiler
    results_class = PostgresSearchResults

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = dict(params.get("LANGUAGE_CONFIGS") or {})

    def with_config(self, config):
        backend = copy.copy(self)
        backend.config = config
        return backend

    def config_for_language(self, language_code):
        """The configuration for a language code (``en``, ``en-gb``); the default one
        for a language without its own."""
        if not language_code:
            return self.config
        try:
            language_code = get_supported_content_language_variant(language_code)
        except LookupError:
            return self.config
        return self.language_configs.get(language_code, self.config)

    def query_configs(self):
        """The configurations a query is stemmed with: the active language's, then the
        default one. Aliases (untranslated pages in the English tree) hold text in the
        default language, indexed with its configuration, so an English visitor typing
        a Russian word form still finds them; an editor whose admin is in English still
        finds Russian pages by their word forms."""
        configs = [self.config_for_language(get_language()), self.config]
        return tuple(dict.fromkeys(configs))

    def configs_for_objects(self, objs):
        """The configuration for each object's text, in two small queries at most
        (the locales; the locales of the pages the aliases stand for)."""
        from wagtail.models import Locale, Page

        if not self.language_configs:
            return [self.config] * len(objs)
        alias_ids = {getattr(obj, "alias_of_id", None) for obj in objs} - {None}
        alias_locales = dict(
            Page.objects.filter(pk__in=alias_ids).values_list("pk", "locale_id")
            if alias_ids
            else ()
        )
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        configs = []
        for obj in objs:
            locale_id = getattr(obj, "locale_id", None)
            alias_of = getattr(obj, "alias_of_id", None)
            if alias_of is not None:
                # An alias shows its source page's text (for an untranslated page in
                # the English tree: Russian), so it is stemmed in that language.
                locale_id = alias_locales.get(alias_of, locale_id)
            configs.append(self.config_for_language(languages.get(locale_id)))
        return configs


def SearchBackend(params):
    """The per-language backend on PostgreSQL; modelsearch's own elsewhere (SQLite has
    no stemming configurations)."""
    if connection.vendor == "postgresql":
        return LocalizedSearchBackend(params)
    return database_backend(params)
