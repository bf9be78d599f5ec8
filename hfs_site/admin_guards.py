"""Checks every admin view gets before it runs (SiteAdmin.admin_view), so bad input is a 400 or
404 rather than a 500 in an admin we do not own (django CMS, djangocms-alias, django-filer, parler).

- An object id in the address that the model's primary key cannot hold (`abc`, a number too large
  for the database) is a 404, as Django's own admin treats an id that names nothing.
- `?language=` must be one of the site's languages (parler's forms raise on any other): else 400.
- django CMS's page list fails on the admin's own error flag (`?e=1`, which Django's changelist
  adds after bad filter parameters): there it is a 400.
- The CMS's page preview, structure and edit endpoints need page permissions (page_access).
- Moving a published page to a new address in the page tree first asks for confirmation, and
  deleting a page first warns what points to it (page_addresses.moves, page_addresses.deletes).
"""

from functools import wraps

from cms.models import Page, PageContent
from django.conf import settings
from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ERROR_FLAG
from django.core.exceptions import BadRequest, ValidationError
from django.http import Http404

from page_addresses.deletes import warn_before_deleting
from page_addresses.moves import ask_before_moving

from .page_access import LARGEST_ID, PAGE_ENDPOINTS, require_page_access


def _model_admin(view):
    owner = getattr(view, "__self__", None)
    return owner if isinstance(owner, ModelAdmin) else None


def _check_object_id(model_admin, object_id):
    try:
        value = model_admin.model._meta.pk.to_python(unquote(object_id))
    except (ValidationError, ValueError, TypeError):
        raise Http404("No such object") from None
    if isinstance(value, int) and not -LARGEST_ID <= value <= LARGEST_ID:
        raise Http404("No such object")


def _check_language(request):
    language = request.GET.get("language")
    if language is not None and language not in dict(settings.LANGUAGES):
        raise BadRequest("Unknown language")


def guard(view):
    """The view, wrapped with the checks above."""
    if view in PAGE_ENDPOINTS:
        view = require_page_access(view)
    model_admin = _model_admin(view)
    page_list = model_admin is not None and model_admin.model is PageContent and view.__name__ == "changelist_view"
    if model_admin is not None and model_admin.model is Page and view.__name__ == "move_page":
        view = ask_before_moving(view, model_admin)
    if model_admin is not None and model_admin.model is Page and view.__name__ == "delete_view":
        view = warn_before_deleting(view)

    @wraps(view)
    def checked(request, *args, **kwargs):
        _check_language(request)
        if model_admin is not None and "object_id" in kwargs:
            _check_object_id(model_admin, kwargs["object_id"])
        if page_list and ERROR_FLAG in request.GET:
            raise BadRequest("Bad filter parameters for the page list")
        return view(request, *args, **kwargs)

    return checked
