"""Probes for load balancers: /healthz (the process answers) and /readyz (it can do its work)."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    ready = all(checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", **checks}, status=200 if ready else 503)


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
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
