"""A cache that cannot be read or written (Redis down, full disk) never stops a page being
served or a callback request being saved, and /readyz says so without taking the node out."""

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings

from coordinators.models import CallbackRequest

from .conftest import post_form

pytestmark = pytest.mark.django_db
# A real Redis client pointed at a port nothing listens on: every read and write fails.
DEAD_CACHE = {"default": {"BACKEND": "hfs_site.cache.FailSoftRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
REQUEST = {"name": "Ana Diaz", "phone": "555 010 4477", "best_time": "morning", "consent": "on"}


@override_settings(CACHES=DEAD_CACHE)
def test_pages_are_served_without_a_cache(client):
    response = client.get("/hemifacial-spasm/treatment/")
    assert response.status_code == 200
    assert "Treatment for hemifacial spasm" in response.content.decode()


@override_settings(CACHES=DEAD_CACHE)
def test_a_saved_callback_ends_on_the_thank_you_page_and_the_coordinators_are_told(client, caplog):
    response = post_form(client, "/callback/", REQUEST, follow=True)
    assert response.redirect_chain[-1][0].endswith("/callback/thanks/")
    assert response.status_code == 200
    assert CallbackRequest.objects.filter(name="Ana Diaz").count() == 1
    assert len(mail.outbox) >= 1, "the coordinators are still e-mailed"
    assert any("Cache" in record.getMessage() for record in caplog.records), "the failure is logged"


@override_settings(CACHES=DEAD_CACHE)
def test_readyz_reports_a_dead_cache_but_keeps_the_node_in(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": True, "cache": False}


def test_readyz_takes_the_node_out_when_the_database_refuses_writes(client):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("SET TRANSACTION READ ONLY")
    try:
        response = client.get("/readyz")
    finally:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA query_only = OFF")
    assert response.status_code == 503
    assert response.json()["database"] is False
