"""{% glossary_links %}...{% endglossary_links %}: link the first use of each glossary term."""

import hashlib

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from caching.fragments import cached
from references.glossary import glossary_url, link_terms_for
from references.linking import link_terms

register = template.Library()


@register.tag
def glossary_links(parser, token):
    nodelist = parser.parse(("endglossary_links",))
    parser.delete_first_token()
    return GlossaryLinksNode(nodelist)


class GlossaryLinksNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        toolbar = getattr(context.get("request"), "toolbar", None)
        if toolbar is not None and toolbar.edit_mode_active:
            return html  # editors edit the text as they wrote it, without the added links
        language = get_language()
        terms = cached("glossary-terms", language, build=lambda: link_terms_for(language))
        url = cached("glossary-url", language, build=lambda: glossary_url(language))
        digest = hashlib.sha256(html.encode()).hexdigest()
        # the input is rendered template output; only links built from escaped values are added
        return mark_safe(cached("glossary-html", language, digest, build=lambda: link_terms(html, terms, url)))  # noqa: S308
