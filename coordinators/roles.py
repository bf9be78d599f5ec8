"""Staff roles: each group gets exactly these permissions (app_label.codename), nothing more."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

CARE_COORDINATOR = "Care coordinator"

ROLES = {
    CARE_COORDINATOR: [
        "coordinators.view_callbackrequest",
        "coordinators.change_callbackrequest",
        "coordinators.view_carecoordinator",
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
        permissions = list(Permission.objects.filter(query))
        missing = set(codes) - {f"{p.content_type.app_label}.{p.codename}" for p in permissions}
        if missing:
            raise LookupError(f"Permissions not found (run migrate first): {sorted(missing)}")
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions)
        result[name] = len(permissions)
    return result
