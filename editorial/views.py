"""Leaving a draft for the place where something is really edited (common/edited_elsewhere.py).

An editor who made a draft only to change a figure or a phone number that is edited elsewhere
should not leave an empty draft behind: it would lock the page to them (version locking) and
show in the version list as work in progress. So, on the way there, their own draft is removed
when nothing in it was changed since it was made (`is_unchanged`), through versioning's own
discard checks.
"""

from cms.models import CMSPlugin, Placeholder
from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.models import Version


class LeaveDraftForm(forms.Form):
    next = forms.CharField(max_length=2000)
    version = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


def is_unchanged(version):
    """Nothing in the version changed since it was made: versioning's "modified" time (moved by
    every change made through the CMS) and each plugin's own change time (moved by any save)."""
    if version.modified > version.created:
        return False
    placeholders = Placeholder.objects.get_for_obj(version.content)
    return not CMSPlugin.objects.filter(placeholder__in=placeholders, changed_date__gt=version.created).exists()


@require_POST
@staff_member_required
def leave_unchanged_draft(request):
    form = LeaveDraftForm(request.POST)
    if not form.is_valid():
        return redirect("/")
    target = form.cleaned_data["next"]
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    draft = Version.objects.filter(pk=form.cleaned_data["version"] or 0, state=DRAFT).first()
    if (
        draft is not None
        and draft.created_by_id == request.user.pk
        and is_unchanged(draft)
        and draft.check_discard.as_bool(request.user)
    ):
        name = getattr(draft.content, "title", None) or str(draft.content)
        draft.delete()  # what versioning's "Discard" does
        messages.info(request, _("Your draft of “%(page)s” had no changes, so it was removed.") % {"page": name})
    return redirect(target)
