"""Security settings shared by every environment: headers, sign-in, sessions, proxies.

Imported by base.py; production.py adds HTTPS. Django's security reference:
https://docs.djangoproject.com/en/5.2/topics/security/
"""

from .environment import env

# --- Security headers -----------------------------------------------------------------------
# Public pages: no inline or eval'd script at all; staff get what the CMS toolbar needs
# on HTML pages only (editorial/middleware.py).

X_FRAME_OPTIONS = "DENY"  # staff get SAMEORIGIN for the CMS sideframe: editorial.middleware
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "screen-wake-lock",
        "xr-spatial-tracking",
    )
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# --- Passwords, sessions and sign-in ---------------------------------------------------------

ADMIN_PATH = env.str("ADMIN_PATH", default="admin/").strip("/") + "/"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # locks out repeated failed sign-ins
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Staff sessions end after 8 hours, or when the browser closes.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
# django-axes: 5 failed sign-ins for one username from one address lock it for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# --- Second factor (django-otp) --------------------------------------------------------------
# Staff must enter a code from an authenticator app (on by default in production).

OTP_REQUIRED = env.bool("OTP_REQUIRED", default=False)
OTP_TOTP_ISSUER = env.str("SITE_NAME", default="Hemifacial spasm guide")  # the name authenticator apps show
# A staff member with no device yet may set up an authenticator app after the password alone for
# this many days after their account was made (hfs_site.two_factor); later they need a one-time code.
OTP_ENROLMENT_DAYS = env.int("OTP_ENROLMENT_DAYS", default=7)

# --- Requests, proxies and rate limits -------------------------------------------------------

# Request bodies (files aside) larger than this are refused before a view reads them; the
# proxy in front limits them earlier (docs/deployment.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024
# The visitor's address behind a proxy (hfs_site.client_ip): the header the proxy sets, believed
# only from these proxy addresses. RATELIMIT_IP_META_KEY is the older name of CLIENT_IP_HEADER.
CLIENT_IP_HEADER = env.str("CLIENT_IP_HEADER", default=None) or env.str("RATELIMIT_IP_META_KEY", default=None)
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
RATELIMIT_IP_META_KEY = "hfs_site.client_ip.client_ip"
AXES_CLIENT_IP_CALLABLE = "hfs_site.client_ip.client_ip"
RATELIMIT_VIEW = "coordinators.views.too_many_requests"
