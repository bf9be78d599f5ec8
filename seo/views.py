"""robots.txt: what search engines may read."""

from django.conf import settings
from django.http import HttpResponse

from common.addresses import absolute_url


def robots_txt(request):
    """Let search engines read the guide; keep them out of the admin, the referral links and the
    callback form (in every language)."""
    prefixes = [""] + [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_PATH}",
        "Disallow: /r/",
        *(f"Disallow: {prefix}/callback/" for prefix in prefixes),
        "",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
