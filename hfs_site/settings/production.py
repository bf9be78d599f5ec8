"""Production: everything that matters comes from the environment, and nothing falls back.

Required: SECRET_KEY, ALLOWED_HOSTS (comma-separated). Usually also DATABASE_URL.
The site sits behind an HTTPS proxy that sets X-Forwarded-Proto.
Deployment checklist: https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


def _required(name: str, value):
    """The value, or a refusal to start: a blank secret or host list is as bad as none."""
    if not value:
        raise ImproperlyConfigured(f"Production settings need the {name} environment variable.")
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY", env.str("SECRET_KEY", default="").strip())
ALLOWED_HOSTS = _required("ALLOWED_HOSTS", env.list("ALLOWED_HOSTS", default=[]))
PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="") or f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS if host != "*"]

# Staff sign in with a second factor unless explicitly turned off (hfs_site/admin_site.py).
OTP_REQUIRED = env.bool("OTP_REQUIRED", default=True)

# --- HTTPS behind a proxy -------------------------------------------------------------------

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
