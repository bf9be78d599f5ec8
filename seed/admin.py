"""Staff see what the seed put on the site, and compare a newer seed entry with the live one."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .compare import compare, title_of
from .models import SeedRecord


class NewerSeedFilter(admin.SimpleListFilter):
    title = _("newer seed content")
    parameter_name = "newer"

    def lookups(self, request, model_admin):
        return [("yes", _("Available"))]

    def queryset(self, request, queryset):
        return queryset.filter(pending_spec__isnull=False) if self.value() == "yes" else queryset


@admin.register(SeedRecord)
class SeedRecordAdmin(admin.ModelAdmin):
    list_display = ["key", "kind", "language", "updated_at", "newer_seed"]
    list_filter = [NewerSeedFilter, "kind", "language"]
    search_fields = ["key"]
    fields = ["kind", "key", "language", "updated_at", "newer_seed"]
    readonly_fields = fields

    @admin.display(description=_("newer seed content"))
    def newer_seed(self, obj):
        if not obj.has_newer_seed:
            return "-"
        return format_html('<a href="{}">{}</a>', reverse("admin:seed_seedrecord_compare", args=[obj.pk]), _("Compare"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("editorial.view_contenthealth")

    def get_urls(self):
        view = self.admin_site.admin_view(self.compare_view)
        return [path("<int:pk>/compare/", view, name="seed_seedrecord_compare"), *super().get_urls()]

    def compare_view(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        record = get_object_or_404(SeedRecord, pk=pk)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Newer seed content for %(name)s") % {"name": title_of(record)},
            "health_url": reverse("admin:editorial_contenthealth_changelist"),
            "record": record,
            "rows": compare(record) if record.has_newer_seed else [],
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/seed/compare.html", context)
