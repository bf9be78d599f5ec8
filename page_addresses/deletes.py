"""Deleting a page warns first: the addresses that stop working, and what points to them.

django CMS's page admin asks "Are you sure?" and lists the objects that go with the page. The
site's admin wraps that view (hfs_site.admin_guards); on the question (not on the answer) the
same page is shown with a warning above it, from this app's template, which extends the CMS's
(whatever that extends in turn: djangocms-admin-style replaces Django's delete page).
"""

from functools import wraps

from cms.models import Page
from django.template.response import TemplateResponse

from .pointers import addresses_of, pages_linking_to, referral_links_to

TEMPLATE = "page_addresses/delete_confirmation.html"


def what_deleting_breaks(page) -> dict:
    """The page's branch (it and the pages below it go together), the addresses they have and
    had, and the pages and referral links that lead there."""
    branch = [page, *page.get_descendants()]
    return {
        "branch": branch,
        "addresses_going": sorted(addresses_of(branch)),
        "linking_pages": pages_linking_to(branch),
        "referral_links": list(referral_links_to(branch)),
    }


def warn_before_deleting(delete_view):
    """The CMS's delete view, whose question also shows what deleting the page breaks."""

    @wraps(delete_view)
    def delete_or_warn(request, *args, **kwargs):
        response = delete_view(request, *args, **kwargs)
        page = getattr(response, "context_data", None) and response.context_data.get("object")
        if request.method != "POST" and isinstance(response, TemplateResponse) and isinstance(page, Page):
            response.context_data.update(what_deleting_breaks(page))
            response.template_name = TEMPLATE
        return response

    return delete_or_warn
