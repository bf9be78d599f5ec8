import json

from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse

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

    def save_model(self, request, obj, form, change):
        if not change:
            obj.extended_object = self.extended_content(request)
        if not request.user.has_perm("editorial.change_pagereview"):
            raise PermissionDenied
        ModelAdmin.save_model(self, request, obj, form, change)


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
        context = {
            **self.admin_site.each_context(request),
            "title": "Content health",
            "opts": self.model._meta,
            "rows": rows,
            "flagged": sum(1 for row in rows if row.flags),
            "can_review": request.user.has_perm("editorial.change_pagereview"),
            "feedback_days": FEEDBACK_DAYS,
        }
        return TemplateResponse(request, "admin/editorial/content_health.html", context)
