"""What each worker keeps for itself follows the shared cache, whatever its clock says."""

import time

import pytest
from cms.cache import invalidate_cms_page_cache

from conditions import site_cache

pytestmark = pytest.mark.django_db


def test_a_version_read_at_a_later_clock_reading_is_read_again(settings):
    """A reading from another clock (a test's fake one, or a machine that has been up for less
    time than that reading) must not freeze the version until the clock catches up."""
    settings.HOT_PAGE_CACHE_RECHECK = 1
    built = []

    def build():
        built.append(1)
        return f"fragment {len(built)}"

    assert site_cache.cached("test", 1, build=build) == "fragment 1"
    site_cache.page_cache_version.read_at = time.monotonic() + 10_000
    invalidate_cms_page_cache()
    assert site_cache.cached("test", 1, build=build) == "fragment 2"
