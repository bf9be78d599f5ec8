from django.contrib import admin
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
    list_display = ["__str__", "title", "year", "checked"]
    list_filter = [("confirmed_on", admin.EmptyFieldListFilter)]
    search_fields = ["key", "authors", "title"]
    fieldsets = [
        (None, {"fields": ["key", "authors", "title", "publication", "year", "url"]}),
        (
            _("Check before publishing"),
            {
                "fields": ["confirmed_by", "confirmed_on"],
                "description": _(
                    "Fill these in only when a clinician has checked the source and how the site uses it."
                ),
            },
        ),
    ]

    @admin.display(boolean=True, description=_("checked by a clinician"))
    def checked(self, source):
        return not source.needs_check
