"""Let the CMS frame the site's own pages for editors, and nobody else.

The site sends ``X-Frame-Options: DENY`` (settings.X_FRAME_OPTIONS). The django CMS toolbar
opens the admin and page previews in same-origin iframes (sideframe, modals), which DENY
would break. For signed-in staff only, this middleware marks the response SAMEORIGIN before
Django's XFrameOptionsMiddleware sees it (that middleware leaves an existing header alone).
"""


class EditorFramingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff and "X-Frame-Options" not in response:
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
