"""A saved callback request always ends on the thank-you page; notifications that failed are
sent again later; the rate limit holds under simultaneous posts; multipart bodies are refused."""

import http.cookiejar
import re
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from coordinators.models import CallbackRequest
from tools.prodserver import ProductionServer

from .conftest import post_form

pytestmark = pytest.mark.django_db
REQUEST = {"name": "Ana Diaz", "phone": "555 010 4477", "best_time": "morning", "consent": "on"}


def test_a_multipart_body_is_refused_and_nothing_is_saved(client):
    response = client.post("/callback/", REQUEST)  # the test client sends multipart by default
    assert response.status_code == 400
    assert "The request could not be understood" in response.content.decode()
    assert not CallbackRequest.objects.exists()


def test_when_mail_is_down_the_patient_is_thanked_and_a_later_run_notifies(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2  # nothing listens
    response = post_form(client, "/callback/", REQUEST, follow=True)
    assert response.redirect_chain[-1][0].endswith("/callback/thanks/")
    saved = CallbackRequest.objects.get(name="Ana Diaz")
    assert saved.notified_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("resend_callback_notifications", "--older-than", "0", verbosity=0)
    saved.refresh_from_db()
    assert saved.notified_at is not None
    assert [message.subject for message in mail.outbox] == [f"New callback request {saved.pk}"]
    call_command("resend_callback_notifications", "--older-than", "0", verbosity=0)
    assert len(mail.outbox) == 1, "a notified request is not sent again"


class _PlainHttpCookies(http.cookiejar.DefaultCookiePolicy):
    def return_ok_secure(self, cookie, request):  # production cookies are Secure; no TLS here
        return True


def _opener():
    jar = http.cookiejar.CookieJar(_PlainHttpCookies())
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def test_twenty_simultaneous_requests_from_one_address_save_at_most_the_limit():
    env = {"CALLBACK_RATE_LIMIT": "5/h", "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    with ProductionServer(workers=2, threads=8, extra_env=env) as server:
        forms = []
        for _ in range(20):
            opener = _opener()
            html = opener.open(server.url + "/callback/", timeout=30).read().decode()
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            forms.append((opener, urllib.parse.urlencode({"csrfmiddlewaretoken": token, **REQUEST}).encode()))
        start, statuses = threading.Barrier(len(forms)), []

        def send(opener, body):
            request = urllib.request.Request(server.url + "/callback/", body, headers={"Referer": server.url + "/"})
            start.wait()
            try:
                statuses.append(opener.open(request, timeout=30).status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)

        threads = [threading.Thread(target=send, args=form) for form in forms]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with sqlite3.connect(Path(server.folder.name) / "db.sqlite3") as database:
            (saved,) = database.execute("SELECT count(*) FROM coordinators_callbackrequest").fetchone()
    assert sorted(set(statuses)) == [200, 429], statuses  # thanked (after the redirect) or told to call
    assert saved == statuses.count(200) <= 5
