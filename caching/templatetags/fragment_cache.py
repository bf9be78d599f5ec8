"""{% site_fragment %}: the parts every page shows around its content, rendered once per content
version (see caching.fragments)."""

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from caching.fragments import cached, lifetime

register = template.Library()


@register.tag
def site_fragment(parser, token):
    """{% site_fragment "name" %}...{% endsite_fragment %}: the rendered block, cached per page,
    address and language until the site's content version changes. A page-cache miss then costs
    the CMS's own work and the page's content, not the menus, head and navigation around it.
    The block must not depend on anything else (nor set variables used outside it). Signed-in
    users always get it fresh (their menus can show drafts), and so do pages that are not CMS
    pages (error pages, forms). A block holding a placeholder is kept only when the CMS would
    keep the whole page as long (no plugin in it opts out of caching, expires sooner or varies
    on a request header): a callback form's per-visitor token is never replayed."""
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
        built = {}

        def build():
            html, built["storable"] = self._render(context, request)
            return html

        return cached("fragment", *key, build=build, storable=lambda _html: built["storable"])

    def _render(self, context, request):
        """The block's HTML, and whether its placeholders let the CMS cache it in full."""
        renderer = request.toolbar.content_renderer
        before = {placeholder.pk for placeholder in renderer.get_rendered_placeholders()}
        html = self.nodelist.render(context)
        now, full = timezone.now(), lifetime()
        for placeholder in renderer.get_rendered_placeholders():
            if placeholder.pk in before:
                continue
            if placeholder.get_cache_expiration(request, now) < full or placeholder.get_vary_cache_on(request):
                return html, False
        return html, True
