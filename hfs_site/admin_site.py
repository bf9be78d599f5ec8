"""The admin site, with a second factor (django-otp) for staff when OTP_REQUIRED is on.

OTP_REQUIRED is on by default in production settings. Then only staff who have entered a code
from a registered device (an authenticator app, or a one-time backup code) may use the admin
and the CMS editing views, which all run through this site.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.urls import path
from django_otp.admin import OTPAdminSite

from page_addresses.moves import confirm_move

from .admin_guards import guard
from .staff_login import staff_login
from .two_factor import enrol


class SiteAdmin(OTPAdminSite):
    name = "admin"
    login_form = AdminAuthenticationForm  # without OTP_REQUIRED; with it, see login()
    login_template = None

    def __init__(self, name="admin"):
        super().__init__(name)

    # The site's own name (settings.SITE_NAME), not "Django administration" / "Django site admin".
    @property
    def site_header(self):
        return str(settings.SITE_NAME)

    @property
    def site_title(self):
        return str(settings.SITE_NAME)

    def login(self, request, extra_context=None):
        """With OTP_REQUIRED: one form for password and code, one message for any failure, and new
        staff sent to set up their app (hfs_site.staff_login)."""
        if settings.OTP_REQUIRED:
            return staff_login(self, request, extra_context)
        return super().login(request, extra_context)

    def enrol_view(self, request):
        """A staff member sets up their own authenticator app (hfs_site.two_factor)."""
        return enrol(request, self)

    def confirm_move_view(self, request, page_id):
        """Moving a page to a new address, after the editor has seen what changes."""
        return confirm_move(request, page_id, self)

    def get_urls(self):
        return [
            path("two-factor/enrol/", self.enrol_view, name="two_factor_enrol"),
            path(
                "page-addresses/move/<int:page_id>/",
                self.admin_view(self.confirm_move_view),
                name="page_addresses_confirm_move",
            ),
            *super().get_urls(),
        ]

    def admin_view(self, view, cacheable=False):
        """Every admin view passes here, those of the CMS and other apps too (hfs_site.admin_guards)."""
        return super().admin_view(guard(view), cacheable)

    def has_permission(self, request):
        if settings.OTP_REQUIRED:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)
