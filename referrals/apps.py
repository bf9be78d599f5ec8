from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    """Referral links: the short addresses (/r/<code>/) and QR codes care coordinators print on
    letters, which open a guide page, count visits per day (nothing about the visitor) and pass
    the code on to the callback form in a signed cookie."""

    name = "referrals"
    verbose_name = _("Referral links")
