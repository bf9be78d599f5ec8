"""The care coordinator contact section shown on every page."""

from django import template

from conditions.guides import guide_root
from conditions.site_cache import cached

from ..contacts import contact_details, coordinators_for

register = template.Library()


@register.inclusion_tag("coordinators/includes/contact_section.html", takes_context=True)
def contact_section(context):
    page = context.get("current_page") or getattr(context.get("request"), "current_page", None)
    language = context.get("LANGUAGE_CODE")

    def build():
        root = guide_root(page, language) if page else None
        return coordinators_for(root)

    coordinators = cached("coordinators", page.pk if page else "-", language, build=build)
    # whether the line is open is worked out now, on every request, from the cached hours
    return {"contacts": contact_details(coordinators), "request": context.get("request")}
