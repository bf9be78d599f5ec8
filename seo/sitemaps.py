"""The sitemap: every published page in every language it is published in, with hreflang."""

from cms.models import Page, PageContent
from django.contrib.sitemaps import Sitemap
from django.utils.translation import get_language
from djangocms_versioning.models import Version

from common.addresses import public_host, public_scheme


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        published = PageContent.objects.values_list("page_id", flat=True)
        return list(Page.objects.filter(pk__in=published, login_required=False).order_by("path"))

    def get_languages_for_item(self, page):
        return list(PageContent.objects.filter(page=page).values_list("language", flat=True))

    def location(self, page):
        return page.get_absolute_url(get_language())

    def lastmod(self, page):
        content = PageContent.objects.filter(page=page, language=get_language()).first()
        return Version.objects.get_for_content(content).modified if content else None

    # absolute URLs use the site's public address, not the Sites framework's domain
    def get_domain(self, site=None):
        return public_host()

    def get_protocol(self, protocol=None):
        return public_scheme()
