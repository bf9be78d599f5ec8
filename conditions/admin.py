import re

from cms.extensions import PageContentExtensionAdmin
from cms.models import PageContent
from django.contrib import admin
from django.core.exceptions import BadRequest
from django.http import Http404

from .models import ConditionFacts


class PageVersionExtensionAdmin(PageContentExtensionAdmin):
    """A page extension's form, opened as add/?extended_object=<page version id> (the toolbar and
    the content health report link there). Without that parameter, or with one that names no
    page version, the form answers 400 or 404 instead of failing when it is saved."""

    def extended_content(self, request):
        value = request.GET.get("extended_object", "")
        if not re.fullmatch(r"[0-9]{1,18}", value):
            raise BadRequest("extended_object must name a page version")
        try:
            return PageContent.admin_manager.get(pk=int(value))
        except PageContent.DoesNotExist:
            raise Http404("No such page version") from None

    def add_view(self, request, form_url="", extra_context=None):
        self.extended_content(request)
        return super().add_view(request, form_url, extra_context)


@admin.register(ConditionFacts)
class ConditionFactsAdmin(PageVersionExtensionAdmin):
    fields = ["condition_name", "alternate_names", "signs_and_symptoms", "causes", "specialty"]
