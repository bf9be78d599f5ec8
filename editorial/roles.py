"""Staff roles: each group gets exactly these permissions (app_label.codename), nothing more.

`manage.py setup_roles` (also run by seed_site) applies them; running it again resets any
permission someone added or removed by hand.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

CONTENT_EDITOR = "Content editor"
CLINICAL_REVIEWER = "Clinical reviewer"
CARE_COORDINATOR = "Care coordinator"


def _crud(app_label, *models, actions=("add", "change", "delete", "view")):
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


ROLES = {
    # Edit, preview and publish pages, their plugins, shared content, images, the glossary and
    # the list of sources.
    CONTENT_EDITOR: [
        *_crud("cms", "page"),
        "cms.publish_page",
        "cms.use_structure",
        *_crud("djangocms_text", "text"),
        *_crud(
            "conditions",
            "callout",
            "treatmentoption",
            "keyfigure",
            "treatmentcomparison",
            "decisionaid",
            "callcareteam",
            "figure",
        ),
        *_crud("cms", "cmsplugin"),  # plugins without fields of their own (glossary, spasm diary)
        *_crud("references", "glossaryterm", "source", "sourcelist"),
        *_crud("editorial", "pagereview", actions=("add", "change", "view")),
        "editorial.view_contenthealth",
        *_crud("djangocms_alias", "alias", "aliascontent", "aliasplugin"),
        "djangocms_alias.view_category",
        *_crud("djangocms_versioning", "pagecontentversion", "aliascontentversion", actions=("change", "view")),
        # Take over a colleague's locked draft (when they are away): their saved work stays in
        # the draft, they are e-mailed, and whoever opens it next holds it (editorial/version_locks.py).
        "djangocms_versioning.delete_versionlock",
        *_crud("filer", "file", "folder", "image", "clipboard", "clipboarditem"),
        "filer.can_use_directory_listing",
        *_crud("coordinators", "carecoordinator", "openinghours"),
        *_crud("feedback", "pagefeedback", actions=("change", "view")),
    ],
    # Record clinical reviews and confirm sources, and see what needs reviewing. Nothing else:
    # no page or plugin changes, no publishing (the review admin checks this permission, not
    # cms.change_page).
    CLINICAL_REVIEWER: [
        "cms.view_page",
        *_crud("editorial", "pagereview", actions=("add", "change", "view")),
        "editorial.view_contenthealth",
        *_crud("references", "source", actions=("change", "view")),
        "feedback.view_pagefeedback",
    ],
    # Triage callback requests and manage referral links. No page editing, no users.
    CARE_COORDINATOR: [
        "coordinators.view_callbackrequest",
        "coordinators.change_callbackrequest",
        "coordinators.add_callbacknote",  # notes are only ever added (the history is kept)
        "coordinators.view_callbacknote",
        "coordinators.view_carecoordinator",
        *_crud("referrals", "referrallink", actions=("add", "change", "view")),
        "referrals.view_referralvisit",
    ],
}


def ensure_roles() -> dict[str, int]:
    """Make each group's permissions exactly those listed, and return how many each has."""
    result = {}
    for name, codes in ROLES.items():
        query = Q()
        for code in codes:
            app_label, codename = code.split(".")
            query |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(query).select_related("content_type"))
        missing = set(codes) - {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
        if missing:
            raise LookupError(f"Permissions not found (run migrate first): {sorted(missing)}")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)
        result[name] = len(permissions)
    return result
