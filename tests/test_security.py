"""Security headers on every public page (cache hits too), error pages, probes, sign-in lockout."""

import re

import pytest
from django.db import connections
from django.test import Client, override_settings

from .conftest import post_form

pytestmark = pytest.mark.django_db
PAGE = "/hemifacial-spasm/causes/"


def csp_directives(response):
    return dict(
        (part.split()[0], part.split()[1:]) for part in response["Content-Security-Policy"].split(";") if part.strip()
    )


def assert_public_headers(response):
    csp = csp_directives(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_public_pages_send_the_security_headers_on_misses_and_cache_hits():
    client = Client()
    first, hit = client.get(PAGE), client.get(PAGE)  # the second comes from the caches
    for response in (first, hit):
        assert_public_headers(response)
    assert first["Content-Security-Policy"] == hit["Content-Security-Policy"]
    assert_public_headers(client.get("/callback/"))
    assert_public_headers(client.get("/no-such-page/"))


def test_signed_in_staff_get_only_what_the_cms_toolbar_needs(editor_client):
    response = editor_client.get(PAGE)
    csp = csp_directives(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert csp["object-src"] == ["'none'"]


def test_no_page_has_an_inline_script_or_handler(client):
    pages = ["/", PAGE, "/care-team/", "/callback/", "/hemifacial-spasm/print/", "/no-such-page/"]
    for url in [*pages, "/hemifacial-spasm/your-appointment/", "/es/"]:
        html = client.get(url).content.decode()
        # JSON-LD is data; the diary's script is a file of the site's own (CSP: script-src 'self')
        assert not re.search(r'<script(?![^>]*(application/ld\+json|\ssrc="/static/))', html), url
        assert not re.search(r"\son[a-z]+=", html), url


@override_settings(DEBUG=False)
def test_the_500_page_renders_without_the_database():
    from django.template.loader import render_to_string

    connections["default"].close()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(connections["default"], "cursor", lambda *a, **k: (_ for _ in ()).throw(RuntimeError("db down")))
        html = render_to_string("500.html")
    assert "Sorry, something went wrong" in html
    assert 'href="tel:5550104477"' in html
    assert "In an emergency, call 911." in html


@pytest.mark.parametrize(
    "template,heading",
    [("400.html", "could not be understood"), ("403.html", "cannot open"), ("403_csrf.html", "send the form again")],
)
def test_error_pages_are_in_the_site_design_with_the_phone_number(template, heading):
    from django.template.loader import render_to_string

    html = render_to_string(template)
    assert heading in html
    assert 'class="skip-link"' in html
    assert 'href="tel:5550104477"' in html
    assert '<html lang="en">' in html
    assert html.count("<h1>") == 1


def test_a_bad_host_header_gets_the_400_page():
    response = Client().get(PAGE, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "could not be understood" in response.content.decode()


def test_a_form_without_its_csrf_token_gets_the_friendly_403():
    response = post_form(Client(enforce_csrf_checks=True), "/callback/", {"name": "x"})
    assert response.status_code == 403
    assert "send the form again" in response.content.decode()


def test_healthz_and_readyz(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "ok", "database": True, "cache": True}
    assert "no-cache" in ready["Cache-Control"] or "max-age=0" in ready["Cache-Control"]


def test_readyz_says_503_when_the_database_is_down(client, monkeypatch):
    from hfs_site import views

    monkeypatch.setattr(views, "_database_ok", lambda: False)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] is False


def test_repeated_failed_sign_ins_lock_the_account(editor):
    client = Client()
    for _ in range(5):
        client.post("/admin/login/", {"username": "editor", "password": "wrong-password"})
    response = client.post("/admin/login/", {"username": "editor", "password": "a-long-test-password"})
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_a_correct_sign_in_works(editor):
    client = Client()
    response = client.post("/admin/login/?next=/admin/", {"username": "editor", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_request_errors_are_logged_as_one_json_line_without_personal_data(capsys):
    import json
    import logging

    from hfs_site.logging import JsonLineFormatter

    records = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(JsonLineFormatter().format(record))
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        Client().get("/no-such-page/?email=ana@example.org&phone=5550102233")
    finally:
        logger.removeHandler(handler)
    assert len(records) == 1
    assert "\n" not in records[0]
    line = json.loads(records[0])
    assert line["status"] == 404
    assert line["path"] == "/no-such-page/"
    assert line["level"] == "WARNING"
    assert "ana@example.org" not in records[0]
    assert "5550102233" not in records[0]
