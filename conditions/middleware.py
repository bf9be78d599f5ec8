"""What signed-in staff need from the browser, and nobody else gets.

The public site sends ``X-Frame-Options: DENY`` and a strict Content-Security-Policy (no inline
or eval'd scripts). The django CMS toolbar and the admin open the site's own pages in
same-origin frames (sideframe, modals) and use inline scripts and styles. For signed-in staff,
and for the admin's own pages, this middleware relaxes exactly that before Django's
XFrameOptionsMiddleware and django-csp's middleware (both outer to it) write their headers.
"""

from django.conf import settings

STAFF_CSP_UPDATE = {  # added to the public policy
    "script-src": ["'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
STAFF_CSP_REPLACE = {  # instead of the public 'none'
    "frame-ancestors": ["'self'"],
    "frame-src": ["'self'"],
}


class StaffEditingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_PATH

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        is_staff = user is not None and user.is_authenticated and user.is_staff
        if is_staff and settings.OTP_REQUIRED:
            # django-otp: signed in with the second factor (a user who has just signed in on this
            # request is not wrapped by OTPMiddleware yet, and is verified on the next one)
            is_staff = getattr(user, "is_verified", lambda: False)()
        if is_staff or request.path.startswith(self.admin_prefix):
            response._csp_update = STAFF_CSP_UPDATE
            response._csp_replace = STAFF_CSP_REPLACE
            if "X-Frame-Options" not in response:
                response["X-Frame-Options"] = "SAMEORIGIN"
        return response
