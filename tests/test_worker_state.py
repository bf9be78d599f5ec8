"""What each worker keeps for itself follows the shared cache, whatever its clock says."""

import sys
import time

import pytest

from caching import fragments
from caching.registry import pages_changed
from caching.versions import content_version

pytestmark = pytest.mark.django_db


def test_a_version_read_at_a_later_clock_reading_is_read_again(settings):
    """A reading from another clock (a test's fake one, or a machine that has been up for less
    time than that reading) must not freeze the version until the clock catches up."""
    settings.HOT_PAGE_CACHE_RECHECK = 1
    built = []

    def build():
        built.append(1)
        return f"fragment {len(built)}"

    assert fragments.cached("test", 1, build=build) == "fragment 1"
    content_version.current(now=time.monotonic() + 10_000)  # a reading from a clock far ahead
    pages_changed()
    assert fragments.cached("test", 1, build=build) == "fragment 2"


def test_the_worker_caches_stay_whole_when_many_threads_use_them_at_once(settings, monkeypatch):
    """gunicorn runs several threads per worker: hammer the per-worker page copies and
    the content version from 16 threads while that version keeps changing."""
    import threading

    from django.http import HttpResponse
    from django.test import RequestFactory

    from caching import hot_pages
    from caching.hot_pages import HotPageCache

    settings.HOT_PAGE_CACHE_RECHECK = 0.001
    monkeypatch.setattr(hot_pages, "MAX_ENTRIES", 4)  # evict all the time

    def page(request):
        response = HttpResponse(f"page {request.path}")
        response["Cache-Control"] = "max-age=60"
        return response

    hot = HotPageCache(page)
    factory, errors, start = RequestFactory(), [], threading.Barrier(16)

    def hammer(n):
        start.wait()
        try:
            for i in range(300):
                path = f"/p{(n + i) % 6}/"
                assert hot(factory.get(path)).content == f"page {path}".encode()
                assert fragments.cached("hammer", i % 40, build=lambda k=i % 40: k) == i % 40
                if i % 50 == 0:
                    content_version.bump()
        except Exception as error:  # reported below, with the thread's number
            errors.append((n, repr(error)))

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(16)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as the interpreter can
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert errors == []
    assert len(hot.entries) <= 4
