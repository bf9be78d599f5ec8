"""Admin pages only ever send staff back to this site.

djangocms-versioning's version actions follow a ``?next=`` (publish, unpublish) and show a
``?back=`` link (archive, discard, revert, unpublish) once the address resolves to one of the
site's own views, which ``//evil.example/`` and ``https://evil.example/admin/`` do. A link
that sends an editor to a look-alike sign-in page after publishing is a phishing tool, so for
admin requests any of those parameters that is not an address on this site
(``url_has_allowed_host_and_scheme``, as Django's own sign-in checks its ``next``) is dropped
before a view sees it, and the view falls back to its usual page.
"""

from django.conf import settings
from django.http import QueryDict
from django.utils.http import url_has_allowed_host_and_scheme

REDIRECT_PARAMETERS = ("next", "back", "redirect", "redirect_to", "return_to")


class SafeAdminRedirectsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix) and any(p in request.GET for p in REDIRECT_PARAMETERS):
            request.GET = self._without_off_site_addresses(request)
        return self.get_response(request)

    @staticmethod
    def _without_off_site_addresses(request):
        query = request.GET.copy()
        allowed_hosts = {request.get_host()}
        for name in REDIRECT_PARAMETERS:
            safe = [
                url
                for url in query.getlist(name)
                if url_has_allowed_host_and_scheme(url, allowed_hosts, require_https=request.is_secure())
            ]
            if safe:
                query.setlist(name, safe)
            else:
                query.pop(name, None)
        return QueryDict(query.urlencode(), encoding=request.encoding)
