"""Version locking (djangocms-versioning's `DJANGOCMS_VERSIONING_LOCK_VERSIONS`, on in
hfs_site/settings/cms.py): a draft belongs to the editor who made it, so a second editor's save
can never silently overwrite the first's. This module adds what versioning leaves out:

- Others see who holds a page's draft wherever they look at the page: versioning names the
  holder only on the draft's own preview, and shows the published page with a greyed-out
  "Unlock" and no "Edit". `locked_draft_for()` finds the draft; editorial/cms_toolbars.py
  shows who holds it.
- After a content editor unlocks a colleague's draft (versioning e-mails the author), the next
  editor who opens it in edit mode holds it again. Versioning locks a draft opened from its own
  preview, but not one opened with "Edit" on the published page, which would leave two editors
  changing one unlocked draft.
- The author who was still typing when their draft changed hands is told so: the CMS refuses
  the save with a bare 403 that the inline text editor does not show, so the change would
  vanish without a word. The refusal instead names who now holds the draft, in the CMS's own
  plugin error form, which both the inline editor (as a message that stays) and the editing
  dialog show. The refused text stays in the editor, to copy.
"""

from cms.models import CMSPlugin
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from djangocms_versioning.constants import DRAFT
from djangocms_versioning.helpers import create_version_lock
from djangocms_versioning.models import Version

# The CMS's endpoints (their URL names): a version in edit mode, and saving one plugin.
EDIT_VIEW = "cms_placeholder_render_object_edit"
EDIT_PLUGIN_VIEW = "cms_placeholder_edit_plugin"


def version_of(content):
    """The version of a versioned content object (a page or alias version), else None."""
    try:
        return Version.objects.get_for_content(content)
    except (KeyError, Version.DoesNotExist):  # not versioned, or no version yet
        return None


def locked_draft_for(content, user):
    """The draft of this content (the one shown, or the draft beside a published version) when
    it is locked to someone other than `user`; else None."""
    version = version_of(content)
    if version is None:
        return None
    draft = version if version.state == DRAFT else version.get_latest_draft_version()
    if draft is None or draft.is_unlocked_for_user(user):
        return None
    return draft


def holder_name(draft):
    """The name staff know the lock's holder by."""
    return draft.locked_by.get_full_name() or draft.locked_by.get_username()


def hold_opened_draft(request):
    """The CMS rendered this user a draft in edit mode (so they may edit it): lock it to them
    if nobody holds it."""
    toolbar = getattr(request, "toolbar", None)
    if toolbar is None or not toolbar.edit_mode_active or toolbar.get_object() is None:
        return
    version = version_of(toolbar.get_object())
    if version is not None and version.state == DRAFT and version.locked_by_id is None:
        create_version_lock(version, request.user)


def refused_save_warning(request, plugin_id):
    """The CMS refused to save this plugin: when its draft is locked to someone else, the
    refusal that says so (else None: the CMS's own answer stands)."""
    plugin = CMSPlugin.objects.filter(pk=plugin_id).select_related("placeholder").first()
    source = plugin.placeholder.source if plugin is not None and plugin.placeholder else None
    draft = locked_draft_for(source, request.user) if source is not None else None
    if draft is None:
        return None
    message = _(
        "%(name)s is now editing this draft, so your last change was not saved. "
        "Copy your text before you leave this page, then ask %(name)s about it."
    ) % {"name": holder_name(draft)}
    response = TemplateResponse(request, "admin/cms/page/plugin/error_form.html", {"message": message}, status=403)
    return response.render()


class DraftLockMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is None or not getattr(request, "user", None) or not request.user.is_authenticated:
            return response
        if match.url_name == EDIT_VIEW and response.status_code == 200:
            hold_opened_draft(request)
        elif match.url_name == EDIT_PLUGIN_VIEW and response.status_code == 403 and match.args:
            return refused_save_warning(request, match.args[0]) or response
        return response
