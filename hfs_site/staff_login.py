"""Staff sign-in with a second factor (OTP_REQUIRED on): username, password and code on one form.

Until both factors pass, every failure shows the same message, so the form never confirms that a
password was right: a wrong password, a missing or wrong code, a code for a device that is
throttled after failed attempts, and an account that is not staff all read the same. A wrong code
also counts as a failed sign-in for django-axes, so lock-outs come after the same number of
tries either way.

A new staff member (joined within OTP_ENROLMENT_DAYS, no confirmed device yet) who gives the
right password is sent to set up an authenticator app instead (hfs_site.two_factor); the session
is not signed in until they enter a code from it.
"""

from cms import views as cms_views
from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME, user_login_failed
from django.contrib.auth.views import LoginView
from django.db import transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice

from .two_factor import has_any_device, has_confirmed_app, may_enrol_with_password, start_enrolment

ONE_MESSAGE = _(
    "Please enter a correct username, password and code for a staff account. "
    "Note that the username and password may be case-sensitive."
)


def verified_device(user, token):
    """The user's confirmed device that accepts this code, or None (authenticator apps first)."""
    token = "".join(token.split())
    if not token or len(token) > 16:
        return None
    with transaction.atomic():
        devices = sorted(devices_for_user(user, for_verify=True), key=lambda d: not isinstance(d, TOTPDevice))
        for device in devices:
            allowed, _extra = device.verify_is_allowed()
            if allowed and device.verify_token(token):
                return device
    return None


class StaffLoginForm(AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    error_messages = {**AdminAuthenticationForm.error_messages, "invalid_login": ONE_MESSAGE}

    def clean(self):
        cleaned_data = super().clean()  # wrong password or not staff: the one message
        user = self.user_cache
        if user is None:
            return cleaned_data
        self.needs_enrolment = False
        if not has_any_device(user) and may_enrol_with_password(user):
            self.needs_enrolment = True
            return cleaned_data
        device = verified_device(user, cleaned_data.get("otp_token") or "")
        if device is None:
            self.user_cache = None
            user_login_failed.send(
                sender=type(self), credentials={"username": user.get_username()}, request=self.request
            )
            raise self.get_invalid_login_error()
        user.otp_device = device  # django_otp marks the session verified when it signs in
        return cleaned_data


class StaffLoginView(LoginView):
    authentication_form = StaffLoginForm
    template_name = "admin/two_factor/login.html"

    def form_valid(self, form):
        """Signed in with both factors; or sent to set up an app: a new staff member after the
        password (not signed in yet), or someone who signed in with a one-time code."""
        user = form.get_user()
        enrol_url = f"{reverse('admin:two_factor_enrol')}?" + urlencode(
            {REDIRECT_FIELD_NAME: self.get_redirect_url() or reverse("admin:index")}
        )
        if form.needs_enrolment:
            start_enrolment(self.request, user)
            return HttpResponseRedirect(enrol_url)
        response = super().form_valid(form)
        return response if has_confirmed_app(user) else HttpResponseRedirect(enrol_url)


def staff_login(admin_site, request, extra_context=None):
    """AdminSite.login, with the form and view above."""
    if request.method == "GET" and admin_site.has_permission(request):
        return HttpResponseRedirect(reverse("admin:index", current_app=admin_site.name))
    context = {
        **admin_site.each_context(request),
        "title": _("Log in"),
        "subtitle": None,
        "app_path": request.get_full_path(),
        "username": request.user.get_username(),
    }
    if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
        context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=admin_site.name)
    context.update(extra_context or {})
    request.current_app = admin_site.name
    return StaffLoginView.as_view(extra_context=context)(request)


def toolbar_login(request):
    """django CMS's toolbar sign-in (/cms_login/) checks the password only. With OTP_REQUIRED it
    signs no one in and sends everyone to the admin sign-in page, whatever they typed, so it
    neither skips the second factor nor tells a right password from a wrong one."""
    if settings.OTP_REQUIRED:
        return HttpResponseRedirect(reverse("admin:login"))
    return cms_views.login(request)
