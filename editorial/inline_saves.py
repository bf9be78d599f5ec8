"""Inline text editing says that it saved.

djangocms-text saves a text plugin edited on the page when the editor clicks outside it (a
`fetch` to the CMS's edit-plugin view); on success it asks its messages view for anything the
admin queued and shows it in the CMS's message bar. The CMS queues nothing that survives
(its "changed successfully" goes into the reply for the editing dialog), so a successful save
showed nothing at all. This middleware queues "Saved in the draft." for exactly those saves: a
successful reply (the CMS's close frame) to a request the browser marks as made by a script
(`Sec-Fetch-Dest: empty`), not a form posted in the editing dialog's frame, which closes on
success and would otherwise leave the message for a later page. The message bar is made a
polite live region by editorial/static/editorial/editing.js, so screen readers announce it.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

EDIT_PLUGIN_VIEW = "cms_placeholder_edit_plugin"
SAVED_REPLY = b'class="cms-close-frame"'  # the CMS's sign that a plugin was saved


def is_inline_save(request, response):
    match = request.resolver_match
    return (
        match is not None
        and match.url_name == EDIT_PLUGIN_VIEW
        and request.method == "POST"
        and request.headers.get("Sec-Fetch-Dest") == "empty"
        and response.status_code == 200
        and not response.streaming
        and SAVED_REPLY in response.content
    )


class InlineSaveConfirmationMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_inline_save(request, response):
            messages.success(request, _("Saved in the draft."))
        return response
