"""{% page_feedback %}: the "Did this page help you?" section at the end of a guide page."""

from django import template
from django.utils.translation import get_language

from caching.fragments import cached
from feedback.forms import FeedbackForm
from feedback.views import ANCHOR

register = template.Library()


@register.inclusion_tag("feedback/section.html", takes_context=True)
def page_feedback(context):
    request = context.get("request")
    page = getattr(request, "current_page", None)
    if page is None or not page.pk:
        return {"show": False}
    return {
        "show": True,
        "anchor": ANCHOR,
        "thanks": request.GET.get("feedback") == "thanks",
        # the empty form is the same for every visitor: rendered once per page and language
        "form": cached(
            "feedback-form", page.pk, get_language(), build=lambda: FeedbackForm(initial={"page": page.pk}).render()
        ),
    }
