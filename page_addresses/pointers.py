"""What points to some pages: links in other pages' text, and referral links.

Shown before a page is moved or deleted, so the editor knows what a change reaches. A link
points to a page when its address is one the page has now or had (`history`), in any language,
with or without a #section, written as a path or as a full address on this site; or when the
rich text editor linked the page itself (djangocms-text's `data-cms-href="cms.page:<id>"`).
Published text and drafts waiting to be published are both read.
"""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from cms.models import PageContent, Placeholder
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from djangocms_text.models import Text

from common.addresses import public_host
from common.html import parse_fragment
from referrals.models import ReferralLink

from .history import addresses_now
from .models import PageAddress


@dataclass(frozen=True)
class LinkingPage:
    title: str
    language: str  # the language's name
    address: str  # where it is published, or "" for a draft only


def addresses_of(pages) -> set[str]:
    """Every address these pages have now or had."""
    return set(addresses_now(pages)) | set(PageAddress.objects.filter(page__in=pages).values_list("path", flat=True))


def _same_site(netloc) -> bool:
    host = netloc.rsplit("@", 1)[-1].split(":", 1)[0].lower()
    return not host or host == public_host().split(":", 1)[0].lower() or host in settings.ALLOWED_HOSTS


def links_to(anchor, addresses, page_ids) -> bool:
    """Whether one <a> element leads to one of these pages."""
    model, _colon, pk = (anchor.get("data-cms-href") or "").rpartition(":")
    if model.strip() == "cms.page" and pk.strip().isdigit() and int(pk) in page_ids:
        return True
    parts = urlsplit(anchor.get("href") or "")
    if parts.scheme not in ("", "http", "https") or not _same_site(parts.netloc) or not parts.path:
        return False
    path = unquote(parts.path)
    return path in addresses or f"{path}/" in addresses


def pages_linking_to(pages) -> list[LinkingPage]:
    """The other pages whose text (published, or in a waiting draft) links to these pages."""
    page_ids = {page.pk for page in pages}
    addresses = addresses_of(pages)
    contents = {
        content.pk: content
        for manager in (PageContent.objects.all(), PageContent.admin_manager.current_content())
        for content in manager.exclude(page_id__in=page_ids).select_related("page")
    }
    placeholders = Placeholder.objects.filter(
        content_type=ContentType.objects.get_for_model(PageContent), object_id__in=list(contents)
    )
    found = {}
    for text in Text.objects.filter(placeholder__in=placeholders).select_related("placeholder"):
        content = contents[text.placeholder.object_id]
        key = (content.page_id, content.language)
        if key not in found and any(links_to(a, addresses, page_ids) for a in parse_fragment(text.body).iter("a")):
            found[key] = content
    languages = dict(settings.LANGUAGES)
    return [
        LinkingPage(
            title=content.title,
            language=str(languages.get(content.language, content.language)),
            address=content.page.get_absolute_url(content.language) or "",
        )
        for content in sorted(found.values(), key=lambda c: (c.page.path, c.language))
    ]


def referral_links_to(pages):
    """The referral links (/r/<code>/) that open one of these pages."""
    return ReferralLink.objects.filter(page__in=pages).select_related("page").order_by("label")
