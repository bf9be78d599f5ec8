"""Callback requests: saved first, notified, accessible errors, abuse limits, privacy."""

import logging
import re
import socket
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from coordinators.models import CallbackRequest
from coordinators.views import REFERRAL_SESSION_KEY

from .conftest import post_form

pytestmark = pytest.mark.django_db

URL = "/callback/"
VALID = {
    "name": "Ana Silva",
    "phone": "+1 (555) 010-2233",
    "email": "",
    "best_time": "morning",
    "heard_about": "Dr Patel",
    "message": "My left eye keeps closing.",
    "consent": "on",
}


def post(client, **changes):
    data = {**VALID, **changes}
    return post_form(client, URL, {k: v for k, v in data.items() if v is not None})


def summary_links(html):
    summary = re.search(r'<div class="error-summary".*?</div>', html, re.DOTALL)
    assert summary, "no error summary"
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary.group(0))


def test_the_form_says_what_not_to_send_and_how_long_an_answer_takes(client):
    html = client.get(URL).content.decode()
    assert "This is not for emergencies." in html
    assert "call 911" in html
    assert "do not include detailed medical information" in html
    assert "within 1 working day" in html
    for field in ("id_name", "id_phone", "id_email", "id_best_time_0", "id_heard_about", "id_message", "id_consent"):
        assert f'id="{field}"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_care_team_page_has_the_form_and_the_coordinator_and_is_never_served_stale(client):
    first = client.get("/care-team/")
    html = first.content.decode()
    assert 'action="/callback/"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "Maria Lopez" in html
    assert "I help patients with hemifacial spasm" in html
    assert "Speaks: English, Spanish" in html
    for team in ("Neurologists", "Neurosurgeons", "Nurses"):
        assert team in html
    # each visitor gets their own CSRF token: the page is not served from the shared page cache
    other = Client().get("/care-team/")
    assert "csrftoken" in other.cookies
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    tokens = [token.search(page.content.decode())[1] for page in (first, other)]
    assert tokens[0] != tokens[1]  # nor is the form itself (its placeholder) kept as a fragment


def test_every_page_links_to_the_callback_form(client):
    for url in ("/", "/hemifacial-spasm/treatment/", "/accessibility/"):
        assert 'href="/callback/">Ask us to call you back</a>' in client.get(url).content.decode()


def test_a_valid_request_is_saved_then_the_coordinators_are_notified_without_personal_data(client):
    response = post(client)
    assert response.status_code == 302
    assert response["Location"] == "/callback/thanks/"
    saved = CallbackRequest.objects.get()
    assert (saved.name, saved.phone, saved.best_time, saved.status) == (
        "Ana Silva",
        "+1 (555) 010-2233",
        "morning",
        "new",
    )
    assert saved.consent
    assert saved.notified_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["hfs.coordinator@example.org"]
    assert f"/admin/coordinators/callbackrequest/{saved.pk}/change/" in message.body
    for private in ("Ana", "Silva", "010-2233", "left eye", "Patel"):
        assert private not in message.body
        assert private not in message.subject


def test_the_confirmation_page_says_what_happens_next_and_reloading_sends_nothing(client):
    response = post(client, email="ana@example.org", phone="")
    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    assert thanks.status_code == 200
    assert "We have your request" in html
    assert "What happens next" in html
    client.get(response["Location"])
    assert CallbackRequest.objects.count() == 1


def test_the_referral_code_is_filled_in_for_visitors_who_came_from_a_referral_link(client):
    session = client.session
    session[REFERRAL_SESSION_KEY] = "K7RM2Q"
    session.save()
    html = client.get(URL).content.decode()
    assert re.search(r'<input type="text" name="heard_about" value="K7RM2Q"', html)


TOO_LONG = "x" * 101
INVALID = [
    ({"phone": "", "email": ""}, "id_phone", "Enter a phone number or an e-mail address."),
    ({"consent": None}, "id_consent", "Tick the box to say we may contact you."),
    ({"name": ""}, "id_name", "Enter your name."),
    ({"name": "   "}, "id_name", "Enter your name."),
    ({"name": TOO_LONG}, "id_name", "Your name must be 100 characters or fewer."),
    ({"phone": "1" * 31}, "id_phone", "The phone number must be 30 characters or fewer."),
    ({"phone": "call me please"}, "id_phone", "Enter a phone number using digits"),
    ({"phone": "12"}, "id_phone", "Enter a phone number using digits"),
    ({"email": "ana@"}, "id_email", "Enter an e-mail address in the right format"),
    ({"email": "ana@example..org"}, "id_email", "Enter an e-mail address in the right format"),
    ({"email": "a" * 250 + "@example.org"}, "id_email", "254 characters or fewer"),
    ({"heard_about": TOO_LONG}, "id_heard_about", "This answer must be 100 characters or fewer."),
    ({"message": "x" * 501}, "id_message", "Your message must be 500 characters or fewer."),
    ({"name": "<script>alert(1)</script>"}, "id_name", "Remove the &lt; and &gt; symbols."),
    ({"heard_about": "<b>Dr</b>"}, "id_heard_about", "Remove the &lt; and &gt; symbols."),
    ({"message": '<img src=x onerror="alert(1)">'}, "id_message", "Remove the &lt; and &gt; symbols."),
    ({"phone": "<script>"}, "id_phone", "Enter a phone number using digits"),
    ({"email": "<script>@x.org"}, "id_email", "Enter an e-mail address in the right format"),
    ({"name": "Ana\u202eziaD"}, "id_name", "Remove the hidden control characters."),
    ({"name": "Ana\x1b[31mDiaz"}, "id_name", "Remove the hidden control characters."),
    ({"heard_about": "Dr\u2066Patel"}, "id_heard_about", "Remove the hidden control characters."),
    ({"message": "Call me\x07 please"}, "id_message", "Remove the hidden control characters."),
    ({"message": "Call me \u202eplease"}, "id_message", "Remove the hidden control characters."),
]


@pytest.mark.parametrize("changes,field,message", INVALID)
def test_each_invalid_input_gets_its_own_accessible_error_and_saves_nothing(client, changes, field, message):
    response = post(client, **changes)
    html = response.content.decode()
    assert response.status_code == 200
    assert CallbackRequest.objects.count() == 0
    assert mail.outbox == []
    assert html.count("<h1>") == 1
    assert "<title>Error: Ask us to call you back" in html
    links = summary_links(html)
    assert any(target == field and message in text for target, text in links), links
    error_id = f"{field}_error"
    assert re.search(rf'<p class="error-message" id="{error_id}">.*?{re.escape(message)}', html, re.DOTALL)
    field_tag = re.search(rf'<(?:input|textarea)[^>]*id="{field}"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in field_tag
    assert error_id in field_tag
    assert "<script>alert" not in html
    assert 'onerror="alert' not in html


def test_everything_typed_is_kept_when_there_is_an_error(client):
    html = post(client, consent=None, email="ana@example.org").content.decode()
    assert 'value="Ana Silva"' in html
    assert 'value="+1 (555) 010-2233"' in html
    assert 'value="ana@example.org"' in html
    assert 'value="Dr Patel"' in html
    assert "My left eye keeps closing.</textarea>" in html
    assert re.search(r'value="morning"[^>]*checked', html)


def test_a_message_may_have_several_lines(client):
    assert post(client, message="First line.\r\nSecond line.").status_code == 302


@pytest.mark.parametrize("name", ["María José Núñez", "王秀英", "Анна Иванова", "محمد علي", "O'Brien-Smith"])
def test_names_in_any_alphabet_are_accepted(client, name):
    assert post(client, name=name).status_code == 302
    assert CallbackRequest.objects.get().name == name


def test_a_filled_in_honeypot_saves_nothing(client):
    html = post(client, website="http://spam.example").content.decode()
    assert CallbackRequest.objects.count() == 0
    assert "This form could not be sent. Please call the care coordinator instead." in html


def test_the_rate_limit_answers_with_a_friendly_429_and_the_phone_number(client, settings):
    settings.CALLBACK_RATE_LIMIT = "2/h"
    assert post(client).status_code == 302
    assert post(client).status_code == 302
    response = post(client)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please call us instead" in html
    assert 'href="tel:5550104477"' in html
    assert CallbackRequest.objects.count() == 2
    # someone else, from another address, is not blocked
    assert post_form(Client(REMOTE_ADDR="10.0.0.9"), URL, VALID).status_code == 302


def test_invalid_attempts_do_not_use_up_the_limit(client, settings):
    settings.CALLBACK_RATE_LIMIT = "1/h"
    for _ in range(3):
        assert post(client, consent=None).status_code == 200
    assert post(client).status_code == 302


def test_a_failing_mail_server_keeps_the_request_and_logs_no_personal_data(client, settings, caplog):
    with socket.socket() as sock:  # a port with nothing listening: a real connection failure
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port, 2
    with caplog.at_level(logging.INFO):
        response = post(client)
    assert response.status_code == 302
    saved = CallbackRequest.objects.get()
    assert saved.notified_at is None
    assert f"Callback request {saved.pk}: notification e-mail failed" in caplog.text
    for private in ("Ana", "010-2233", "left eye", "Patel"):
        assert private not in caplog.text


def test_purge_deletes_only_closed_requests_past_the_retention_period():
    now = timezone.now()

    def make(status, closed_days_ago=None, created_days_ago=0):
        return CallbackRequest.objects.create(
            name="x",
            phone="5550100000",
            consent=True,
            status=status,
            created_at=now - timedelta(days=created_days_ago),
            closed_at=now - timedelta(days=closed_days_ago) if closed_days_ago is not None else None,
        )

    old_closed = make("closed", closed_days_ago=91, created_days_ago=95)
    recent_closed = make("closed", closed_days_ago=10, created_days_ago=200)
    old_new = make("new", created_days_ago=200)
    old_contacted = make("contacted", created_days_ago=200)
    call_command("purge_callback_requests", verbosity=0)
    remaining = set(CallbackRequest.objects.values_list("pk", flat=True))
    assert old_closed.pk not in remaining
    assert remaining == {recent_closed.pk, old_new.pk, old_contacted.pk}
