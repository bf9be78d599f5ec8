"""Section headings in page HTML: give each <h2> an id that a coordinator can link to."""

import html
import re

from django.utils.safestring import mark_safe
from django.utils.text import slugify

H2 = re.compile(r"<h2(?P<attrs>(?:\s[^>]*)?)>(?P<inner>.*?)</h2>", re.IGNORECASE | re.DOTALL)
ID_ATTR = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
TAGS = re.compile(r"<[^>]+>")


def heading_text(inner_html: str) -> str:
    """The words of a heading, without markup (visually hidden parts included)."""
    return " ".join(html.unescape(TAGS.sub("", inner_html)).split())


def add_section_ids(page_html: str):
    """Return (html with an id on every <h2>, [{"id", "title"}...] in page order).

    An id already in the markup is kept (a treatment option's anchor, say); others are made from
    the heading's words, so #microvascular-decompression keeps working while the heading does.
    """
    sections = []
    used = set(ID_ATTR.findall(page_html))

    def replace(match):
        attrs, inner = match.group("attrs"), match.group("inner")
        title = heading_text(inner)
        existing = ID_ATTR.search(attrs)
        if existing:
            section_id = existing.group(1)
        else:
            base = slugify(title) or "section"
            section_id, n = base, 2
            while section_id in used:
                section_id, n = f"{base}-{n}", n + 1
            used.add(section_id)
            attrs = f' id="{section_id}"{attrs}'
        sections.append({"id": section_id, "title": title})
        return f"<h2{attrs}>{inner}</h2>"

    # The input is rendered template output; only slugified ids are added to it.
    return mark_safe(H2.sub(replace, page_html)), sections  # noqa: S308
