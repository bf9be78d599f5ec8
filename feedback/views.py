"""Receive an answer to "Did this page help you?" and send the visitor back to the page."""

import logging
from urllib.parse import urlsplit

from cms.models import Page, PageContent
from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django_ratelimit.core import get_usage

from .forms import FeedbackForm
from .models import PageFeedback

logger = logging.getLogger(__name__)
ANCHOR = "page-feedback"


def _origin_of(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else None


def comes_from_this_site(request):
    """The CSRF check for a form on a cached page, which cannot carry a per-visitor token:
    browsers name the page a form was sent from in Origin (and Referer); another site's page
    cannot pretend to be ours. A post naming neither is refused, as Django does over HTTPS."""
    if request.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site"):
        return False
    allowed = {f"{request.scheme}://{request.get_host()}".lower()}
    allowed |= {origin.lower() for origin in settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin.lower() in allowed
    return _origin_of(request.headers.get("Referer")) in allowed


def _answers_today(request, increment=False):
    """This address's answers in the current window, counting this one (django-ratelimit's
    atomic increment), or None when the cache cannot be read: the limit then fails open (it
    is there against floods, not to lose answers)."""
    try:
        usage = get_usage(
            request, group="page-feedback", key="ip", rate=settings.FEEDBACK_RATE_LIMIT, increment=increment
        )
    except Exception:
        logger.exception("Page feedback rate limit unavailable; accepting the answer")
        return None
    return usage


def _published_page(page_id, language):
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not PageContent.objects.filter(page=page, language=language).exists():
        return None
    return page


@csrf_exempt  # cached pages carry no token; comes_from_this_site() is the check instead
def submit_feedback(request):
    language = get_language()
    if request.method != "POST":
        return HttpResponseRedirect("/" if language == settings.LANGUAGE_CODE else f"/{language}/")
    if not comes_from_this_site(request):
        return render(request, "403_csrf.html", status=403)
    if request.content_type != "application/x-www-form-urlencoded":
        return render(request, "400.html", status=400)
    form = FeedbackForm(request.POST)
    valid = form.is_valid()
    page = _published_page(form.cleaned_data["page"], language) if "page" in form.cleaned_data else None
    if page is None:
        return render(request, "feedback/no_page.html", status=400)
    page_url = page.get_absolute_url(language)
    if not valid:
        context = {"form": form, "page_url": page_url, "page_title": page.get_title(language)}
        return render(request, "feedback/form_page.html", context, status=400)
    if form.is_spam:
        return HttpResponseRedirect(f"{page_url}?feedback=thanks#{ANCHOR}")
    usage = _answers_today(request, increment=True)  # the place is taken before the save: no race
    if usage and usage["should_limit"]:
        return render(request, "feedback/too_many.html", {"page_url": page_url}, status=429)
    PageFeedback.objects.create(
        page=page, language=language, helped=form.cleaned_data["helped"], comment=form.cleaned_data["comment"]
    )
    return HttpResponseRedirect(f"{page_url}?feedback=thanks#{ANCHOR}")
