"""What signed-in staff need from the browser on HTML pages, and nobody else gets.

The public site sends ``X-Frame-Options: DENY`` and a strict Content-Security-Policy (no inline
or eval'd scripts). The django CMS toolbar and the admin open the site's own pages in
same-origin frames (sideframe, modals) and use inline scripts and styles. For HTML pages shown to
signed-in staff, and the admin's own HTML pages, exactly that is relaxed:

- ``StaffCSPMiddleware`` (in place of django-csp's ``CSPMiddleware``, which it extends through
  its public ``get_policy_parts``) adds the toolbar's needs to the policy;
- ``StaffEditingMiddleware`` (inner to Django's XFrameOptionsMiddleware) allows same-origin frames;
- ``EditedLanguageMiddleware`` shows a page's edit, preview and structure views in the language
  of the content shown.

Anything that is not HTML (QR codes, CSV and JSON reports, files) keeps the strict policy, and a
view that sets its own policy (``csp.decorators.csp``, e.g. the QR downloads) keeps it whole.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation

STAFF_CSP_UPDATE = {  # added to the public policy
    "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
STAFF_CSP_REPLACE = {  # instead of the public 'none'
    "frame-ancestors": ["'self'"],
    "frame-src": ["'self'"],
}


def _is_verified_staff(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_staff:
        return False
    if settings.OTP_REQUIRED:
        # django-otp: signed in with the second factor (a user who has just signed in on this
        # request is not wrapped by OTPMiddleware yet, and is verified on the next one)
        return getattr(user, "is_verified", lambda: False)()
    return True


def needs_editing_allowances(request, response):
    """An HTML page in the admin, or any HTML page for verified staff (the CMS toolbar)."""
    if not response.get("Content-Type", "").lower().startswith("text/html"):
        return False
    return request.path.startswith("/" + settings.ADMIN_PATH) or _is_verified_staff(request)


def _merged(extra, own):
    merged = {key: list(values) for key, values in extra.items()}
    for key, values in (own or {}).items():
        merged[key] = [*merged.get(key, []), *([values] if isinstance(values, str) else values)]
    return merged


class StaffCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and needs_editing_allowances(request, response):
            parts.update = _merged(STAFF_CSP_UPDATE, parts.update)
            parts.replace = {**STAFF_CSP_REPLACE, **(parts.replace or {})}
        return parts


class StaffEditingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # a page's own "DENY" (django CMS sends the page's setting) is the site's policy too
        if response.get("X-Frame-Options", "DENY").upper() == "DENY" and needs_editing_allowances(request, response):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


# django CMS's views of one object (a page's content) for editors; their address carries the
# content's ?language=.
CMS_OBJECT_VIEWS = {
    "cms_placeholder_render_object_edit",
    "cms_placeholder_render_object_preview",
    "cms_placeholder_render_object_structure",
}


def edited_language(request):
    """The language of the content an editor opened in edit, preview or structure mode, or None."""
    language = request.GET.get("language")
    if language not in dict(settings.LANGUAGES):
        return None
    try:
        return language if resolve(request.path_info).url_name in CMS_OBJECT_VIEWS else None
    except Resolver404:
        return None


class EditedLanguageMiddleware:
    """The CMS's edit and preview views live in the admin, outside the language prefixes, so
    Django's LocaleMiddleware makes the editor's browser language active there. The CMS then
    renders a Spanish page's placeholders in English (none: the page looked empty) and the
    templates' words in English. Here the page's own language is active for those views, so an
    editor sees the page as its readers will."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = edited_language(request)
        if language is None:
            return self.get_response(request)
        request.LANGUAGE_CODE = language
        with translation.override(language):
            return self.get_response(request)
