"""Link the first use of each glossary term in a page's body text to its definition.

Only text is touched: never inside a heading, a link, a button, a table header or a term
already linked, and each term is linked once a page (its first use). Works on the rendered HTML
of the page's content, which the CMS renders from sanitised plugins, read with the site's HTML
toolkit (common.html): entities are text, and a term's words must sit in one run of text.
"""

import re
from dataclasses import dataclass

from lxml import etree

from common.html import parse_fragment, serialize_fragment, text_nodes

# Text inside these is never linked.
SKIP = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "button",
    "label",
    "th",
    "dt",
    "summary",
    "script",
    "style",
    "template",
    "nav",
    "sup",
    "code",
    "textarea",
    "select",
    "option",
    "legend",
    "caption",
    "title",
}
APOSTROPHE = "['\u2019]"  # a typed apostrophe matches a typographic one, and back


@dataclass(frozen=True)
class Term:
    slug: str
    phrases: tuple[str, ...]


def build_pattern(terms, within=None):
    """One regular expression over plain text for every phrase of every term, longest first.

    With `within` (text as _normal makes it), only the phrases found in it: a page uses a few of
    the glossary's terms, and a short alternation is much quicker to search with."""
    phrases = sorted({(_normal(p), t.slug) for t in terms for p in t.phrases}, key=lambda item: -len(item[0]))
    if within is not None:
        phrases = [(phrase, slug) for phrase, slug in phrases if phrase in within]
    if not phrases:
        return None, {}
    owner = {}
    parts = []
    for phrase, slug in phrases:
        owner.setdefault(phrase, slug)
        parts.append(APOSTROPHE.join(re.escape(piece) for piece in phrase.split("'")))
    return re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE), owner


def _normal(text):
    """Text compared without case, a typographic apostrophe as a typed one."""
    return re.sub(APOSTROPHE, "'", text).casefold()


def link_terms(html: str, terms, glossary_url: str) -> str:
    """`html` with the first use of each term linked to glossary_url#slug."""
    if not terms or not glossary_url:
        return html
    root = parse_fragment(html)
    nodes = text_nodes(root, skip=lambda element: element.tag in SKIP)
    pattern, owner = build_pattern(terms, within=_normal("\n".join(node.text for node in nodes)))
    if pattern is None:
        return html
    linked = set()
    changed = False
    for node in nodes:
        parts, start = [], 0
        for match in pattern.finditer(node.text):
            slug = owner.get(_normal(match.group(1)))
            if slug is None or slug in linked:
                continue
            linked.add(slug)
            link = etree.Element("a", {"class": "glossary-link", "href": f"{glossary_url}#{slug}"})
            link.text = match.group(1)
            parts += [node.text[start : match.start()], link]
            start = match.end()
        if parts:
            node.replace_with([*parts, node.text[start:]])
            changed = True
    return serialize_fragment(root) if changed else html
