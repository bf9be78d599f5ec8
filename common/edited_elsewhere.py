"""Plugins that show what is edited somewhere else (the treatment figures, the care team's phone
number) say so when an editor double-clicks them.

In edit or structure mode a double-click on a plugin opens its edit form (django CMS's
edit-plugin view) in a dialog. For these plugins that form held a caption or nothing at all, so
an editor looking for the figure or the number found no way to change it and was left with a
draft they did not need. `EditedElsewhere` puts a plain notice above the form, naming where
the data lives, with one button that goes there: it posts to the `leave_unchanged_draft` view
(editorial.views), which first removes the editor's own draft of this page when nothing in it
was changed, so no empty draft is left behind. Closing the dialog saves nothing either.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from djangocms_versioning.models import Version

NOTICE_FORM = "admin/edited_elsewhere_plugin_form.html"


@dataclass(frozen=True, slots=True)
class Elsewhere:
    """What the plugin shows that is not edited in it, and where it is edited."""

    what: str  # "The figures in this table", in a sentence: "... are not changed here."
    place: str  # "the Treatment page"
    url: str  # where that is (a page or an admin list)


class EditedElsewhere:
    """A mixin for CMSPluginBase classes: define `edited_elsewhere(instance)` -> Elsewhere."""

    change_form_template = NOTICE_FORM

    def edited_elsewhere(self, instance) -> Elsewhere | None:
        raise NotImplementedError

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["elsewhere"] = self.edited_elsewhere(obj)
            context["elsewhere_title"] = _("Where to change this")
            context["draft_version"] = _version_holding(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)


def _version_holding(plugin):
    """The version (usually a draft) whose placeholder holds this plugin, if it is versioned."""
    source = plugin.placeholder.source if plugin.placeholder_id else None
    try:
        version = Version.objects.get_for_content(source) if source is not None else None
    except (KeyError, Version.DoesNotExist):
        return None
    return version
