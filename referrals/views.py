"""/r/<code>/: count the visit (a number per day, nothing else), remember the code, redirect.

Nothing is stored about the visitor: the code for the callback form, and the links already
counted today, travel in a signed cookie (visits.py), so a visit creates no database session.
"""

from cms.models import PageContent
from django.shortcuts import redirect, render
from django.utils.translation import override

from . import codes
from .models import ReferralLink
from .visits import ReferralCookie


def follow(request, code):
    link = ReferralLink.objects.select_related("page").filter(code=codes.normalize(code)).first()
    if link is None:
        return _not_active(request, status=404)
    language = link.language or request.LANGUAGE_CODE
    published = link.page_id and PageContent.objects.filter(page_id=link.page_id, language=language).exists()
    if not link.is_usable() or not published:
        return _not_active(request, status=410)
    cookie = ReferralCookie.read(request)
    if cookie.record_visit(link.code):
        link.count_visit()
    with override(language):
        response = redirect(link.target_url())
    cookie.write(request, response)
    return response


def _not_active(request, status):
    return render(request, "referrals/not_active.html", status=status)
