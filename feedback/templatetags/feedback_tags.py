"""{% page_feedback %}: the "Did this page help you?" section at the end of a guide page."""

from django import template

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
        "form": FeedbackForm(initial={"page": page.pk}),
    }
