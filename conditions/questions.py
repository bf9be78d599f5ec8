"""A page of questions and answers, read from its own text for schema.org's FAQPage.

A page counts as questions and answers when its text has at least MIN_QUESTIONS headings of
level 2 and every one of them ends in a question mark; each answer is the text that follows its
heading, up to the next one. Built with lxml, like the rest of the site's HTML reading.
"""

import lxml.html

MIN_QUESTIONS = 3


def questions_and_answers(content) -> list[tuple[str, str]]:
    placeholder = content.get_placeholders().filter(slot="content").first()
    if placeholder is None:
        return []
    bodies = [
        plugin.get_bound_plugin().body
        for plugin in placeholder.get_plugins(content.language).filter(plugin_type="TextPlugin").order_by("position")
    ]
    if not any(body.strip() for body in bodies):
        return []
    root = lxml.html.fragment_fromstring("".join(bodies), create_parent="div")
    pairs, answer = [], None
    for element in root:
        if element.tag == "h2":
            answer = []
            pairs.append((_text(element), answer))
        elif answer is not None:
            answer.append(_text(element))
    if len(pairs) < MIN_QUESTIONS or not all(question.endswith("?") for question, _ in pairs):
        return []
    return [(question, " ".join(part for part in parts if part)) for question, parts in pairs if parts]


def _text(element):
    return " ".join(element.text_content().split())
