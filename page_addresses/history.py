"""Every address a published page has had redirects (301) to the page's address now.

django CMS keeps one address per page and language (its PageUrl table: filled from the
published content on publish, rebuilt for a whole branch when a page moves) and no history.
So each published address is remembered here (PageAddress) before and after every operation
that may change one (`cms_events`), and django.contrib.redirects' table is then made to agree:

- an address a page had, and has no more, redirects to the page's address now, in the same
  language; after A -> B -> C both A and B lead straight to C, never through a chain;
- an address a page has now redirects nowhere: when a new page takes an old address, the
  address is the new page's and its redirect is removed;
- the addresses of a page that is unpublished or deleted redirect nowhere (they would lead to
  "page not found" anyway); they come back if the page is published again.

Every redirect made here leads to a page's address now, and no address of a page is ever
redirected, so a redirect never leads to another redirect, let alone back to itself.
Redirects staff add by hand in Admin > Redirects are left alone unless a page takes their address.
"""

from cms.models import PageContent, PageUrl
from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site

from .models import PageAddress

# django.contrib.redirects stores addresses of at most 200 characters; a longer one (a page
# nested very deep) is remembered but cannot redirect.
LONGEST_REDIRECT = Redirect._meta.get_field("old_path").max_length


def addresses_now(pages=None) -> dict[str, tuple[int, str]]:
    """{address: (page id, language)} of every page a visitor can open now (of `pages` only,
    when given). The CMS gives a page an address on its first publish; after a move, a page
    that was never published can have one too, so only published pages count."""
    urls = PageUrl.objects.filter(site_id=settings.SITE_ID, path__isnull=False, page__is_page_type=False)
    published = PageContent.objects.filter(page__site_id=settings.SITE_ID)
    if pages is not None:
        urls = urls.filter(page__in=pages)
        published = published.filter(page__in=pages)
    visible = set(published.values_list("page_id", "language"))
    found = {}
    for url in urls:
        if (url.page_id, url.language) in visible and (address := url.get_absolute_url(url.language)):
            found[address] = (url.page_id, url.language)
    return found


def remember_addresses() -> dict[str, tuple[int, str]]:
    """Record every published page's address now, as the address of that page; return them."""
    now = addresses_now()
    owners = dict(PageAddress.objects.filter(path__in=now).values_list("path", "page_id"))
    PageAddress.objects.bulk_create(
        [
            PageAddress(path=path, page_id=page_id, language=language)
            for path, (page_id, language) in now.items()
            if path not in owners
        ],
        ignore_conflicts=True,  # another request recorded it first: the update below settles it
    )
    for path, (page_id, language) in now.items():
        if path in owners and owners[path] != page_id:  # a new page took an old address
            PageAddress.objects.filter(path=path).update(page_id=page_id, language=language)
    return now


def wanted_redirects(now) -> dict[str, str | None]:
    """{remembered address: the address it should redirect to, or None for no redirect}."""
    where = {(page_id, language): path for path, (page_id, language) in now.items()}
    wanted = {}
    for path, page_id, language in PageAddress.objects.values_list("path", "page_id", "language"):
        target = where.get((page_id, language))
        wanted[path] = target if target not in (None, path) and len(target) <= LONGEST_REDIRECT else None
    return wanted


def refresh_redirects():
    """Remember the addresses now, then make the redirects agree (the module's docstring)."""
    wanted = wanted_redirects(remember_addresses())
    site = Site.objects.get_current()
    existing = Redirect.objects.filter(site=site, old_path__in=list(wanted))
    stale = [redirect.pk for redirect in existing if wanted[redirect.old_path] != redirect.new_path]
    Redirect.objects.filter(pk__in=stale).delete()
    kept = set(existing.exclude(pk__in=stale).values_list("old_path", flat=True))
    Redirect.objects.bulk_create(
        [
            Redirect(site=site, old_path=path, new_path=target)
            for path, target in wanted.items()
            if target and path not in kept and len(path) <= LONGEST_REDIRECT
        ],
        ignore_conflicts=True,
    )
