"""The admin site, with a second factor (django-otp) for staff when OTP_REQUIRED is on.

OTP_REQUIRED is on by default in production settings. Then only staff who have entered a code
from a registered device (an authenticator app, or a one-time backup code) may use the admin
and the CMS editing views, which all run through this site.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


class SiteAdmin(OTPAdminSite):
    name = "admin"

    def __init__(self, name="admin"):
        super().__init__(name)

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.OTP_REQUIRED else AdminAuthenticationForm

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.OTP_REQUIRED else None

    def has_permission(self, request):
        if settings.OTP_REQUIRED:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)
