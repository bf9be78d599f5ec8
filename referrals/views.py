"""/r/<code>/: count the visit (a number per day, nothing else), remember the code, redirect."""

from cms.models import PageContent
from django.shortcuts import redirect, render
from django.utils.translation import override

from coordinators.contacts import contact_details, coordinators_for
from coordinators.views import REFERRAL_SESSION_KEY

from . import codes
from .models import ReferralLink


def follow(request, code):
    link = ReferralLink.objects.select_related("page").filter(code=codes.normalize(code)).first()
    if link is None:
        return _not_active(request, status=404)
    language = link.language or request.LANGUAGE_CODE
    published = link.page_id and PageContent.objects.filter(page_id=link.page_id, language=language).exists()
    if not link.is_usable() or not published:
        return _not_active(request, status=410)
    link.count_visit()
    request.session[REFERRAL_SESSION_KEY] = link.code
    with override(language):
        return redirect(link.target_url())


def _not_active(request, status):
    context = {"contacts": contact_details(coordinators_for())}
    return render(request, "referrals/not_active.html", context, status=status)
