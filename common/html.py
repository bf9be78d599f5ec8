"""Reading and changing rendered HTML: the site's one HTML toolkit, built on lxml.

Section ids, the "On this page" list, glossary links, the print view and content health all
parse HTML here, so they agree on what a tag, an entity and a text node are. lxml's HTML parser
(libxml2) is fast but predates HTML5 in two ways that matter for output we hand back to
browsers: it does not know that <source>, <track>, <wbr> and <embed> are empty, and its
serialiser writes end tags for them. So a fragment is parsed by lxml, mended, and written back
by `serialize_fragment` below, which follows the HTML5 rules and keeps the text as it was.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

# Elements without content in HTML5 (https://html.spec.whatwg.org/#void-elements).
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Void in HTML5 but not to libxml2, which would nest what follows inside them.
_UNKNOWN_VOID = ("embed", "source", "track", "wbr")
RAW_TEXT = frozenset({"script", "style"})
# Attributes whose presence is their value: written without ="" (and so are empty data-*).
BOOLEAN_ATTRIBUTES = frozenset(
    {
        "allowfullscreen",
        "async",
        "autofocus",
        "autoplay",
        "checked",
        "controls",
        "default",
        "defer",
        "disabled",
        "formnovalidate",
        "hidden",
        "inert",
        "ismap",
        "itemscope",
        "loop",
        "multiple",
        "muted",
        "nomodule",
        "novalidate",
        "open",
        "playsinline",
        "readonly",
        "required",
        "reversed",
        "selected",
    }
)


def parse_fragment(fragment: str) -> etree._Element:
    """The fragment as the content of an element that is not part of it (serialize_fragment
    writes only what is inside). White space at its start is kept, so it round-trips."""
    document = etree.HTML(f"<html><body>{fragment}</body></html>")
    root = document.find("body") if document is not None else None
    if root is None:  # nothing but white space
        root = etree.Element("body")
        root.text = fragment or None
    _mend_void_elements(root)
    return root


def parse_document(document: str) -> etree._Element:
    """A whole page (<html>), for reading only."""
    root = etree.HTML(document)
    if root is None:
        return etree.Element("html")
    _mend_void_elements(root)
    return root


def _mend_void_elements(root):
    """Move what libxml2 put inside an empty element (a <source>'s <img>) to just after it."""
    for element in list(root.iter(*_UNKNOWN_VOID)):
        children, text = list(element), element.text
        if not children and not text:
            continue
        tail = element.tail
        element.text, element.tail = None, text
        parent, index = element.getparent(), element.getparent().index(element)
        for offset, child in enumerate(children, start=1):
            parent.insert(index + offset, child)  # moves the child with its tail
        last = children[-1] if children else element
        last.tail = ((last.tail or "") + (tail or "")) or None


def elements(root) -> Iterator[etree._Element]:
    """Every element under root, root included, in document order (no comments)."""
    return root.iter(etree.Element)


def text_of(element) -> str:
    """An element's words, markup and comments removed and white space collapsed."""
    return " ".join("".join(element.itertext()).split())


@dataclass(slots=True)
class TextNode:
    """A run of text in the tree: `element.text` (is_tail False) or `element.tail`."""

    element: etree._Element
    is_tail: bool

    @property
    def text(self) -> str:
        return (self.element.tail if self.is_tail else self.element.text) or ""

    def replace_with(self, parts) -> None:
        """Put `parts` (strings and new elements, in order) where the text was."""
        leading = []
        parts = list(parts)
        while parts and isinstance(parts[0], str):
            leading.append(parts.pop(0))
        if self.is_tail:
            self.element.tail = "".join(leading) or None
            parent, index = self.element.getparent(), self.element.getparent().index(self.element) + 1
        else:
            self.element.text = "".join(leading) or None
            parent, index = self.element, 0
        previous = None
        for part in parts:
            if isinstance(part, str):
                previous.tail = (previous.tail or "") + part
            else:
                part.tail = None
                parent.insert(index, part)
                index, previous = index + 1, part


def text_nodes(root, skip: Callable[[etree._Element], bool] = lambda element: False) -> list[TextNode]:
    """The text under root in document order, leaving out the inside of elements that `skip`
    accepts (their tail is outside them, so it is kept). Comments' text is not text."""
    nodes = []

    def visit(element, inside):
        if inside and element.text:
            nodes.append(TextNode(element, is_tail=False))
        for child in element:
            is_element = isinstance(child.tag, str)
            visit_inside = inside and is_element and child.tag not in RAW_TEXT and not skip(child)
            if is_element:
                visit(child, visit_inside)
            if inside and child.tail:
                nodes.append(TextNode(child, is_tail=True))

    visit(root, True)
    return nodes


def serialize_fragment(root) -> str:
    """The HTML of root's content (not root itself), as HTML5 writes it."""
    out = [_escape_text(root.text)] if root.text else []
    for child in root:
        _write(child, out)
    return "".join(out)


def _write(element, out):
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        if tag is etree.Comment:
            out.append(f"<!--{element.text or ''}-->")
        else:
            out.append(etree.tostring(element, method="html", encoding="unicode", with_tail=False))
    else:
        out.append(f"<{tag}")
        for name, value in element.attrib.items():
            # libxml2 gives a bare boolean attribute its own name as value (defer="defer")
            if (name in BOOLEAN_ATTRIBUTES and value in ("", name)) or (value == "" and name.startswith("data-")):
                out.append(f" {name}")
            else:
                out.append(f' {name}="{_escape_attribute(value)}"')
        out.append(">")
        if tag not in VOID:
            if element.text:
                out.append(element.text if tag in RAW_TEXT else _escape_text(element.text))
            for child in element:
                _write(child, out)
            out.append(f"</{tag}>")
    if element.tail:
        out.append(_escape_text(element.tail))


def _escape_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\xa0", "&nbsp;")


def _escape_attribute(value):
    return _escape_text(value).replace('"', "&quot;")
