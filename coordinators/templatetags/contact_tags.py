"""The care coordinator contact section shown on every page."""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from conditions.site_cache import cached

from ..contacts import contact_details, page_coordinators

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
