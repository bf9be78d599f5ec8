import json

from django.contrib import admin, messages
from django.contrib.admin import ModelAdmin
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from djangocms_versioning.models import Version

from conditions.admin import PageVersionExtensionAdmin

from .content_health import FEEDBACK_DAYS, build_report, write_csv
from .models import ContentHealth, PageReview


@admin.register(PageReview)
class PageReviewAdmin(PageVersionExtensionAdmin):
    """Clinical review of one page version, opened from the toolbar or the content health report.

    The CMS's extension admin asks for permission to change the page; recording a review only
    needs permission to change reviews, so a clinical reviewer can record one without being able
    to edit or publish the page itself.
    """

    fields = ["reviewed_by", "reviewer_credentials", "reviewed_on", "next_review_due"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        """ "Reviewed by" left empty, with a review date, is the signed-in reviewer's full name."""
        form = super().get_form(request, obj, change, **kwargs)
        name = request.user.get_full_name().strip()
        if not name:
            return form

        class ReviewForm(form):
            def clean(self):
                cleaned = super().clean()
                if cleaned.get("reviewed_on") and not cleaned.get("reviewed_by", "").strip():
                    cleaned["reviewed_by"] = name
                return cleaned

        ReviewForm.base_fields["reviewed_by"].help_text = _("Leave empty to use your name: %(name)s.") % {"name": name}
        return ReviewForm

    def save_model(self, request, obj, form, change):
        if not change:
            obj.extended_object = self.extended_content(request)
        if not request.user.has_perm("editorial.change_pagereview"):
            raise PermissionDenied
        ModelAdmin.save_model(self, request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        return self.confirm_review(request, obj) or super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        return self.confirm_review(request, obj) or super().response_change(request, obj)

    def confirm_review(self, request, obj):
        """After a plain Save: say whose review of which page was recorded (in the CMS toolbar,
        the message shows as the review window closes), then go back to content health."""
        if any(key in request.POST for key in ("_continue", "_addanother", "_saveasnew", IS_POPUP_VAR)):
            return None
        content = obj.extended_object
        page = {"page": content.title, "language": get_language_info(content.language)["name_translated"]}
        if obj.reviewed_on:
            message = _(
                "Clinical review recorded for “%(page)s” (%(language)s): reviewed by %(reviewer)s on "
                "%(date)s. Next review due %(next)s."
            ) % {
                **page,
                "reviewer": obj.reviewed_by,
                "date": date_format(obj.reviewed_on),
                "next": date_format(obj.next_review_due),
            }
        else:
            message = _("Saved “%(page)s” (%(language)s) with no review recorded.") % page
        self.message_user(request, message, messages.SUCCESS)
        if request.user.has_perm("editorial.view_contenthealth"):
            return HttpResponseRedirect(reverse("admin:editorial_contenthealth_changelist"))
        return HttpResponseRedirect(reverse("admin:index"))


@admin.register(ContentHealth)
class ContentHealthAdmin(admin.ModelAdmin):
    """Admin > Content health: the report of every page, also as CSV or JSON (?format=csv|json)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = build_report()
        output = request.GET.get("format")
        if output == "json":
            return HttpResponse(json.dumps([r.as_dict() for r in rows], default=str), content_type="application/json")
        if output == "csv":
            response = HttpResponse(content_type="text/csv")
            response["Content-Disposition"] = 'attachment; filename="content-health.csv"'
            write_csv(rows, response)
            return response
        drafts = Version.objects.filter(pk__in=[row.draft.version_id for row in rows if row.draft])
        context = {
            **self.admin_site.each_context(request),
            "title": _("Content health"),
            "opts": self.model._meta,
            # pages with something to fix now first, each group in the order of the page tree
            "rows": sorted(rows, key=lambda row: not row.urgent_problems),
            "flagged": sum(1 for row in rows if row.flags),
            "urgent": sum(1 for row in rows if row.urgent_problems),
            "can_review": request.user.has_perm("editorial.change_pagereview"),
            # drafts this user may discard (versioning's own rules: permission, lock)
            "discardable": {draft.pk for draft in drafts if draft.check_discard.as_bool(request.user)},
            "feedback_days": FEEDBACK_DAYS,
        }
        return TemplateResponse(request, "admin/editorial/content_health.html", context)
