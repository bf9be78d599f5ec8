"""Text pasted from Word (or typed as Word types it) becomes the structure it looks like, before
the sanitiser (editorial/rich_text.py) keeps only the accessible tags.

- Headings the site does not use keep their place in the outline: <h1> (the page title is the
  only h1) becomes <h2>, <h5> and <h6> become <h4>. Without this the sanitiser kept only their
  words, as plain text.
- Word's bullets and numbers are not lists: each item is a paragraph that starts with a marker
  ("·", "o", "§", "1.", "a)") and a run of non-breaking spaces, and, straight from Word, carries
  `mso-list: l0 level2 lfo1` in its style with the marker in a `mso-list: Ignore` span. The
  editor keeps the words, so visitors (and screen readers) got "·" paragraphs. Runs of such
  paragraphs become <ul> or <ol>, nested by their level; the marker goes.

Ordinary paragraphs are left alone: a sentence that starts "1. Call" or "o sea" has ordinary
spaces after its first word, where Word's markers have non-breaking ones.
"""

import re

from common.html import parse_fragment, serialize_fragment, text_nodes

HEADINGS = {"h1": "h2", "h5": "h4", "h6": "h4"}
MAX_LEVEL = 3  # deeper Word levels join the third
_SPACE = "[\\s\xa0]"
_BULLET = "[·•▪◦§\uf0a7\uf0b7]"  # Symbol and Wingdings bullets paste as · and §
_NUMBER = "(?:\\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]"
# A marker at the start of a paragraph: a bullet and any space, or "o" or a number followed by
# the non-breaking spaces Word pads markers with.
_MARKER = re.compile(f"^{_SPACE}*(?:({_BULLET}){_SPACE}+|(o|{_NUMBER})\xa0{_SPACE}*)")
_WORD_LEVEL = re.compile(r"mso-list\s*:[^;]*level(\d+)", re.IGNORECASE)
_NESTED_BULLETS = {"o": 2, "§": 3, "▪": 3, "\uf0a7": 3}


def tidy_pasted_html(body: str) -> str:
    """The body with pasted headings and Word lists made real; unchanged when it has none."""
    root = parse_fragment(body)
    changed = False
    for element in root.iter(*HEADINGS):
        element.tag = HEADINGS[element.tag]
        changed = True
    items = [(paragraph, item) for paragraph in root.iter("p") if (item := _list_item(paragraph))]
    for run in _runs(items):
        _make_list(run)
        changed = True
    return serialize_fragment(root) if changed else body


def _list_item(paragraph):
    """(level, "ul" or "ol") when the paragraph is a Word list item, its marker removed; else None."""
    parent = paragraph.getparent()
    if parent is None or parent.tag in ("li", "ul", "ol"):
        return None
    word_marker = next((span for span in paragraph.iter("span") if _is_word_marker(span)), None)
    if word_marker is not None:
        marker = "".join(word_marker.itertext()).strip(" \t\r\n\xa0")
        _remove_keeping_tail(word_marker)
        marker_end = re.match(f"{_SPACE}*", _text(paragraph)).end()
    else:
        text = _text(paragraph)
        match = _MARKER.match(text)
        has_content = match is not None and (
            text[match.end() :].strip() or any(isinstance(child.tag, str) for child in paragraph)
        )
        if not has_content:  # no marker, or a marker and nothing else
            return None
        marker, marker_end = match.group(1) or match.group(2), match.end()
    _drop_leading_characters(text_nodes(paragraph), marker_end)
    kind = "ol" if re.fullmatch(_NUMBER, marker) else "ul"
    word_level = _WORD_LEVEL.search(paragraph.get("style", ""))
    level = int(word_level.group(1)[:2]) if word_level else _NESTED_BULLETS.get(marker, 1)
    return min(max(level, 1), MAX_LEVEL), kind


def _text(element):
    """The element's words as a reader gets them (comments left out)."""
    return "".join(node.text for node in text_nodes(element))


def _is_word_marker(span):
    return "mso-list:ignore" in "".join(span.get("style", "").split()).lower()


def _remove_keeping_tail(element):
    parent, tail = element.getparent(), element.tail
    previous = element.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
    # a wrapper left empty by the marker's removal (Word's Symbol-font span) goes too
    if parent.tag == "span" and len(parent) == 0 and not (parent.text or "").strip():
        _remove_keeping_tail(parent)


def _drop_leading_characters(nodes, count):
    for node in nodes:
        if count <= 0:
            return
        text = node.text
        node.replace_with([text[count:]])
        count -= len(text)


def _runs(items):
    """The list items in runs of next-door siblings (only white space between them)."""
    run = []
    for paragraph, item in items:
        previous = run[-1][0] if run else None
        if previous is not None and (previous.getnext() is not paragraph or (previous.tail or "").strip()):
            yield run
            run = []
        run.append((paragraph, item))
    if run:
        yield run


def _make_list(run):
    """Turn a run of item paragraphs into one list, nested by level, where the first one was."""
    first = run[0][0]
    parent, index, tail = first.getparent(), first.getparent().index(first), run[-1][0].tail
    stack = []  # (level, list element), outermost first
    for paragraph, (level, kind) in run:
        parent.remove(paragraph)
        paragraph.tag, paragraph.tail = "li", None
        paragraph.attrib.clear()
        while len(stack) > 1 and stack[-1][0] > level:
            stack.pop()
        if not stack:
            stack.append((level, parent.makeelement(kind, {})))
        elif level > stack[-1][0] and len(stack[-1][1]):
            last_item = stack[-1][1][-1]
            nested = last_item.makeelement(kind, {})
            last_item.append(nested)
            stack.append((level, nested))
        stack[-1][1].append(paragraph)
    outer = stack[0][1]
    outer.tail = tail
    parent.insert(index, outer)
