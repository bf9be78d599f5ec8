"""Opening hours: when a coordinator's line is open, and how to say so in words."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# Patient-friendly names for the time zones a US hospital is likely to use.
ZONE_NAMES = {
    "America/New_York": gettext_noop("Eastern Time"),
    "America/Chicago": gettext_noop("Central Time"),
    "America/Denver": gettext_noop("Mountain Time"),
    "America/Phoenix": gettext_noop("Mountain Time"),
    "America/Los_Angeles": gettext_noop("Pacific Time"),
    "America/Anchorage": gettext_noop("Alaska Time"),
    "Pacific/Honolulu": gettext_noop("Hawaii Time"),
}


def zone_name(time_zone: str) -> str:
    return _(ZONE_NAMES.get(time_zone, time_zone))


def time_text(value) -> str:
    """8:30 am, 4 pm."""
    return formats.time_format(value, "g:i a" if value.minute else "g a")


@dataclass(frozen=True)
class LineStatus:
    is_open: bool
    closes_at: datetime | None = None
    reopens_at: datetime | None = None


def line_status(opening_hours, time_zone: str, now: datetime | None = None) -> LineStatus:
    """Whether the line is open at `now`, and when it closes or next opens (in its own time zone)."""
    zone = ZoneInfo(time_zone)
    now = (now or timezone.now()).astimezone(zone)
    slots = sorted(opening_hours, key=lambda h: (h.weekday, h.opens))
    for day in range(8):
        date = (now + timedelta(days=day)).date()
        for slot in (s for s in slots if s.weekday == date.weekday()):
            opens = datetime.combine(date, slot.opens, tzinfo=zone)
            closes = datetime.combine(date, slot.closes, tzinfo=zone)
            if opens <= now < closes:
                return LineStatus(is_open=True, closes_at=closes)
            if now < opens:
                return LineStatus(is_open=False, reopens_at=opens)
    return LineStatus(is_open=False)


def describe_hours(opening_hours) -> list[str]:
    """Group days with the same hours: ["Monday to Friday, 8:30 am to 4:30 pm"]."""
    from .models import OpeningHours

    day_names = dict(OpeningHours.WEEKDAYS)
    by_hours: dict[tuple, list[int]] = {}
    for slot in sorted(opening_hours, key=lambda h: (h.weekday, h.opens)):
        by_hours.setdefault((slot.opens, slot.closes), []).append(slot.weekday)
    lines = []
    for (opens, closes), days in sorted(by_hours.items(), key=lambda item: item[1][0]):
        runs: list[list[int]] = []  # consecutive days: [[0, 4]] is Monday to Friday
        for day in days:
            if runs and day == runs[-1][1] + 1:
                runs[-1][1] = day
            else:
                runs.append([day, day])
        names = [
            str(day_names[a]) if a == b else _("%(first)s to %(last)s") % {"first": day_names[a], "last": day_names[b]}
            for a, b in runs
        ]
        lines.append(
            _("%(days)s, %(opens)s to %(closes)s")
            % {"days": ", ".join(names), "opens": time_text(opens), "closes": time_text(closes)}
        )
    return lines


def reopening_text(moment: datetime, now: datetime | None = None) -> str:
    """ "today at 8:30 am", "tomorrow at 8:30 am" or "Monday at 8:30 am"."""
    now = (now or timezone.now()).astimezone(moment.tzinfo)
    days = (moment.date() - now.date()).days
    if days == 0:
        day = _("today")
    elif days == 1:
        day = _("tomorrow")
    else:
        day = formats.date_format(moment, "l")
    return _("%(day)s at %(time)s") % {"day": day, "time": time_text(moment.time())}
