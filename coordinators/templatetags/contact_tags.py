"""The care coordinator contact section shown on every page."""

from django import template

from conditions.guides import guide_root

from ..contacts import contact_details, coordinators_for

register = template.Library()


@register.inclusion_tag("coordinators/includes/contact_section.html", takes_context=True)
def contact_section(context):
    page = context.get("current_page") or getattr(context.get("request"), "current_page", None)
    root = guide_root(page, context.get("LANGUAGE_CODE")) if page else None
    return {"contacts": contact_details(coordinators_for(root)), "request": context.get("request")}
