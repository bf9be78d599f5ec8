"""{% page_breadcrumb %}: django CMS's show_breadcrumb, with Home in edit mode and preview too.

The CMS finds the home page among the menu's nodes by its address ("/"). In edit mode and
preview every node's address is its page's edit or preview view, so Home was left out of the
editor's breadcrumbs. Here home is also found by the node's `is_home` attribute, as the CMS's
own menu modifier (NavExtender) finds it. Pages hidden from the menu stay in the trail.
"""

from classytags.arguments import Argument
from classytags.core import Options
from django import template
from menus.menu_pool import menu_pool
from menus.templatetags.menu_tags import ShowBreadcrumb

register = template.Library()


class PageBreadcrumb(ShowBreadcrumb):
    name = "page_breadcrumb"
    options = Options(
        Argument("template", default="menu/breadcrumb.html", required=False),
    )

    def get_context(self, context, template):
        result = super().get_context(context, start_level=0, template=template, only_visible=False)
        ancestors = result.get("ancestors")
        if ancestors is None or any(node.attr.get("is_home") for node in ancestors):
            return result
        renderer = context.get("cms_menu_renderer") or menu_pool.get_renderer(context["request"])
        home = next((node for node in renderer.get_nodes(breadcrumb=True) if node.attr.get("is_home")), None)
        if home is not None:
            ancestors.insert(0, home)
        return result


register.tag(PageBreadcrumb)
