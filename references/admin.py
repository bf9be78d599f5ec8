from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import GlossaryTerm, Source


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["term", "language", "slug"]
    list_filter = ["language"]
    search_fields = ["term", "matches", "definition"]
    prepopulated_fields = {"slug": ["term"]}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    """A source is listed and opened by its short citation ("Barker, 1995"), as patients see it
    on the pages. The pages citing it may already be published, so its status says whether a
    clinician has checked it yet, not what to do before publishing."""

    list_display = ["__str__", "title", "year", "checked"]
    list_filter = [("confirmed_on", admin.EmptyFieldListFilter)]
    search_fields = ["key", "authors", "title"]
    readonly_fields = ["check_status"]
    fieldsets = [
        (None, {"fields": ["key", "authors", "title", "publication", "year", "url"]}),
        (
            _("Checked by a clinician"),
            {
                "fields": ["check_status", "confirmed_by", "confirmed_on"],
                "description": _(
                    "Fill these in only when a clinician has checked the source and how the site uses it."
                ),
            },
        ),
    ]

    @admin.display(boolean=True, description=_("checked by a clinician"))
    def checked(self, source):
        return not source.needs_check

    @admin.display(description=_("status"))
    def check_status(self, source):
        if source.pk is None or source.needs_check:
            return _("Not yet checked by a clinician")
        return _("Checked by %(name)s on %(date)s") % {
            "name": source.confirmed_by,
            "date": date_format(source.confirmed_on),
        }
