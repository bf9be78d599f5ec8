"""Link the first use of each glossary term in a page's body text to its definition.

Only text is touched: never inside a heading, a link, a button, a table header or a term
already linked, and each term is linked once a page (its first use). Works on the rendered HTML
of the page's content, which the CMS renders from sanitised plugins.
"""

import re
from dataclasses import dataclass

from django.utils.html import escape

TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")
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
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
APOSTROPHE = "(?:'|&#x27;|&#39;|&rsquo;|\u2019)"


@dataclass(frozen=True)
class Term:
    slug: str
    phrases: tuple[str, ...]


def build_pattern(terms):
    """One regular expression for every phrase of every term, longest phrases first."""
    phrases = sorted({(p.lower(), t.slug) for t in terms for p in t.phrases}, key=lambda item: -len(item[0]))
    if not phrases:
        return None, {}
    owner = {}
    parts = []
    for phrase, slug in phrases:
        owner.setdefault(phrase, slug)
        parts.append(APOSTROPHE.join(re.escape(piece) for piece in phrase.split("'")))
    return re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE), owner


def _normal(text):
    return re.sub(APOSTROPHE, "'", text).lower()


def link_terms(html: str, terms, glossary_url: str) -> str:
    """`html` with the first use of each term linked to glossary_url#slug."""
    pattern, owner = build_pattern(terms)
    if pattern is None or not glossary_url:
        return html
    linked = set()
    open_tags = []
    out = []
    for token in TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            tag = TAG_NAME.match(token)
            if tag is None or token.startswith("<!--"):
                continue
            closing, name = tag.group(1), tag.group(2).lower()
            if name in VOID or token.rstrip().endswith("/>"):
                continue
            if closing:
                if name in open_tags:
                    del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name) :]
            else:
                open_tags.append(name)
            continue
        if SKIP.intersection(open_tags):
            out.append(token)
            continue

        def replace(match):
            slug = owner.get(_normal(match.group(1)))
            if slug is None or slug in linked:
                return match.group(0)
            linked.add(slug)
            return f'<a class="glossary-link" href="{escape(glossary_url)}#{escape(slug)}">{match.group(1)}</a>'

        out.append(pattern.sub(replace, token))
    return "".join(out)
