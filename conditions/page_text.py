"""The text, links and images of a page as a visitor gets it, for content health."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client
from django.utils import translation

# Parts of <main> that are navigation, not the page's own text.
NOT_CONTENT_CLASSES = {"contents-list", "on-this-page", "pagination", "page-dates", "guide-name", "visually-hidden"}
BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "td", "th", "dt", "dd", "blockquote"}
VOID = {"img", "br", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed"}


class MainText(HTMLParser):
    """Collects the words, links and images of <main>, skipping navigation inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth_in_main = 0
        self.skip_depth = 0
        self.stack = []
        self.chunks = []
        self.links = []
        self.images_without_alt = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.depth_in_main += 1
        if not self.depth_in_main:
            return
        if tag == "img" and "alt" not in attrs:
            self.images_without_alt += 1
        if tag in VOID:
            return
        skip = tag == "nav" or bool(NOT_CONTENT_CLASSES & set((attrs.get("class") or "").split()))
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1
        if tag == "a" and attrs.get("href") and not self.skip_depth:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth_in_main -= 1
            return
        if not self.depth_in_main or tag in VOID:
            return
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skip_depth -= 1
            if open_tag == tag:
                break
        if tag in BLOCKS and not self.skip_depth:
            # A heading or list item ends a sentence even without a full stop.
            last = next((chunk.rstrip() for chunk in reversed(self.chunks) if chunk.strip()), "")
            if last and not last.endswith((".", "!", "?", ":")):
                self.chunks.append(".")
            self.chunks.append(" ")

    def handle_data(self, data):
        if self.depth_in_main and not self.skip_depth:
            self.chunks.append(data)

    @property
    def text(self):
        return " ".join("".join(self.chunks).split())


def test_client():
    hosts = [h for h in settings.ALLOWED_HOSTS if h not in ("*",) and not h.startswith(".")]
    return Client(HTTP_HOST=hosts[0] if hosts else "localhost", secure=getattr(settings, "SECURE_SSL_REDIRECT", False))


class LinkChecker:
    """Fetches each internal link once, as a visitor would, and remembers the answer."""

    def __init__(self, client):
        self.client = client
        self.pages = {}

    def html(self, path):
        if path not in self.pages:
            # a request switches the thread's language (LocaleMiddleware); keep the caller's
            with translation.override(translation.get_language()):
                response = self.client.get(path, follow=True)
            self.pages[path] = response.content.decode() if response.status_code == 200 else None
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
        return bool(parts.fragment) and f'id="{parts.fragment}"' not in html
