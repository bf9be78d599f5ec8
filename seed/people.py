"""The people the seed makes: the account seeded versions are recorded under, and the first
care coordinator (created only when missing: staff keep coordinators up to date in the admin;
on a site seeded before coordinators had Spanish fields, those are filled in where still empty
and the English beside them is still the seed's)."""

import datetime

from cms.models import Page
from django.contrib.auth import get_user_model

from coordinators.models import TRANSLATED_FIELDS, CareCoordinator

SEED_USERNAME = "site-seed"


def seed_user():
    """The author recorded on seeded versions: an account nobody can sign in with."""
    user, created = get_user_model().objects.get_or_create(
        username=SEED_USERNAME, defaults={"is_active": False, "first_name": "Site", "last_name": "seed"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def ensure_coordinator(spec, site) -> bool:
    existing = CareCoordinator.objects.filter(email=spec["email"]).first()
    if existing:
        _fill_missing_translations(existing, spec)
        return False
    fields = {key: value for key, value in spec.items() if key not in ("hours", "guides")}
    coordinator = CareCoordinator.objects.create(**fields)
    for slot in spec.get("hours", []):
        for day in slot["days"]:
            coordinator.opening_hours.create(
                weekday=day,
                opens=datetime.time.fromisoformat(slot["opens"]),
                closes=datetime.time.fromisoformat(slot["closes"]),
            )
    coordinator.guides.set(Page.objects.filter(reverse_id__in=spec.get("guides", []), site=site))
    return True


def _fill_missing_translations(coordinator, spec):
    """Give an existing coordinator the seed's Spanish text for any field whose Spanish is empty
    and whose English staff have not changed; anything staff wrote is left alone."""
    changed = []
    for field in TRANSLATED_FIELDS:
        spanish = f"{field}_es"
        if spec.get(spanish) and not getattr(coordinator, spanish) and getattr(coordinator, field) == spec.get(field):
            setattr(coordinator, spanish, spec[spanish])
            changed.append(spanish)
    if changed:
        coordinator.save(update_fields=changed)
