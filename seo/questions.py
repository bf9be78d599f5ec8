"""A page of questions and answers, read from its own text for schema.org's FAQPage.

A page counts as questions and answers when its text has at least MIN_QUESTIONS headings of
level 2 and every one of them ends in a question mark; each answer is the text that follows its
heading, up to the next one. Read with the site's HTML toolkit (common.html).
"""

from common.html import parse_fragment, text_of

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
    root = parse_fragment("".join(bodies))
    pairs, answer = [], None
    for element in root.iterchildren("*"):  # elements, not comments
        if element.tag == "h2":
            answer = []
            pairs.append((text_of(element), answer))
        elif answer is not None:
            answer.append(text_of(element))
    if len(pairs) < MIN_QUESTIONS or not all(question.endswith("?") for question, _ in pairs):
        return []
    return [(question, " ".join(part for part in parts if part)) for question, parts in pairs if parts]
