"""Old addresses answer with their redirect: django.contrib.redirects' fallback middleware.

Like Django's, it acts only on a "page not found" (404), so a page at an address always wins
over a redirect, and nothing is looked up for pages that exist. Two additions:

- an old address opened with a query string (`?fbclid=...` from a shared link) redirects
  too, and keeps the query string;
- browsers keep each permanent redirect for a day only (REMEMBER_FOR): a 301 without that
  would be kept for ever, so a visitor would never reach a new page that takes the address.

No cache is involved: each 404 reads the redirects table, so a redirect works the moment it is
saved, for every worker.
"""

from django.contrib.redirects.middleware import RedirectFallbackMiddleware
from django.contrib.redirects.models import Redirect
from django.contrib.sites.shortcuts import get_current_site
from django.utils.cache import patch_cache_control
from django.utils.encoding import iri_to_uri

REMEMBER_FOR = 60 * 60 * 24  # seconds


class OldAddressRedirectMiddleware(RedirectFallbackMiddleware):
    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        query = request.META.get("QUERY_STRING", "")
        redirect = None
        if query:
            redirect = Redirect.objects.filter(site=get_current_site(request), old_path=request.path).first()
        if redirect is not None and redirect.new_path:
            answer = self.response_redirect_class(f"{redirect.new_path}?{iri_to_uri(query)}")
        else:
            answer = super().process_response(request, response)
        if answer.status_code == 301:
            patch_cache_control(answer, max_age=REMEMBER_FOR)
        return answer
