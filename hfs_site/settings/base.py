"""Settings shared by every environment. Values that differ come from the environment.

Each value read from the environment is one line through `env` (hfs_site/settings/environment.py,
django-environ). The topics with many settings of their own sit beside this module and are
imported at the end: security.py (headers, sign-in, sessions, proxies) and cms.py (django CMS,
versioning, rich text, images).

Django settings reference: https://docs.djangoproject.com/en/5.2/ref/settings/
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .environment import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Local, git-ignored folder for the SQLite database, uploaded media and the dev secret key.
DATA_DIR = Path(env.str("HFS_DATA_DIR", default=str(BASE_DIR / "data")))

# --- Core -----------------------------------------------------------------------------------

DEBUG = False
ALLOWED_HOSTS: list[str] = []
ROOT_URLCONF = "hfs_site.urls"
WSGI_APPLICATION = "hfs_site.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Apps -----------------------------------------------------------------------------------

INSTALLED_APPS = [
    "djangocms_admin_style",
    "hfs_site.apps.SiteAdminConfig",  # django.contrib.admin with an optional second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",  # the form renderer below finds Django's widget templates here
    "django.contrib.sites",
    "django.contrib.redirects",  # old page addresses (page_addresses/history.py)
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
    # the site's own apps, from the bottom layer up (docs/architecture.md)
    "caching",
    "references",
    "referrals",
    "feedback",
    "coordinators",
    "page_addresses",
    "conditions",
    "editorial",
    "seo",
    "seed",
]

# --- Middleware -----------------------------------------------------------------------------

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hfs_site.middleware.TidyVaryHeaderMiddleware",  # sees every response last, cached ones too
    "editorial.middleware.StaffCSPMiddleware",  # django-csp's CSPMiddleware, relaxed for staff HTML
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "hfs_site.middleware.RejectControlCharactersMiddleware",
    "hfs_site.middleware.RejectUnreadableFormsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files leave here, pre-compressed
    "caching.hot_pages.HotPageCache",  # finished anonymous pages, per worker (see the module)
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
    "editorial.middleware.StaffEditingMiddleware",
    "editorial.middleware.EditedLanguageMiddleware",  # a Spanish page's preview is in Spanish
    "hfs_site.safe_redirects.SafeAdminRedirectsMiddleware",  # admin ?next= / ?back= stay on the site
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    "editorial.version_locks.DraftLockMiddleware",  # who holds a draft; an unlocked one opened is held
    "editorial.inline_saves.InlineSaveConfirmationMiddleware",  # "Saved in the draft." after inline edits
    # cms.middleware.language.LanguageCookieMiddleware is left out on purpose: it sets a
    # language cookie on every anonymous page, which the public site does not need.
    # Near the end, so it sees a "page not found" first: an old page address redirects (301).
    "page_addresses.middleware.OldAddressRedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

# --- Templates ------------------------------------------------------------------------------

# Forms render with the project's templates too, so the public forms share one field template
# (templates/includes/form_field.html).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
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

DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)

# --- Cache ----------------------------------------------------------------------------------
# One cache shared by every process: the CMS page cache (and its invalidation on publish) and
# the callback rate limit must agree across gunicorn workers. On one machine a folder of files
# does that with no extra server; with several servers, set REDIS_URL so they share Redis.

if _redis_url := env.str("REDIS_URL", default=""):
    CACHES = {"default": {"BACKEND": "hfs_site.cache.FailSoftRedisCache", "LOCATION": _redis_url}}
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

# --- Languages and time ---------------------------------------------------------------------

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
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploaded images: S3-compatible object storage (django-storages) when a bucket is configured,
# so several app servers share them; otherwise the MEDIA_ROOT folder (shared on one host).
if _bucket := env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "endpoint_url": env.str("AWS_S3_ENDPOINT_URL", default=None),
            "region_name": env.str("AWS_S3_REGION_NAME", default=None),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# Serve uploaded files from Django itself (small sites; a CDN or web server can take over).
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=True) and not _bucket

# --- The site's name, in page titles and the header of the error pages ---------------------
# It names the whole site, not one guide: the guides are CMS pages. SITE_NAME in the environment
# replaces it in every language; the default is translated.

SITE_NAME = env.str("SITE_NAME", default="") or _("Hemifacial spasm guide")

# --- The care team's main line, for error pages that cannot read the coordinator records ----

CARE_TEAM_PHONE = env.str("CARE_TEAM_PHONE", default="(555) 010-4477")

# --- Public address ---------------------------------------------------------------------------
# Used where a full address must be written down: QR codes, referral links, the printed guide.

PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="http://127.0.0.1:8000")

# --- Clinical review ------------------------------------------------------------------------

CLINICAL_REVIEW_INTERVAL_MONTHS = env.int("CLINICAL_REVIEW_INTERVAL_MONTHS", default=24)

# --- E-mail (coordinator notifications) -----------------------------------------------------

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Hemifacial spasm guide <no-reply@localhost>")

# --- Callback requests and page feedback ----------------------------------------------------

CALLBACK_RATE_LIMIT = env.str("CALLBACK_RATE_LIMIT", default="5/h")  # per client address
CALLBACK_RETENTION_DAYS = env.int("CALLBACK_RETENTION_DAYS", default=90)  # closed requests
FEEDBACK_RATE_LIMIT = env.str("FEEDBACK_RATE_LIMIT", default="20/h")  # saved page feedback per client address
FEEDBACK_COMMENT_RETENTION_DAYS = env.int("FEEDBACK_COMMENT_RETENTION_DAYS", default=365)

# --- Logging: one JSON line per record on stdout, no personal data --------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "hfs_site.logging.JsonLineFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# --- Topics with settings of their own ------------------------------------------------------

from .cms import *  # noqa: E402, F403
from .security import *  # noqa: E402, F403
