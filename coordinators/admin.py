from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CallbackRequest, CareCoordinator, OpeningHours


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(CareCoordinator)
class CareCoordinatorAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "phone", "email", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "email"]
    filter_horizontal = ["guides"]
    inlines = [OpeningHoursInline]
    fieldsets = [
        (None, {"fields": ["name", "role", "is_active", "position"]}),
        (_("How patients reach them"), {"fields": ["phone", "email", "time_zone", "languages"]}),
        (_("About them"), {"fields": ["introduction", "photo", "photo_alt_text"]}),
        (_("Condition guides"), {"fields": ["guides"]}),
    ]


class NotifiedFilter(admin.SimpleListFilter):
    title = _("coordinators notified")
    parameter_name = "notified"

    def lookups(self, request, model_admin):
        return [("yes", _("Notified")), ("no", _("Not notified"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(notified_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(notified_at__isnull=True)
        return queryset


@admin.register(CallbackRequest)
class CallbackRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "created_at", "status", "best_time", "language", "notified", "handled_by", "handled_at"]
    list_filter = ["status", "best_time", NotifiedFilter, "created_at"]
    search_fields = ["name", "phone", "email", "heard_about"]
    ordering = ["-created_at"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "name",
        "phone",
        "email",
        "best_time",
        "language",
        "heard_about",
        "message",
        "consent",
        "created_at",
        "notified_at",
        "handled_by",
        "handled_at",
        "closed_at",
    ]
    fieldsets = [
        (
            _("What the patient sent"),
            {"fields": ["name", "phone", "email", "best_time", "language", "heard_about", "message"]},
        ),
        (_("Received"), {"fields": ["created_at", "consent", "notified_at"]}),
        (_("Triage"), {"fields": ["status", "notes", "handled_by", "handled_at", "closed_at"]}),
    ]

    @admin.display(boolean=True, description=_("notified"))
    def notified(self, obj):
        return obj.notified_at is not None

    def has_add_permission(self, request):
        return False  # requests come from patients through the form

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.handled_by = request.user
            obj.handled_at = timezone.now()
            obj.closed_at = obj.handled_at if obj.status == CallbackRequest.Status.CLOSED else None
        super().save_model(request, obj, form, change)
