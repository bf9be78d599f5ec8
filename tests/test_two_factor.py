"""Staff sign in with a second factor when OTP_REQUIRED is on (the production default)."""

import base64
import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import CONTENT_EDITOR

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"
ONE_MESSAGE = "Please enter a correct username, password and code for a staff account."
ENROL = "/admin/two-factor/enrol/"


@pytest.fixture
def otp_required(settings):
    settings.OTP_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp slows down retries after a wrong code


def current_code(device):
    """The code an authenticator app shows now, computed from the device's key."""
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():0{device.digits}d}"


def new_staff(username="new-editor", joined_days_ago=0):
    user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
    user.date_joined = timezone.now() - datetime.timedelta(days=joined_days_ago)
    user.save()
    user.groups.add(Group.objects.get(name=CONTENT_EDITOR))
    return user


def sign_in(client, username, password=PASSWORD, code=""):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password, "otp_token": code})


def page_text(response):
    """The page as a person sees it: without the per-response CSRF token."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def shown_secret(response):
    match = re.search(r'<code id="otp-secret">([A-Z2-7 ]+)</code>', response.content.decode())
    return match and match.group(1).replace(" ", "")


def test_without_a_code_staff_cannot_reach_the_admin(otp_required, editor):
    TOTPDevice.objects.create(user=editor, name="phone")
    client = Client()
    response = sign_in(client, "editor")
    assert response.status_code == 200
    assert "otp_token" in response.content.decode()
    assert ONE_MESSAGE in response.content.decode()
    assert client.get("/admin/").status_code == 302  # back to the sign-in page


# --- finding 11: one message until both factors pass --------------------------------------


def test_a_wrong_password_and_a_wrong_or_missing_code_read_the_same(otp_required, editor):
    TOTPDevice.objects.create(user=editor, name="phone")
    wrong_password = sign_in(Client(), "editor", password="not-the-password", code="123456")
    wrong_code = sign_in(Client(), "editor", code="123456")
    no_code = sign_in(Client(), "editor")
    no_such_user = sign_in(Client(), "nobody-here", code="123456")
    assert {r.status_code for r in (wrong_password, wrong_code, no_code, no_such_user)} == {200}
    assert ONE_MESSAGE in page_text(wrong_password)
    assert page_text(wrong_code) == page_text(wrong_password)
    assert page_text(no_code) == page_text(sign_in(Client(), "editor", password="not-the-password"))
    assert "otp_device" not in page_text(wrong_code)  # no list of the user's devices either
    assert page_text(no_such_user).replace("nobody-here", "editor") == page_text(wrong_password)


def test_wrong_codes_count_towards_the_lockout_like_wrong_passwords(otp_required, editor, settings):
    device = TOTPDevice.objects.create(user=editor, name="phone")
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "editor", code="000000")
    response = sign_in(client, "editor", code=current_code(device))
    assert response.status_code == 429
    assert Client().get("/admin/").status_code == 302


def test_someone_signed_in_with_a_one_time_code_sets_up_their_app(otp_required, editor):
    from django_otp.plugins.otp_static.models import StaticDevice

    StaticDevice.objects.create(user=editor, name="backup").token_set.create(token="abcd2345")  # noqa: S106
    client = Client()
    response = sign_in(client, "editor", code="abcd2345")
    # now set up an app
    assert response.status_code == 302
    assert response["Location"].startswith(ENROL)
    assert client.get("/admin/").status_code == 200  # signed in and verified meanwhile
    page = client.get(response["Location"])
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert shown_secret(page) == base64.b32encode(device.bin_key).decode()
    assert client.post(response["Location"], {"code": current_code(device)})["Location"] == "/admin/"
    assert TOTPDevice.objects.get(pk=device.pk).confirmed


# --- finding 10: a new staff member sets up their own authenticator app --------------------


def test_a_new_staff_member_sets_up_their_own_app(otp_required):
    user = new_staff()
    client = Client()
    response = sign_in(client, "new-editor")
    assert response.status_code == 302
    assert response["Location"].startswith(ENROL)
    assert client.get("/admin/").status_code == 302  # the password alone signs nobody in

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("max-age=0")
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    html = page.content.decode()
    assert re.search(r'<img src="data:image/svg\+xml;charset=utf-8,[^"]+" alt="QR code', html)
    assert shown_secret(page) == base64.b32encode(device.bin_key).decode()

    wrong = client.post(response["Location"], {"code": "000000"})
    assert wrong.status_code == 200
    assert "did not match" in wrong.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed

    done = client.post(response["Location"], {"code": current_code(device)})
    assert done.status_code == 302
    assert done["Location"] == "/admin/"
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/").status_code == 200  # signed in, and verified

    again = client.get(ENROL)
    # the secret is not shown again
    assert again.status_code == 403
    assert shown_secret(again) is None


def test_the_page_shows_no_secret_a_superuser_or_anyone_else_has_seen(otp_required, editor):
    user = new_staff()
    made_by_admin = TOTPDevice.objects.create(user=user, name="made by a superuser", confirmed=False)
    someone_else = TOTPDevice.objects.create(user=editor, name="editor's phone", confirmed=False)
    client = Client()
    enrol_url = sign_in(client, "new-editor")["Location"]
    page = client.get(enrol_url)
    secrets = {base64.b32encode(d.bin_key).decode() for d in (made_by_admin, someone_else)}
    assert shown_secret(page)
    assert shown_secret(page) not in secrets
    assert TOTPDevice.objects.filter(user=editor, pk=someone_else.pk).exists()  # left alone
    assert shown_secret(client.get(enrol_url)) == shown_secret(page)  # the same app until confirmed


def test_only_someone_who_just_gave_the_password_reaches_the_page(otp_required, editor):
    new_staff()
    assert Client().get(ENROL)["Location"].startswith("/admin/login/")
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    verified = Client()
    device = TOTPDevice.objects.get(user=editor)
    assert sign_in(verified, "editor", code=current_code(device)).status_code == 302
    assert verified.get(ENROL).status_code == 403


def test_an_old_account_without_a_device_is_not_opened_by_the_password_alone(otp_required):
    new_staff("dormant", joined_days_ago=60)
    response = sign_in(Client(), "dormant")
    assert response.status_code == 200
    assert ONE_MESSAGE in response.content.decode()
    assert page_text(response) == page_text(sign_in(Client(), "dormant", password="wrong-password-here"))


def test_a_changed_password_ends_the_enrolment(otp_required):
    user = new_staff()
    client = Client()
    enrol_url = sign_in(client, "new-editor")["Location"]
    user.set_password("another-long-password")
    user.save()
    assert client.get(enrol_url).status_code == 302


def test_a_password_that_was_stolen_is_not_enough(otp_required, editor):
    device = TOTPDevice.objects.create(user=editor, name="phone")
    client = Client()
    sign_in = {"username": "editor", "password": PASSWORD, "otp_device": device.persistent_id}
    client.post("/admin/login/", {**sign_in, "otp_token": "000000"})
    assert client.get("/admin/").status_code == 302
    response = client.post("/admin/login/?next=/admin/", {**sign_in, "otp_token": current_code(device)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_unverified_staff_get_the_public_security_policy(otp_required, editor_client):
    response = editor_client.get("/hemifacial-spasm/")
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_production_requires_the_second_factor_by_default():
    code = "from django.conf import settings; print(settings.OTP_REQUIRED)"
    env = {
        "DJANGO_SETTINGS_MODULE": "hfs_site.settings.production",
        "SECRET_KEY": "x" * 64,
        "ALLOWED_HOSTS": "hfs.example.org",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "True", result.stderr


def test_the_cms_toolbar_sign_in_is_no_way_round_the_second_factor(otp_required, editor):
    """django CMS's own sign-in (/cms_login/) takes a password only; it must neither sign staff in
    nor answer differently for a right and a wrong password."""
    TOTPDevice.objects.create(user=editor, name="phone")
    right, wrong = Client(), Client()
    right_answer = right.post("/cms_login/?next=/", {"username": "editor", "password": PASSWORD})
    wrong_answer = wrong.post("/cms_login/?next=/", {"username": "editor", "password": "not-the-password"})
    assert right_answer.status_code == wrong_answer.status_code
    assert right_answer.get("Location") == wrong_answer.get("Location")
    assert "_auth_user_id" not in right.session
