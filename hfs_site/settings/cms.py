"""django CMS and its add-ons: pages, versioning, rich text, images. Imported by base.py.

django CMS settings reference: https://docs.django-cms.org/en/latest/reference/configuration.html
"""

from django.utils.translation import gettext_lazy as _

from .environment import env

# --- django CMS -----------------------------------------------------------------------------

SITE_ID = 1  # django.contrib.sites: the one site django CMS serves (CMS_LANGUAGES is keyed by it)
CMS_CONFIRM_VERSION4 = True
CMS_TEMPLATES = [
    ("content_page.html", _("Content page")),
    ("guide_page.html", _("Condition guide page")),
]
CMS_PERMISSION = False
CMS_TOOLBAR_ANONYMOUS_ON = False
CMS_PAGE_CACHE = env.bool("CMS_PAGE_CACHE", default=True)  # 0 only to measure misses
# Pages are cached for a minute at most: the contact section says whether the phone line is
# open now. Publishing a page or saving a coordinator clears the cache at once.
CMS_CACHE_DURATIONS = {"content": 60, "menus": 3600, "permissions": 3600}
# Seconds between each worker's checks of the page-cache version (0: on every request).
HOT_PAGE_CACHE_RECHECK = env.float("HOT_PAGE_CACHE_RECHECK", default=1.0)
CMS_LANGUAGES = {
    SITE_ID: [
        {"code": "en", "name": "English", "public": True, "hide_untranslated": False},
        # A page not (yet) written in Spanish redirects to its English version.
        {"code": "es", "name": "Español", "public": True, "hide_untranslated": False, "fallbacks": ["en"]},
    ],
    "default": {"fallbacks": [], "redirect_on_fallback": True, "public": True, "hide_untranslated": False},
}

# --- Versioning (djangocms-versioning) -------------------------------------------------------

DJANGOCMS_VERSIONING_ALLOW_DELETING_VERSIONS = False
# A draft belongs to the editor who made it: others see "Locked by <name>" and cannot change it
# (so one editor's save never silently overwrites another's). Content editors may unlock a draft
# (editorial/roles.py); its author is then e-mailed, and the next editor to open it holds it.
DJANGOCMS_VERSIONING_LOCK_VERSIONS = True
# An unlock must not fail because the mail server is down (the lock is removed either way).
EMAIL_NOTIFICATIONS_FAIL_SILENTLY = True

# --- Rich text (djangocms-text) ---------------------------------------------------------------
# Accessible content only. The toolbar offers these; editorial/rich_text.py makes the sanitiser
# enforce the same set on save (pasted markup included).

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
FILER_MAX_IMAGE_PIXELS = env.int("MAX_UPLOAD_MEGAPIXELS", default=40) * 1_000_000
