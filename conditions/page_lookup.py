"""Find the visitor's CMS page without asking the database each time.

For every page view, django CMS runs four queries about the page itself: its URL, its published
contents, the X-Frame-Options it inherits from its ancestors and, while rendering, a page
again. For an anonymous visitor the answer depends only on the site, the language and the path,
and changes when pages are published, unpublished, moved, deleted or have their page settings
changed, all of which bump the CMS page-cache version (the CMS, and `conditions.signals` for
what the CMS leaves out); entries also expire with cached pages (60 s).
So this middleware, used instead of the CMS's CurrentPageMiddleware, looks the page up once per
version, keeps it with its contents prefetched in the site cache
(`conditions.site_cache.cached`), and hands the CMS a fresh copy on each request through the
CMS's own per-request slot (`request._current_page_cache`). What a page shows is still
rendered on every request: this saves the lookups, not the page.

Signed-in users (editors, with the toolbar), paths that are not CMS pages (apphooks, the admin)
and anything unusual go the CMS's own way.
"""

import functools
import hashlib
import pickle

from cms.middleware.page import CurrentPageMiddleware
from cms.models import PageContent
from cms.utils import get_current_site, get_language_from_request
from cms.utils.page import get_page_from_request
from cms.views import details
from django.conf import settings
from django.db.models import prefetch_related_objects

from .site_cache import cached


class CachedPageMiddleware(CurrentPageMiddleware):
    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is details and not hasattr(request, "_current_page_cache") and _is_visitor(request):
            page = _cached_page(request)
            if page is not None:  # otherwise the CMS looks (apphooks, redirects, 404)
                request._current_page_cache = page


def _is_visitor(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.user.is_authenticated
    )


def _cached_page(request):
    site = get_current_site(request)
    language = get_language_from_request(request)
    # only pages are kept: any number of addresses find nothing, and must not fill the cache
    path = hashlib.sha256(request.path_info.encode()).hexdigest()  # keys stay short, whatever was asked
    frozen = cached("page", site.pk, language, path, build=lambda: _freeze(request, language), keep_none=False)
    if frozen is None:
        return None
    page, xframe_options = pickle.loads(frozen)  # noqa: S301 - written by _freeze, read from the site's own cache
    # the answer the CMS would get from the page's ancestors (render_page asks for it)
    page.get_xframe_options = functools.partial(_known, xframe_options)
    return page


def _freeze(request, language):
    """The page at this path, as the CMS finds it, with everything render_page and the
    toolbar read from it already loaded; None when the CMS finds no page here."""
    page = get_page_from_request(request)
    if page is None:
        return None
    prefetch_related_objects([page], "pagecontent_set")
    for content in page.pagecontent_set.all():
        PageContent.page.field.set_cached_value(content, page)
    page.parent  # noqa: B018 - loaded now: placeholder inheritance asks for it
    page.get_url_obj(language)  # all its addresses, as the view asks
    return pickle.dumps((page, page.get_xframe_options()))


def _known(value, *args, **kwargs):
    return value
