"""The headings of a published page, as its visitors get them: the sections a referral link may
open at (`/r/<code>/` sends the visitor to `page#id`).

The ids are read from the rendered page, not worked out again here: the page's own templates
give its headings their ids (conditions/sections.py on guide pages), and a link must use
exactly those.
"""

from dataclasses import dataclass

from django.utils import translation

from common.html import parse_document, text_of
from common.site_requests import SiteReader


@dataclass(frozen=True)
class Heading:
    id: str
    title: str


def page_headings(page, language) -> list[Heading] | None:
    """The page's main headings (<h2> with an id, navigation left out) in page order, or None
    when the page is not published in `language` (there is nothing to read)."""
    path = page.get_absolute_url(language) if page is not None else None
    if not path:
        return None
    with translation.override(translation.get_language()):  # a request switches the thread's language
        status, html = SiteReader().get(path)
    if status != 200 or html is None:
        return None
    main = parse_document(html).xpath("//main")
    if not main:
        return []
    return [Heading(h.get("id"), text_of(h)) for h in main[0].iter("h2") if h.get("id") and not _in_navigation(h)]


def _in_navigation(element) -> bool:
    return any(ancestor.tag == "nav" for ancestor in element.iterancestors())


def _plain(text: str) -> str:
    return " ".join(text.removeprefix("#").split()).casefold()


def find_heading(headings: list[Heading], typed: str) -> Heading | None:
    """The heading whose id or words are `typed` (capitals, spaces and a leading # do not matter)."""
    wanted = _plain(typed)
    return next((h for h in headings if _plain(h.id) == wanted), None) or next(
        (h for h in headings if _plain(h.title) == wanted), None
    )
