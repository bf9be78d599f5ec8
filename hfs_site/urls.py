"""URLs. English pages have no language prefix (/hemifacial-spasm/); the CMS serves the pages."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.generic import RedirectView
from django.views.static import serve

from conditions.views import print_guide
from editorial.views import leave_unchanged_draft
from seo.sitemaps import PageSitemap
from seo.views import robots_txt

from . import views
from .staff_login import toolbar_login

urlpatterns = [
    # Content health and clinical reviews were in the conditions app until 2026-12: addresses
    # staff have bookmarked keep working.
    re_path(
        rf"^{re.escape(settings.ADMIN_PATH)}conditions/(?P<rest>(?:contenthealth|pagereview)/.*)$",
        RedirectView.as_view(url=f"/{settings.ADMIN_PATH}editorial/%(rest)s", query_string=True, permanent=True),
    ),
    # before the admin, whose catch-all would answer it (a button in plugin edit forms)
    path(f"{settings.ADMIN_PATH}leave-draft/", leave_unchanged_draft, name="leave_unchanged_draft"),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("", include("referrals.urls")),  # /r/<code>/ has no language prefix: it is printed on paper
]

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    # filer stores each upload under its own folder, so a day of browser caching is safe
    serve_media = cache_control(public=True, max_age=60 * 60 * 24)(serve)
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += i18n_patterns(
    path("", include("coordinators.urls")),
    path("", include("feedback.urls")),
    path("<path:guide_path>/print/", print_guide, name="print_guide"),
    path("cms_login/", toolbar_login),  # before cms.urls: no password-only sign-in with OTP_REQUIRED
    path("", include("cms.urls")),
    prefix_default_language=False,
)
