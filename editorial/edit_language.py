"""Drafts are edited and previewed in their own language.

The CMS opens a version for editing or preview at an admin address (`/admin/cms/placeholder/
object/<type>/edit/<id>/?language=es`). The admin sits outside `i18n_patterns`, so Django's
LocaleMiddleware leaves English active there; but the CMS renders a page's placeholders in the
active language, and the site's templates (the `lang` attribute, header, contents list, footer,
the cached fragments keyed by language) follow it too. A Spanish draft then showed an empty
body inside an English page. `cms.toolbar.utils.get_object_edit_url` puts the object's language
in `?language=`, which the CMS's toolbar already reads (`cms.utils.get_language_from_request`);
this middleware makes that language the active one for those views only.
"""

from cms.utils import get_language_from_request
from django.utils import translation

# The CMS's views that render one object (a page version) as a page: their URL names.
OBJECT_VIEWS = {
    "cms_placeholder_render_object_edit",
    "cms_placeholder_render_object_preview",
    "cms_placeholder_render_object_structure",
}


class EditedObjectLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and match.url_name in OBJECT_VIEWS:
            language = get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return None
