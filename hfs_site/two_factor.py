"""A staff member sets up their own authenticator app: no one else ever sees its secret.

The page (admin/two-factor/enrol/) is open to one person at a time, in their own session:
- a new staff member who has just given the right password on the sign-in page (joined within
  OTP_ENROLMENT_DAYS and no confirmed device yet; the session is not signed in until the code
  from the new app checks out), or
- a signed-in staff member with no confirmed authenticator app (for example one who signed in
  with a one-time code from `manage.py addstatictoken` after losing their phone).

It makes an unconfirmed TOTP device for that person only, shows its QR code and key, and
confirms it when a code from the app verifies; then the session is signed in as verified. A
confirmed device's secret is never shown again, and the page never shows another user's device.
"""

import base64
import time
from datetime import timedelta

import segno
from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.contrib.auth import login as auth_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING = "hfs_enrol_user"  # session key: who gave the right password, and when
DEVICE = "hfs_enrol_device"  # session key: the unconfirmed device this session shows
PENDING_SECONDS = 15 * 60
BACKEND = "django.contrib.auth.backends.ModelBackend"


def may_enrol_with_password(user):
    """A new staff member may set up their first device after the password alone."""
    days = getattr(settings, "OTP_ENROLMENT_DAYS", 7)
    return user.is_active and user.is_staff and user.date_joined >= timezone.now() - timedelta(days=days)


def has_any_device(user):
    """Any confirmed device: an authenticator app or one-time codes."""
    return any(True for _device in devices_for_user(user))


def has_confirmed_app(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def start_enrolment(request, user):
    """After the right password: remember who may enrol in this session (not a sign-in)."""
    request.session.cycle_key()
    request.session[PENDING] = {"user": user.pk, "hash": user.get_session_auth_hash(), "at": time.time()}
    request.session.pop(DEVICE, None)


def _pending_user(request):
    pending = request.session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = get_user_model()._default_manager.filter(pk=pending.get("user")).first()
    if user is None or not constant_time_compare(user.get_session_auth_hash(), pending.get("hash", "")):
        return None  # the password changed since
    return user if may_enrol_with_password(user) and not has_any_device(user) else None


def enrolling_user(request):
    """Who this session may set up an app for, or None."""
    user = request.user
    if user.is_authenticated:
        verified = user.is_verified() if hasattr(user, "is_verified") else False
        if user.is_active and user.is_staff and (verified or not settings.OTP_REQUIRED) and not has_confirmed_app(user):
            return user
        return None
    return _pending_user(request)


def _device_for(request, user):
    """This session's unconfirmed device for this user; a new one (with a new secret) if none."""
    device = TOTPDevice.objects.filter(pk=request.session.get(DEVICE), user=user, confirmed=False).first()
    if device is None:
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name=str(_("Authenticator app")), confirmed=False)
        request.session[DEVICE] = device.pk
    return device


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and self.device.verify_token(code)):
            raise forms.ValidationError(
                _("That code did not match. Check that the time on your phone is right, then enter the newest code.")
            )
        return code


def _next_url(request):
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("admin:index")


def _grouped(key):
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@never_cache
@csrf_protect
def enrol(request, admin_site):
    user = enrolling_user(request)
    if user is None:
        if request.user.is_authenticated and has_confirmed_app(request.user):
            raise PermissionDenied  # already set up: its secret is not shown again
        return HttpResponseRedirect(reverse("admin:login") + "?" + request.GET.urlencode())
    device = _device_for(request, user)
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        request.session.pop(DEVICE, None)
        if not request.user.is_authenticated:
            request.session.pop(PENDING, None)
            auth_login(request, user, backend=BACKEND)  # new session key; django-axes resets failures
        else:
            request.session.cycle_key()
        otp_login(request, device)
        return HttpResponseRedirect(_next_url(request))
    key = base64.b32encode(device.bin_key).decode()
    context = {
        **admin_site.each_context(request),
        "title": _("Set up your authenticator app"),
        "form": form,
        "enrolling": user,
        "qr_data_uri": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        "secret": _grouped(key),
        "next": _next_url(request),
    }
    request.current_app = admin_site.name
    return TemplateResponse(request, "admin/two_factor/enrol.html", context)
