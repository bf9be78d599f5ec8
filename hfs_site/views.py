"""Probes for load balancers: /healthz (the process answers) and /readyz (it can do its work).

/readyz is 503 only when the database cannot take a write: then no callback request can be
saved. A cache that cannot be read or written is reported, but the node stays in: pages are
still served (rendered afresh) and requests still saved, since the rate limits fail open.
"""

import logging

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    ready = checks["database"]
    status = "ok" if all(checks.values()) else "degraded" if ready else "unavailable"
    return JsonResponse({"status": status, **checks}, status=200 if ready else 503)


class _RolledBack(Exception):
    pass


def _database_ok():
    """The database answers and accepts a write (made, then rolled back)."""
    try:
        with transaction.atomic():
            written = Site.objects.filter(pk=settings.SITE_ID).update(name=F("name"))
            raise _RolledBack
    except _RolledBack:
        return written == 1
    except Exception as error:  # any database failure means "not ready"
        logger.warning("readyz: database unavailable (%s)", type(error).__name__)
        return False


def _cache_ok():
    try:
        cache.set("readyz", "ok", 10)
        return cache.get("readyz") == "ok"
    except Exception as error:  # any cache failure means "not ready"
        logger.warning("readyz: cache unavailable (%s)", type(error).__name__)
        return False
