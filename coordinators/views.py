"""Callback requests: the form page, the confirmation page, and the rate limit.

Once a request is saved, the visitor always reaches the thank-you page: counting it against the
rate limit and e-mailing the coordinators may fail (cache or mail server down) and are logged;
`manage.py resend_callback_notifications` e-mails about requests that were never notified.
"""

import logging

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django_ratelimit.core import get_usage

from referrals.visits import referral_code

from .contacts import contact_details, coordinators_for
from .forms import CallbackRequestForm
from .notifications import notify_coordinators

# Referral links (/r/<code>/) leave the code in a signed cookie (referrals.visits); sessions
# made before that kept it under this key, and are still read until they expire.
REFERRAL_SESSION_KEY = "referral_code"


logger = logging.getLogger(__name__)


def _usage(request, increment):
    """This client address's saved requests in the current window (django-ratelimit), or None
    when the count cannot be read: then the limit fails open, and the failure is logged."""
    try:
        return get_usage(
            request, group="callback-request", key="ip", rate=settings.CALLBACK_RATE_LIMIT, increment=increment
        )
    except Exception as error:
        logger.warning("Callback rate limit unavailable (%s); letting the request through", type(error).__name__)
        return None


def _limit_reached(request):
    usage = _usage(request, increment=False)
    return bool(usage) and usage["count"] >= usage["limit"]


def _take_a_place(request):
    """Count this request before saving it, in one atomic step (the cache's increment), so
    that simultaneous requests cannot all pass the check before any of them is counted.
    Only valid requests get here: a visitor correcting mistakes is never locked out."""
    usage = _usage(request, increment=True)
    return not (usage and usage["should_limit"])


def new_callback_form(request):
    code = referral_code(request) or request.session.get(REFERRAL_SESSION_KEY, "")
    return CallbackRequestForm(initial={"heard_about": code})


def callback_request(request):
    if request.method == "POST":
        if request.content_type != "application/x-www-form-urlencoded":
            return render(request, "400.html", status=400)  # the form never sends files
        if _limit_reached(request):
            return too_many_requests(request)
        form = CallbackRequestForm(request.POST)
        if form.is_valid():
            if not _take_a_place(request):
                return too_many_requests(request)
            form.instance.language = get_language()
            callback = form.save()
            _notify(callback)
            return redirect("coordinators:callback_thanks")
    else:
        form = new_callback_form(request)
    return render(request, "coordinators/callback_request.html", {"form": form})


def _notify(callback):
    """After the save nothing may turn the answer into an error: a failure is logged, and the
    request stays "not notified" for resend_callback_notifications."""
    try:
        notify_coordinators(callback)
    except Exception as error:
        logger.error("Callback request %s: notifying failed (%s)", callback.pk, type(error).__name__)


def callback_thanks(request):
    return render(request, "coordinators/callback_thanks.html")


def too_many_requests(request, exception=None):
    context = {"contacts": contact_details(coordinators_for())}
    return render(request, "coordinators/too_many_requests.html", context, status=429)
