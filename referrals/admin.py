from datetime import timedelta

from csp.decorators import csp
from django.contrib import admin
from django.contrib.auth import get_permission_codename, get_user_model
from django.db.models import Q, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import qr
from .forms import ReferralLinkForm
from .models import ReferralLink, ReferralVisit

# The QR downloads are pictures, never pages: no script, styles, frames or forms, even when a
# browser is made to open one as a document (the label is escaped too: see qr.py).
DOWNLOAD_CSP = {
    "default-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'none'",
    "frame-ancestors": "'none'",
    "sandbox": True,
}


EDITABLE_FIELDS = ["label", "page", "anchor", "language", "code", "is_active", "expires_on"]


class ReferralVisitInline(admin.TabularInline):
    model = ReferralVisit
    fields = ["day", "count"]
    readonly_fields = ["day", "count"]
    extra = 0
    can_delete = False
    max_num = 0
    verbose_name_plural = _("visits per day")


@admin.register(ReferralLink)
class ReferralLinkAdmin(admin.ModelAdmin):
    form = ReferralLinkForm
    list_display = ["label", "code", "short_link", "page", "is_active", "expires_on", "visits_30_days", "visits_total"]
    list_filter = ["is_active"]
    search_fields = ["label", "code"]
    readonly_fields = ["short_link", "qr_codes", "created_by", "created_at"]
    fields = [*EDITABLE_FIELDS, *readonly_fields]
    inlines = [ReferralVisitInline]

    def get_readonly_fields(self, request, obj=None):
        """The creator links to their account only for staff who may view accounts; for anyone
        else (care coordinators) that link was a "403 Forbidden", so they get the name as text."""
        users = get_user_model()._meta
        if request.user.has_perm(f"{users.app_label}.{get_permission_codename('view', users)}"):
            return self.readonly_fields
        return ["created_by_name" if name == "created_by" else name for name in self.readonly_fields]

    def get_fields(self, request, obj=None):
        return [*EDITABLE_FIELDS, *self.get_readonly_fields(request, obj)]

    @admin.display(description=_("created by"))
    def created_by_name(self, obj):
        user = obj.created_by
        return (user.get_full_name() or user.get_username()) if user else "-"

    def get_queryset(self, request):
        since = timezone.localdate() - timedelta(days=29)
        return (
            super()
            .get_queryset(request)
            .select_related("page")
            .annotate(
                total=Sum("visits__count"),
                recent=Sum("visits__count", filter=Q(visits__day__gte=since)),
            )
        )

    @admin.display(description=_("visits, last 30 days"), ordering="recent")
    def visits_30_days(self, obj):
        return obj.recent or 0

    @admin.display(description=_("visits in all"), ordering="total")
    def visits_total(self, obj):
        return obj.total or 0

    @admin.display(description=_("short link"))
    def short_link(self, obj):
        return obj.short_url if obj.code else "-"

    @admin.display(description=_("QR code"))
    def qr_codes(self, obj):
        if not obj.pk:
            return _("Save the link first.")
        svg = reverse("admin:referrals_referrallink_qr", args=[obj.pk, "svg"])
        png = reverse("admin:referrals_referrallink_qr", args=[obj.pk, "png"])
        # an <img> of the download: an image never runs script, whatever the file holds. It is
        # shown at the size it prints (the SVG's own width and height), never squeezed.
        return format_html(
            '<img src="{}" alt="{}" style="max-width: 100%; height: auto"><br>'
            '<a href="{}" download>SVG</a> · <a href="{}" download>PNG</a>',
            svg,
            _("QR code for %(url)s") % {"url": obj.short_url},
            svg,
            png,
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/qr.<str:kind>",
                self.admin_site.admin_view(csp(DOWNLOAD_CSP)(self.qr_view)),
                name="referrals_referrallink_qr",
            ),
            *super().get_urls(),
        ]

    def qr_view(self, request, pk, kind):
        link = get_object_or_404(ReferralLink, pk=pk)
        if not self.has_view_permission(request, link):
            return HttpResponse(status=403)
        filename = f"referral-{link.code}"
        if kind == "svg":
            response = HttpResponse(qr.svg(link.short_url, link.label), content_type="image/svg+xml")
        elif kind == "png":
            response = HttpResponse(qr.png(link.short_url), content_type="image/png")
        else:
            return HttpResponse(status=404)
        response["Content-Disposition"] = f'attachment; filename="{filename}.{kind}"'
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
