"""Rich text is for accessible content only: paragraphs, headings h2-h4, lists, links, bold, italic.

djangocms-text cleans every rich text field with one nh3 sanitiser (`cms_parser`) when it is
saved, pasted markup included. Here its allowed tags are narrowed to the accessible set, so
font colours and sizes, tables, h1/h5/h6, images and inline styles never reach a visitor; the
words inside a removed tag are kept. The editor's toolbar (TEXT_EDITOR_SETTINGS in settings)
offers only the same set.
"""

from djangocms_text.html import cms_parser

ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "b", "em", "i", "cms-plugin"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "hreflang", "title"},
    "cms-plugin": {"id", "title", "name", "alt", "render-plugin", "type"},  # inline child plugins
    "ol": {"start"},
}


def restrict_rich_text():
    cms_parser.ALLOWED_TAGS = set(ALLOWED_TAGS)
    cms_parser.ALLOWED_ATTRIBUTES = {tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()}
    cms_parser.generic_attribute_prefixes = {"data-", "aria-"}
