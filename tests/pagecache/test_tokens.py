"""Checking an entry's tag tokens: the fast path (one raw MGET compared as Redis
answers it) and the generic one agree, and a replaced or lost token fails both."""

from portal.pagecache import tags


def test_the_suites_shared_cache_takes_the_fast_path():
    assert tags._plain_redis() is not None


def test_a_replaced_or_lost_token_makes_an_entry_stale_on_both_paths():
    tokens = tags.tokens_for({"page:1", "table:events_announcement"})
    check = tags.token_check(tokens)
    assert tags.still_valid(tokens, check)
    assert tags.still_valid(tokens)
    tags.invalidate({"page:1"})
    assert not tags.still_valid(tokens, check)
    assert not tags.still_valid(tokens)

    tokens = tags.tokens_for({"page:2"})
    check = tags.token_check(tokens)
    assert tags.still_valid(tokens, check)
    tags.shared_cache().delete(tags.TAG_PREFIX + "page:2")  # evicted
    assert not tags.still_valid(tokens, check)
    assert not tags.still_valid(tokens)


def test_an_entry_without_tags_is_valid():
    assert tags.still_valid({}, tags.token_check({}))
