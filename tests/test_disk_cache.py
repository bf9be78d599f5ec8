"""The single-server cache (diskcache) does not write a row again to store what it already holds:
django CMS rewrites its page-cache version after every page it stores, and every worker would
otherwise wait its turn to write that one row on every cache miss."""

import sqlite3
import time

import pytest
from diskcache import DjangoCache

from hfs_site.cache import REWRITE_AFTER_SECONDS, PersistentDiskCache


@pytest.fixture
def disk_cache(tmp_path):
    cache = PersistentDiskCache(str(tmp_path), {"SHARDS": 2})
    yield cache
    DjangoCache.close(cache)  # the site's own close() keeps the connections open


def expiry(cache, key):
    return cache.get(key, expire_time=True)[1]


def test_storing_the_same_number_again_at_once_leaves_the_row_alone(disk_cache):
    disk_cache.set("cms-version", 7, 60)
    first = expiry(disk_cache, "cms-version")
    disk_cache.set("cms-version", 7, 60)
    assert expiry(disk_cache, "cms-version") == first


def test_the_row_is_written_again_once_its_expiry_would_move_by_more_than_the_allowance(disk_cache):
    disk_cache.set("cms-version", 7, 60)
    disk_cache.set("cms-version", 7, 60 + REWRITE_AFTER_SECONDS + 5)
    assert expiry(disk_cache, "cms-version") > time.time() + 60 + REWRITE_AFTER_SECONDS


def test_a_new_value_is_always_stored(disk_cache):
    disk_cache.set("cms-version", 7, 60)
    disk_cache.set("cms-version", 8, 60)
    assert disk_cache.get("cms-version") == 8
    disk_cache.set("cms-version", "8", 60)  # equal-looking, another type
    assert disk_cache.get("cms-version") == "8"


def test_values_that_compare_by_identity_are_always_stored(disk_cache):
    disk_cache.set("page", ["a page"], 60)
    first = expiry(disk_cache, "page")
    time.sleep(0.01)
    disk_cache.set("page", ["a page"], 60)
    assert expiry(disk_cache, "page") > first


def test_a_timeout_of_zero_still_removes_the_value(disk_cache):
    disk_cache.set("cms-version", 7, 60)
    disk_cache.set("cms-version", 7, 0)
    assert disk_cache.get("cms-version") is None


def test_a_value_kept_for_ever_stays_so_and_a_timed_one_becomes_so(disk_cache):
    disk_cache.set("content-version", 3, None)
    disk_cache.set("content-version", 3, None)
    assert expiry(disk_cache, "content-version") is None
    disk_cache.set("cms-version", 7, 60)
    disk_cache.set("cms-version", 7, None)
    assert expiry(disk_cache, "cms-version") is None


def test_a_cache_that_cannot_be_read_still_takes_the_write_or_fails_softly(disk_cache, monkeypatch, caplog):
    """A locked or damaged database file: the read before the write fails (here made to fail
    the way SQLite does), the write goes ahead, and nothing raises."""

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(DjangoCache, "get", locked)
    assert disk_cache.set("cms-version", 7, 60) is True
    monkeypatch.setattr(DjangoCache, "set", locked)
    assert disk_cache.set("cms-version", 7, 60) is False
    assert any("Cache" in record.getMessage() for record in caplog.records), "the failure is logged"


def test_a_shorter_timeout_for_the_same_value_is_stored(disk_cache):
    disk_cache.set("cms-version", 7, 3600)
    disk_cache.set("cms-version", 7, 60)
    assert expiry(disk_cache, "cms-version") <= time.time() + 60
