"""Rich text is for accessible content only: paragraphs, headings h2-h4, lists, links, bold, italic.

djangocms-text cleans every text plugin with its nh3 sanitiser when it is saved, pasted markup
included. Before the save reaches the database, the text is cleaned once more with this
project's own, narrower sanitiser (djangocms-text's public `clean_html` with its `cleaner`
argument; the package's own sanitiser is left as it is), so font colours and sizes, tables,
images and inline styles never reach a visitor; the words inside a removed tag are kept. First,
pasted h1, h5 and h6 and Word's bullet and number paragraphs are made the headings and lists they
look like (editorial/pasted_text.py). The editor's toolbar (TEXT_EDITOR_SETTINGS in settings)
offers only the same set.
"""

from django.db.models.signals import pre_save
from djangocms_text.html import NH3Parser, clean_html
from djangocms_text.models import Text

from .pasted_text import tidy_pasted_html

ALLOWED_TAGS = {"p", "br", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "b", "em", "i", "cms-plugin"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "hreflang", "title"},
    "cms-plugin": {"id", "title", "name", "alt", "render-plugin", "type"},  # inline child plugins
    "ol": {"start"},
}


class AccessibleText(NH3Parser):
    """djangocms-text's sanitiser, allowing only the accessible tags and attributes above."""

    def __init__(self):
        super().__init__(additional_attributes={}, generic_attribute_prefixes={"data-", "aria-"})
        self.ALLOWED_TAGS = set(ALLOWED_TAGS)
        self.ALLOWED_ATTRIBUTES = {tag: set(attributes) for tag, attributes in ALLOWED_ATTRIBUTES.items()}


ACCESSIBLE_TEXT = AccessibleText()


def clean_text_plugin(sender, instance, **kwargs):
    if instance.body:
        instance.body = clean_html(tidy_pasted_html(instance.body), cleaner=ACCESSIBLE_TEXT)


def keep_rich_text_accessible():
    pre_save.connect(clean_text_plugin, sender=Text, dispatch_uid="editorial.rich_text")
