"""The printable guide: every page of a condition guide, in order, as one document."""

from cms.models import PageUrl
from cms.utils import get_current_site
from django.http import Http404
from django.shortcuts import render
from django.template import RequestContext
from django.utils import timezone
from django.utils.translation import get_language
from djangocms_versioning.models import Version

from common.addresses import absolute_url
from common.guide_tree import guide_pages, guide_root
from common.html import elements, parse_fragment, serialize_fragment
from referrals import qr

from .languages import print_languages

DEMOTED = {"h2": "h3", "h3": "h4", "h4": "h5", "h5": "h6"}


def printable(html, base_url):
    """A page's content as a section of the printed guide: h2 -> h3 and so on (each page is
    itself a section under an h2), and the site's own links made absolute, for paper and PDF."""
    root = parse_fragment(html)
    for element in elements(root):
        if element.tag in DEMOTED:
            element.tag = DEMOTED[element.tag]
        href = element.get("href")
        if href and href.startswith("/") and not href.startswith("//"):
            element.set("href", base_url + href)
    return serialize_fragment(root)


def print_guide(request, guide_path):
    language = get_language()
    url = PageUrl.objects.filter(path=guide_path, language=language, page__site=get_current_site()).first()
    root = guide_root(url.page, language) if url else None
    if root is None or root.pk != url.page_id:
        raise Http404("Not the first page of a condition guide")
    renderer = request.toolbar.get_content_renderer()
    context = RequestContext(request, {"request": request})
    sections = []
    for page, content in guide_pages(root, language):
        placeholder = content.get_placeholders().get(slot="content")
        html = renderer.render_placeholder(placeholder, context, language=language, page=page, use_cache=True)
        sections.append(
            {
                "id": page.get_slug(language) or f"page-{page.pk}",
                "title": content.title,
                "html": printable(str(html), absolute_url("")),
                "updated": Version.objects.get_for_content(content).modified,
            }
        )
    online_url = absolute_url(root.get_absolute_url(language))
    context = {
        "guide_title": sections[0]["title"],
        "sections": sections,
        "printed_on": timezone.localdate(),
        "online_url": online_url,
        "qr_svg": qr.svg(online_url, title=online_url),
        "language_links": print_languages(root, language),
    }
    return render(request, "conditions/guide_print.html", context)
