"""Settings shared by every environment. Values that differ come from the environment.

Django settings reference: https://docs.djangoproject.com/en/5.2/ref/settings/
django CMS settings reference: https://docs.django-cms.org/en/latest/reference/configuration.html
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Local, git-ignored folder for the SQLite database, uploaded media and the dev secret key.
DATA_DIR = Path(os.environ.get("HFS_DATA_DIR", BASE_DIR / "data"))

# --- Core -----------------------------------------------------------------------------------

DEBUG = False
ALLOWED_HOSTS: list[str] = []
ROOT_URLCONF = "hfs_site.urls"
WSGI_APPLICATION = "hfs_site.wsgi.application"
SITE_ID = 1
X_FRAME_OPTIONS = "DENY"  # staff get SAMEORIGIN for the CMS sideframe: conditions.middleware
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # locks out repeated failed sign-ins
    "django.contrib.auth.backends.ModelBackend",
]

INSTALLED_APPS = [
    "djangocms_admin_style",
    "hfs_site.apps.SiteAdminConfig",  # django.contrib.admin with an optional second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "parler",
    "djangocms_versioning",
    "djangocms_alias",
    "djangocms_text",
    "filer",
    "easy_thumbnails",
    "media_safety",  # uploads: pictures only, metadata stripped (media_safety/validators.py)
    "django_ratelimit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "conditions",
    "coordinators",
    "referrals",
    "references",
    "feedback",
    "seed",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hfs_site.middleware.TidyVaryHeaderMiddleware",  # sees every response last, cached ones too
    "conditions.middleware.StaffCSPMiddleware",  # django-csp's CSPMiddleware, relaxed for staff HTML
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "hfs_site.middleware.RejectControlCharactersMiddleware",
    "hfs_site.middleware.RejectUnreadableFormsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files leave here, pre-compressed
    "conditions.hot_cache.HotPageCache",  # finished anonymous pages, per worker (see the module)
    "django.middleware.gzip.GZipMiddleware",  # pages (CSRF tokens are masked per response: BREACH-safe)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Listed after XFrameOptionsMiddleware and CSPMiddleware so it sees the response first.
    "conditions.middleware.StaffEditingMiddleware",
    "conditions.safe_redirects.SafeAdminRedirectsMiddleware",  # admin ?next= / ?back= stay on the site
    "cms.middleware.user.CurrentUserMiddleware",
    "conditions.page_lookup.CachedPageMiddleware",  # the CMS's CurrentPageMiddleware, with a cache
    "cms.middleware.toolbar.ToolbarMiddleware",
    # cms.middleware.language.LanguageCookieMiddleware is left out on purpose: it sets a
    # language cookie on every anonymous page, which the public site does not need.
    "axes.middleware.AxesMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sekizai.context_processors.sekizai",
                "cms.context_processors.cms_settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# DATABASE_URL (for example postgres://user:pass@host/db) switches from the local SQLite file.

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}

# --- Cache ----------------------------------------------------------------------------------
# One cache shared by every process: the CMS page cache (and its invalidation on publish) and
# the callback rate limit must agree across gunicorn workers. On one machine a folder of files
# does that with no extra server; with several servers, set REDIS_URL so they share Redis.

if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "hfs_site.cache.FailSoftRedisCache", "LOCATION": os.environ["REDIS_URL"]}}
else:
    CACHES = {
        "default": {
            "BACKEND": "hfs_site.cache.PersistentDiskCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 1.0,
            "OPTIONS": {"size_limit": 2**28},  # 256 MB; the least recently stored entries go first
        }
    }
# django-ratelimit checks for memcached or django-redis; diskcache's and Redis's increments are
# atomic too, and the callback and feedback views count before they save (one slot each).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# A cache that cannot be read or written lets requests through (hfs_site.cache fails soft).
RATELIMIT_FAIL_OPEN = True

# --- Security headers (the production module adds HTTPS) -----------------------------------
# Public pages: no inline or eval'd script at all; staff get what the CMS toolbar needs
# on HTML pages only (conditions/middleware.py).

ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip("/") + "/"
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages and time ---------------------------------------------------------------------

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
# django-otp: staff must enter a code from an authenticator app (on by default in production).
OTP_REQUIRED = os.environ.get("OTP_REQUIRED", "0") == "1"
OTP_TOTP_ISSUER = "Hemifacial spasm guide"
# A staff member with no device yet may set up an authenticator app after the password alone for
# this many days after their account was made (hfs_site.two_factor); later they need a one-time code.
OTP_ENROLMENT_DAYS = int(os.environ.get("OTP_ENROLMENT_DAYS", "7"))

LANGUAGE_CODE = "en"
# Language names are shown in their own language (the switcher says "Español", not "Spanish").
LANGUAGES = [("en", "English"), ("es", "Español")]
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static files and media -----------------------------------------------------------------
# whitenoise serves static files; production uses hashed, pre-compressed files.

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded images: S3-compatible object storage (django-storages) when a bucket is configured,
# so several app servers share them; otherwise the MEDIA_ROOT folder (shared on one host).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# Serve uploaded files from Django itself (small sites; a CDN or web server can take over).
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "1") == "1" and "AWS_STORAGE_BUCKET_NAME" not in os.environ

# --- django CMS -----------------------------------------------------------------------------
# https://docs.django-cms.org/en/latest/reference/configuration.html

CMS_CONFIRM_VERSION4 = True
CMS_TEMPLATES = [
    ("content_page.html", _("Content page")),
    ("guide_page.html", _("Condition guide page")),
]
CMS_PERMISSION = False
CMS_TOOLBAR_ANONYMOUS_ON = False
CMS_PAGE_CACHE = os.environ.get("CMS_PAGE_CACHE", "1") == "1"  # 0 only to measure misses
# Pages are cached for a minute at most: the contact section says whether the phone line is
# open now. Publishing a page or saving a coordinator clears the cache at once.
CMS_CACHE_DURATIONS = {"content": 60, "menus": 3600, "permissions": 3600}
# Seconds between each worker's checks of the page-cache version (0: on every request).
HOT_PAGE_CACHE_RECHECK = float(os.environ.get("HOT_PAGE_CACHE_RECHECK", "1"))
CMS_LANGUAGES = {
    SITE_ID: [
        {"code": "en", "name": "English", "public": True, "hide_untranslated": False},
        # A page not (yet) written in Spanish redirects to its English version.
        {"code": "es", "name": "Español", "public": True, "hide_untranslated": False, "fallbacks": ["en"]},
    ],
    "default": {"fallbacks": [], "redirect_on_fallback": True, "public": True, "hide_untranslated": False},
}
DJANGOCMS_VERSIONING_ALLOW_DELETING_VERSIONS = False

# Rich text: accessible content only. The toolbar offers these; conditions/rich_text.py makes
# the sanitiser enforce the same set on save (pasted markup included).
TEXT_INLINE_EDITING = True
_ACCESSIBLE_TOOLBAR = [
    ["Undo", "Redo"],
    ["Paragraph", "Heading2", "Heading3", "Heading4"],
    ["Bold", "Italic"],
    ["Link", "Unlink"],
    ["BulletedList", "NumberedList"],
    ["RemoveFormat"],
]
TEXT_EDITOR_SETTINGS = {
    "toolbar_CMS": [*_ACCESSIBLE_TOOLBAR, ["CMSPlugins"]],
    "toolbar_HTMLField": _ACCESSIBLE_TOOLBAR,
}

# --- Images (django-filer, easy-thumbnails) -------------------------------------------------

THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)
THUMBNAIL_HIGH_RESOLUTION = False
THUMBNAIL_PRESERVE_EXTENSIONS = ("png",)  # diagrams stay sharp; photos become JPEG
FILER_CANONICAL_URL = "files/"
# Uploads (public media) are still JPEG, PNG, GIF or WebP pictures only, checked by content,
# re-encoded without metadata (GPS, camera, text chunks) and at most 40 million pixels (read
# from the header, before decoding): see media_safety/ and README "Security".
_PICTURE_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"]
FILER_MIME_TYPE_WHITELIST = _PICTURE_TYPES
FILER_ADD_FILE_VALIDATORS = {mime_type: ["media_safety.validators.clean_picture"] for mime_type in _PICTURE_TYPES}
FILER_MAX_IMAGE_PIXELS = int(os.environ.get("MAX_UPLOAD_MEGAPIXELS", "40")) * 1_000_000

# --- The care team's main line, for error pages that cannot read the coordinator records ----

CARE_TEAM_PHONE = os.environ.get("CARE_TEAM_PHONE", "(555) 010-4477")

# --- Public address ---------------------------------------------------------------------------
# Used where a full address must be written down: QR codes, referral links, the printed guide.

PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000")

# --- Clinical review ------------------------------------------------------------------------

CLINICAL_REVIEW_INTERVAL_MONTHS = int(os.environ.get("CLINICAL_REVIEW_INTERVAL_MONTHS", "24"))

# --- E-mail (coordinator notifications) -----------------------------------------------------

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Hemifacial spasm guide <no-reply@localhost>")

# --- Callback requests ----------------------------------------------------------------------

CALLBACK_RATE_LIMIT = os.environ.get("CALLBACK_RATE_LIMIT", "5/h")  # per client address
CALLBACK_RETENTION_DAYS = int(os.environ.get("CALLBACK_RETENTION_DAYS", "90"))  # closed requests
FEEDBACK_RATE_LIMIT = os.environ.get("FEEDBACK_RATE_LIMIT", "20/h")  # saved page feedback per client address
FEEDBACK_COMMENT_RETENTION_DAYS = int(os.environ.get("FEEDBACK_COMMENT_RETENTION_DAYS", "365"))
# Request bodies (files aside) larger than this are refused before a view reads them; the
# proxy in front limits them earlier (docs/deployment.md).
DATA_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024
# The visitor's address behind a proxy (hfs_site.client_ip): the header the proxy sets, believed
# only from these proxy addresses. RATELIMIT_IP_META_KEY is the older name of CLIENT_IP_HEADER.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER") or os.environ.get("RATELIMIT_IP_META_KEY") or None
TRUSTED_PROXIES = [p.strip() for p in os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1").split(",") if p.strip()]
RATELIMIT_IP_META_KEY = "hfs_site.client_ip.client_ip"
AXES_CLIENT_IP_CALLABLE = "hfs_site.client_ip.client_ip"
RATELIMIT_VIEW = "coordinators.views.too_many_requests"

# --- Logging: one JSON line per record on stdout, no personal data --------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "hfs_site.logging.JsonLineFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}
