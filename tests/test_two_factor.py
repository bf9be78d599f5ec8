"""Staff sign in with a second factor when OTP_REQUIRED is on (the production default)."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


@pytest.fixture
def otp_required(settings):
    settings.OTP_REQUIRED = True


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"


def test_without_a_code_staff_cannot_reach_the_admin(otp_required, editor):
    client = Client()
    response = client.post("/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD})
    assert response.status_code == 200 and "otp_token" in response.content.decode()
    assert client.get("/admin/").status_code == 302  # back to the sign-in page


def test_a_password_that_was_stolen_is_not_enough(otp_required, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp slows down retries after a wrong code
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
