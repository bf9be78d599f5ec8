"""Who may read a page version through the CMS's preview, structure and edit endpoints.

django CMS serves those endpoints (admin/cms/placeholder/object/<type>/<preview|structure|edit>/<id>/)
to any signed-in staff member: for page versions it checks only whether the *public* page may be
seen, so a Care coordinator could read unpublished drafts. The site's admin wraps these views
(SiteAdmin.admin_view) with `require_page_access`, which lets through only staff who may change
pages (cms.change_page, page by page when CMS_PERMISSION is on) or view them (cms.view_page, the
Clinical reviewer). Everyone else gets the site's 403 page. Other objects (aliases) keep the CMS's
own check, which already asks for the model's view or change permission.
"""

from functools import wraps

from cms import views as cms_views
from cms.models import PageContent
from cms.utils.page_permissions import user_can_change_page
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404

LARGEST_ID = 2**63 - 1  # the URLs take any run of digits; the database does not

PAGE_ENDPOINTS = (cms_views.render_object_preview, cms_views.render_object_structure, cms_views.render_object_edit)


def can_read_page_versions(user, page):
    return user.has_perm("cms.view_page") or user_can_change_page(user, page)


def _page_content(content_type_id, object_id):
    """The page version the URL names, or None (the CMS view then answers 404 itself)."""
    if int(content_type_id) > LARGEST_ID or int(object_id) > LARGEST_ID:
        raise Http404
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
    except ContentType.DoesNotExist:
        return None
    if model is None or not issubclass(model, PageContent):
        return None
    return PageContent.admin_manager.select_related("page").filter(pk=int(object_id)).first()


def require_page_access(view):
    @wraps(view)
    def guarded(request, content_type_id, object_id, *args, **kwargs):
        content = _page_content(content_type_id, object_id)
        if content is not None and not can_read_page_versions(request.user, content.page):
            raise PermissionDenied
        return view(request, content_type_id, object_id, *args, **kwargs)

    return guarded
