"""The text, links and images of a page as a visitor gets it, for content health."""

from urllib.parse import unquote, urlsplit

from django.conf import settings

from common.html import RAW_TEXT, elements, parse_document
from common.site_requests import SiteReader

# Parts of <main> that are navigation, not the page's own text.
NOT_CONTENT_CLASSES = {
    "guide-contents",
    "page-sections",
    "contents-list",
    "on-this-page",
    "pagination",
    "page-dates",
    "guide-name",
    "visually-hidden",
}
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "td", "th", "dt", "dd", "blockquote"}
SENTENCE_ENDS = (".", "!", "?", ":")


def is_navigation(element) -> bool:
    return element.tag == "nav" or bool(NOT_CONTENT_CLASSES & set((element.get("class") or "").split()))


class MainText:
    """The words, links and images of a page's <main>, leaving out the navigation inside it.

    `feed(html)` reads a whole page; then `text` is its words (a heading or a list item ends a
    sentence even without a full stop, for the readability measures), `links` the addresses
    its own text links to, and `images_without_alt` the images in <main> without an alt."""

    def __init__(self):
        self.chunks, self.links, self.images_without_alt = [], [], 0

    def feed(self, html):
        for main in parse_document(html).iter("main"):
            if not any(ancestor.tag == "main" for ancestor in main.iterancestors()):
                self._read(main, inside=not is_navigation(main))

    def _read(self, element, inside):
        """`inside`: the element is page text, not navigation. Scripts and styles are not text."""
        if element.tag == "img" and element.get("alt") is None:
            self.images_without_alt += 1
        if inside and element.tag == "a" and element.get("href"):
            self.links.append(element.get("href"))
        if inside and element.text and element.tag not in RAW_TEXT:
            self.chunks.append(element.text)
        for child in element:
            if isinstance(child.tag, str):  # not a comment
                self._read(child, inside and not is_navigation(child))
                if inside and child.tag in BLOCKS:
                    self._end_sentence()
            if inside and child.tail:
                self.chunks.append(child.tail)

    def _end_sentence(self):
        last = next((chunk.rstrip() for chunk in reversed(self.chunks) if chunk.strip()), "")
        if last and not last.endswith(SENTENCE_ENDS):
            self.chunks.append(".")
        self.chunks.append(" ")

    @property
    def text(self):
        return " ".join("".join(self.chunks).split())


def page_ids(html) -> set[str]:
    """Every id in a page, the targets of its #anchors."""
    return {element.get("id") for element in elements(parse_document(html)) if element.get("id")}


class LinkChecker:
    """Fetches each internal link once, as a visitor would, and remembers the answer."""

    def __init__(self, reader=None):
        self.reader = reader or SiteReader()
        self.pages = {}
        self.ids = {}

    def html(self, path):
        """The page at path after redirects, or None when it does not answer 200."""
        if path not in self.pages:
            status, text = self.reader.get(path)  # keeps the caller's language (site_requests)
            self.pages[path] = text if status == 200 else None
        return self.pages[path]

    def is_broken(self, href, current_path):
        parts = urlsplit(href)
        if parts.scheme in ("mailto", "tel") or (parts.netloc and parts.netloc not in settings.ALLOWED_HOSTS):
            return False
        path = parts.path or current_path
        if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return False
        html = self.html(path)
        if html is None:
            return True
        if not parts.fragment:
            return False
        if path not in self.ids:
            self.ids[path] = page_ids(html)
        return unquote(parts.fragment) not in self.ids[path]
