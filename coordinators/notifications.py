"""Tell the coordinators that a callback request is waiting, without putting personal data in e-mail."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from common.addresses import absolute_url

from .models import CareCoordinator

logger = logging.getLogger(__name__)


def notify_coordinators(callback) -> bool:
    """E-mail every active coordinator a link to the request. The request is already saved;
    a failure is logged (by number only) and leaves it marked "not notified" in the admin.
    The e-mail is in the staff's language (the site's default), whatever language the patient
    used; it says which one that was, so the call back can be in it."""
    with override(settings.LANGUAGE_CODE):
        return _send_notification(callback)


def _send_notification(callback) -> bool:
    recipients = list(CareCoordinator.objects.filter(is_active=True).values_list("email", flat=True))
    if not recipients:
        logger.warning("Callback request %s: no active coordinator to notify", callback.pk)
        return False
    link = absolute_url(reverse("admin:coordinators_callbackrequest_change", args=[callback.pk]))
    body = _(
        "A patient has asked the care team to call them back.\n\n"
        "Request number: %(number)s\nBest time to call: %(best_time)s\n"
        "Language they used on the site: %(language)s\n\n"
        "Their details are in the admin (sign in first):\n%(link)s\n\n"
        "Their details are not in this e-mail, to keep them private."
    ) % {
        "number": callback.pk,
        "best_time": callback.get_best_time_display(),
        "language": callback.get_language_display(),
        "link": link,
    }
    try:
        send_mail(_("New callback request %(number)s") % {"number": callback.pk}, body, None, recipients)
    except Exception as error:  # any backend failure: the request is saved, so report and carry on
        logger.error("Callback request %s: notification e-mail failed (%s)", callback.pk, type(error).__name__)
        return False
    callback.notified_at = timezone.now()
    callback.save(update_fields=["notified_at"])
    return True
