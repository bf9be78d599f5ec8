"""Which coordinators a page shows: the guide's own, or every active coordinator."""

from dataclasses import dataclass

from common.guide_tree import guide_root

from .hours import LineStatus, describe_hours, line_status, reopening_text, time_text, zone_name
from .models import CareCoordinator


@dataclass(frozen=True)
class CoordinatorContact:
    coordinator: CareCoordinator
    hours: list
    zone: str
    status: LineStatus
    reopens: str
    closes: str  # "4:30 p.m.": the time format ends with its own full stop


def coordinators_for(guide_page=None):
    active = CareCoordinator.objects.filter(is_active=True).prefetch_related("opening_hours", "guides")
    if guide_page is not None:
        named = [c for c in active if guide_page.pk in {p.pk for p in c.guides.all()}]
        if named:
            return named
    return list(active)


def page_coordinators(page, language):
    """The coordinators a page shows (contact section, "call the care team"): its guide's own."""
    return coordinators_for(guide_root(page, language) if page else None)


def contact_details(coordinators, now=None) -> list[CoordinatorContact]:
    details = []
    for coordinator in coordinators:
        slots = list(coordinator.opening_hours.all())
        status = line_status(slots, coordinator.time_zone, now)
        details.append(
            CoordinatorContact(
                coordinator=coordinator,
                hours=describe_hours(slots),
                zone=zone_name(coordinator.time_zone),
                status=status,
                reopens=reopening_text(status.reopens_at, now) if status.reopens_at else "",
                closes=time_text(status.closes_at.time()) if status.closes_at else "",
            )
        )
    return details
