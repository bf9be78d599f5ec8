"""Tests: fast and predictable. Model: wagtail/bakerydemo settings/test.py."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-not-a-secret"  # noqa: S105 - used only by the test suite
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not env.bool("HFS_SHARED_CACHE", default=False):
    # In-process tests use a fresh memory cache; the browser tests serve the site from several
    # gunicorn workers, which must share the database cache (as in production).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The browser tests run the site in other processes, which must share one media folder.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default="") or tempfile.mkdtemp(prefix="hfs-test-media-"))
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
HOT_PAGE_CACHE_RECHECK = 0  # tests publish and read back at once
