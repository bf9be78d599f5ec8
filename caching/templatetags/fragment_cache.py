"""{% site_fragment %}: the parts every page shows around its content, rendered once per content
version (see caching.fragments)."""

from django import template
from django.utils.translation import get_language

from caching.fragments import cached

register = template.Library()


@register.tag
def site_fragment(parser, token):
    """{% site_fragment "name" %}...{% endsite_fragment %}: the rendered block, cached per page,
    address and language until the site's content version changes. A page-cache miss then costs
    the CMS's own work and the page's content, not the menus, head and navigation around it.
    The block must not depend on anything else (nor set variables used outside it). Signed-in
    users always get it fresh (their menus can show drafts), and so do pages that are not CMS
    pages (error pages, forms)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("site_fragment takes one name")
    nodelist = parser.parse(("endsite_fragment",))
    parser.delete_first_token()
    return SiteFragmentNode(bits[1].strip("\"'"), nodelist)


class SiteFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if request is None or (user is not None and user.is_authenticated):
            return self.nodelist.render(context)
        page = getattr(request, "current_page", None)
        if not page:
            return self.nodelist.render(context)
        key = (self.name, page.pk, get_language(), request.path)
        return cached("fragment", *key, build=lambda: self.nodelist.render(context))
