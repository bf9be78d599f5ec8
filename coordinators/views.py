"""Callback requests: the form page, the confirmation page, and the rate limit."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django_ratelimit.core import get_usage

from .contacts import contact_details, coordinators_for
from .forms import CallbackRequestForm
from .notifications import notify_coordinators

# Set by a referral link (/r/<code>/) so the form can be pre-filled with the code.
REFERRAL_SESSION_KEY = "referral_code"


def _sent_requests(request, increment=False):
    """How many requests this client address has sent in the current window, and the limit.
    Only saved requests count, so a visitor correcting mistakes is never locked out."""
    usage = get_usage(
        request, group="callback-request", key="ip", rate=settings.CALLBACK_RATE_LIMIT, increment=increment
    )
    return (usage["count"], usage["limit"]) if usage else (0, 1)


def _limit_reached(request):
    count, limit = _sent_requests(request)
    return count >= limit


def new_callback_form(request):
    return CallbackRequestForm(initial={"heard_about": request.session.get(REFERRAL_SESSION_KEY, "")})


def callback_request(request):
    if request.method == "POST":
        if _limit_reached(request):
            return too_many_requests(request)
        form = CallbackRequestForm(request.POST)
        if form.is_valid():
            form.instance.language = get_language()
            callback = form.save()  # saved before anything else can go wrong
            _sent_requests(request, increment=True)
            notify_coordinators(callback)
            return redirect("coordinators:callback_thanks")
    else:
        form = new_callback_form(request)
    return render(request, "coordinators/callback_request.html", {"form": form})


def callback_thanks(request):
    return render(request, "coordinators/callback_thanks.html")


def too_many_requests(request, exception=None):
    context = {"contacts": contact_details(coordinators_for())}
    return render(request, "coordinators/too_many_requests.html", context, status=429)
