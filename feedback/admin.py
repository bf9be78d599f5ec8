"""Editors read visitors' answers and mark comments done with what they changed."""

from django.contrib import admin
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .models import PageFeedback


@admin.register(PageFeedback)
class PageFeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_on", "page_title", "language", "helped", "short_comment", "done"]
    list_filter = ["helped", "done", "language", "created_on"]
    search_fields = ["comment", "action_taken"]
    readonly_fields = ["page_title", "language", "created_on", "helped", "comment", "done_by", "done_on"]
    fields = ["page_title", "language", "created_on", "helped", "comment", "done", "action_taken", "done_by", "done_on"]
    list_select_related = ["page"]

    @admin.display(description=_("page"))
    def page_title(self, obj):
        return obj.page.get_title(obj.language) or obj.page.get_title()

    @admin.display(description=_("comment"))
    def short_comment(self, obj):
        return Truncator(obj.comment).chars(80) or "-"

    def has_add_permission(self, request):
        return False  # answers come from visitors only

    def save_model(self, request, obj, form, change):
        if obj.done and not obj.done_on:
            obj.done_by, obj.done_on = request.user, timezone.localdate()
        elif not obj.done:
            obj.done_by, obj.done_on = None, None
        super().save_model(request, obj, form, change)
