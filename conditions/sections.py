"""Section headings in page HTML: give each <h2> an id that a coordinator can link to."""

from django.utils.safestring import mark_safe
from django.utils.text import slugify

from common.html import elements, parse_fragment, serialize_fragment, text_of


def add_section_ids(page_html: str):
    """Return (html with an id on every <h2>, [{"id", "title"}...] in page order).

    An id already in the markup is kept (a treatment option's anchor, say); others are made from
    the heading's words (visually hidden parts included), so #microvascular-decompression keeps
    working while the heading does, and never repeat an id used anywhere in the HTML.
    """
    if "<h2" not in page_html.lower():
        return mark_safe(page_html), []  # noqa: S308 - rendered template output, unchanged
    root = parse_fragment(page_html)
    used = {element.get("id") for element in elements(root) if element.get("id")}
    sections = []
    for heading in root.iter("h2"):
        title = text_of(heading)
        section_id = heading.get("id")
        if not section_id:
            base = slugify(title) or "section"
            section_id, n = base, 2
            while section_id in used:
                section_id, n = f"{base}-{n}", n + 1
            used.add(section_id)
            _set_first(heading, "id", section_id)
        sections.append({"id": section_id, "title": title})
    # Rendered template output, parsed and written back; only slugified ids are added to it.
    return mark_safe(serialize_fragment(root)), sections  # noqa: S308


def _set_first(element, name, value):
    """Set an attribute as the element's first, where a reader of the HTML looks for an id."""
    others = [(key, old) for key, old in element.attrib.items() if key != name]
    element.attrib.clear()
    element.set(name, value)
    for key, old in others:
        element.set(key, old)
