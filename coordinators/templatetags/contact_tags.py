"""The care coordinator contact section shown on every page, and the care team's contacts for
pages that are not part of a guide."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from caching.fragments import cached

from ..contacts import contact_details, coordinators_for, page_coordinators

register = template.Library()
TEMPLATE = "coordinators/includes/contact_section.html"


@register.simple_tag(takes_context=True)
def contact_section(context):
    """The guide's coordinators (or every active one), with whether the line is open now.
    Opening hours are set in whole minutes, so the rendered section is kept for the minute it
    was made in (cached pages keep it for up to 60 s anyway)."""
    request = context.get("request")
    page = context.get("current_page") or getattr(request, "current_page", None)
    language = context.get("LANGUAGE_CODE")

    def render():
        people = cached(
            "coordinators", page.pk if page else "-", language, build=lambda: page_coordinators(page, language)
        )
        return render_to_string(TEMPLATE, {"contacts": contact_details(people)})

    minute = int(timezone.now().timestamp() // 60)
    return cached("contact-section", page.pk if page else "-", language, minute, build=render)


@register.simple_tag
def care_contacts():
    """Every active coordinator, with whether the line is open now (CoordinatorContact)."""
    return contact_details(coordinators_for())
