from functools import wraps

from django.contrib import admin
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Trim, Upper
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from referrals.models import ReferralLink

from .models import CallbackNote, CallbackRequest, CareCoordinator, OpeningHours


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
        (
            _("In Spanish"),
            {
                "fields": ["role_es", "introduction_es", "languages_es", "photo_alt_text_es"],
                "description": _("What the Spanish pages show. Empty fields show the English."),
            },
        ),
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


def labelled_column(description, ordering=None):
    """A column of the callback list whose cells also carry the column's name, shown instead of
    the column headings on a phone (static coordinators/admin/callbacks.css)."""

    def decorate(method):
        @admin.display(description=description, ordering=ordering)
        @wraps(method)
        def cell(self, obj):
            return format_html('<span class="cell-label">{}: </span>{}', capfirst(description), method(self, obj))

        return cell

    return decorate


class CallbackNoteInline(admin.StackedInline):
    """The notes history: coordinators add a note; notes already written cannot be changed or
    deleted, and each records who wrote it and when."""

    model = CallbackNote
    extra = 1
    can_delete = False
    fields = ["text", "author_name", "written_at"]
    readonly_fields = ["author_name", "written_at"]
    verbose_name = _("note")
    verbose_name_plural = _("notes history")

    def has_change_permission(self, request, obj=None):
        return False  # earlier notes are shown read-only; new ones are added

    @admin.display(description=_("written by"))
    def author_name(self, note):
        if note.pk is None:
            return _("you, when you save")
        if note.author is None:
            return _("not recorded")
        return note.author.get_full_name() or note.author.get_username()


@admin.register(CallbackRequest)
class CallbackRequestAdmin(admin.ModelAdmin):
    """Triage of callback requests, often from a phone: the list shows who asked, when, when to
    call and in which language, and the referral link they came from by its label."""

    list_display = ["name", "asked_on", "best_time_to_call", "call_in", "heard_from", "triage_status", "notified"]
    list_display_links = ["name"]
    list_filter = ["status", "best_time", NotifiedFilter, "created_at"]
    search_fields = ["name", "phone", "email", "heard_about"]
    ordering = ["-created_at"]
    date_hierarchy = "created_at"
    inlines = [CallbackNoteInline]
    readonly_fields = [
        "name",
        "phone",
        "email",
        "best_time",
        "language",
        "heard_from",
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
            {"fields": ["name", "phone", "email", "best_time", "language", "heard_from", "heard_about", "message"]},
        ),
        (_("Received"), {"fields": ["created_at", "consent", "notified_at"]}),
        (_("Triage"), {"fields": ["status", "handled_by", "handled_at", "closed_at"]}),
    ]

    class Media:
        css = {"all": ["coordinators/admin/callbacks.css"]}

    def get_queryset(self, request):
        # the label of the referral link whose code the patient brought (codes match in any case)
        links = ReferralLink.objects.filter(code=Upper(Trim(OuterRef("heard_about"))))
        return super().get_queryset(request).annotate(referral_label=Subquery(links.values("label")[:1]))

    @labelled_column(_("asked on"), ordering="created_at")
    def asked_on(self, obj):
        return date_format(timezone.localtime(obj.created_at), "DATETIME_FORMAT")

    @labelled_column(_("best time"), ordering="best_time")
    def best_time_to_call(self, obj):
        return obj.get_best_time_display()

    @labelled_column(_("call in"), ordering="language")
    def call_in(self, obj):
        return get_language_info(obj.language)["name_translated"]

    @labelled_column(_("heard about us from"), ordering="heard_about")
    def heard_from(self, obj):
        """A referral code is shown as its link's label; anything else as the patient wrote it."""
        return getattr(obj, "referral_label", None) or obj.heard_about or "-"

    @labelled_column(_("status"), ordering="status")
    def triage_status(self, obj):
        return obj.get_status_display()

    @labelled_column(_("notified"), ordering="notified_at")
    def notified(self, obj):
        return _("yes") if obj.notified_at else _("not yet")

    def has_add_permission(self, request):
        return False  # requests come from patients through the form

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.handled_by = request.user
            obj.handled_at = timezone.now()
            obj.closed_at = obj.handled_at if obj.status == CallbackRequest.Status.CLOSED else None
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            note.author = request.user
            note.written_at = timezone.now()
            note.save()
