"""The anonymous page cache: whole responses for visitors, never stale.

Anonymous GETs of public pages (and feeds, calendars, the sitemap, search results) are
kept in the shared cache with the list of things they were built from (their *tags*);
any change to one of those things replaces the tag's token, which makes every entry
built from it invalid on every app process at once. docs/caching.md states the rule.
"""
