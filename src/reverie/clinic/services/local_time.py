"""Each person's time zone: pages, forms, schedules and the caseload use it; storage stays in UTC.

A day belongs to the person: :func:`local_date` is the one way to ask which calendar day an instant falls on for
them (feelings calendar, dream series, insight quarters, report labels, goal evidence). :func:`wall_clock` reads a
local date and time the person typed: an hour that occurs twice (the night clocks go back) is its first occurrence,
the one before the change; an hour that never occurred (the night clocks go forward) is refused in plain words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.utils import timezone

from reverie.clinic.models import User
from reverie.clinic.services import audit
from reverie.errors import InvalidInput

DEFAULT = "UTC"
# The years a date a person gives may fall in (an entry's happened_at, a typed time): nothing Reverie keeps is older,
# and within them every zone's local time and its UTC instant stay inside Python's years 1-9999 (no overflow).
FIRST_YEAR, LAST_YEAR = 1900, 9998


def check_year(moment: datetime) -> None:
    """Refuse, in plain words, a date whose year (as given, local or aware) is outside FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise InvalidInput(f"A date must fall between the years {FIRST_YEAR} and {LAST_YEAR}.")


# The first and last instants that every zone (UTC-12 to UTC+14) reads as a local time inside FIRST_YEAR..LAST_YEAR.
EARLIEST = datetime(FIRST_YEAR, 1, 1, 12, tzinfo=UTC)
LATEST = datetime(LAST_YEAR, 12, 31, 9, 59, tzinfo=UTC)


def in_years(moment: datetime) -> bool:
    """Whether a stored instant (naive means UTC) lies within EARLIEST..LATEST, where every zone can read it."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return EARLIEST <= aware <= LATEST


def within_years(moment: datetime) -> datetime:
    """A stored instant as Reverie reads it: itself when :func:`in_years`, else the nearer of EARLIEST and LATEST.
    An entry saved before :func:`check_year` may hold year 1 or 9999, which some zones' local time cannot hold (a
    page, an export or a calendar would overflow); read through this, it lies in a year every zone can show, and the
    person can give its real date on edit."""
    if in_years(moment):
        return moment
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return EARLIEST if aware < EARLIEST else LATEST


def known_zone(name: str) -> str | None:
    """The IANA name if this install knows it, else None (never raises)."""
    name = (name or "").strip()
    if not name or len(name) > 64 or name.startswith("/") or ".." in name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def zone_name(user: object) -> str:
    name = getattr(user, "time_zone", "") or ""
    return known_zone(str(name)) or DEFAULT


def zone_of(user: object) -> ZoneInfo:
    return ZoneInfo(zone_name(user))


def zone_named(name: str) -> ZoneInfo:
    """A stored ``User.time_zone`` value as a zone (UTC when empty or unknown), as :func:`zone_of` reads it."""
    return ZoneInfo(known_zone(name) or DEFAULT)


def local_date(moment: datetime, user: object) -> date:
    """The calendar day ``moment`` (an instant; naive means UTC, as stored) falls on where ``user`` lives."""
    return day_in(moment, zone_of(user))


def day_in(moment: datetime, zone: tzinfo) -> date:
    """The calendar day ``moment`` falls on in ``zone`` (naive means UTC, as stored); read through
    :func:`within_years`, so an old row dated year 1 or 9999 gives the nearest day every zone can show."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return within_years(aware).astimezone(zone).date()  # year 1 or 9999 stored before check_year: no overflow


def shown(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """``moment`` (an instant; naive means UTC, as stored) as its reader reads it: in ``zone``, or else the zone
    active for this request (the signed-in person's own, ``web.local_time.LocalTimeMiddleware``). The one conversion
    of a time a person is shown that Python words itself (a page's sentence built in a view, a refusal): a template
    makes it for ``{{ value }}`` and ``|date``, but Django's ``date`` filter called in Python does not, and would word
    the UTC time (review r128). Read through :func:`within_years`, as :func:`day_in`."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return within_years(aware).astimezone(zone or timezone.get_current_timezone())


def today(user: object) -> date:
    """The person's own today."""
    return local_date(timezone.now(), user)


def wall_clock(naive: datetime, zone: tzinfo) -> datetime:
    """The instant a person means by a local date and time in ``zone``: in the hour that occurs twice when clocks go
    back, the first occurrence (before the change, ``fold=0``, as :meth:`datetime.replace` gives); a time skipped
    when clocks go forward raises InvalidInput naming the change. An aware ``naive`` is returned as it is. The
    instant is given in UTC, as it is stored: Python never finds a time of the repeated hour in ``zone`` equal to any
    instant in another zone, so a comparison with a stored time (a replayed form, an unchanged edit) would fail. A
    year outside FIRST_YEAR..LAST_YEAR is refused in plain words (:func:`check_year`)."""
    check_year(naive)  # first: year 1 or 9999 read in UTC would overflow
    if naive.tzinfo is not None:
        return naive
    first = naive.replace(tzinfo=zone, fold=0)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive:
        return first.astimezone(UTC)
    before, after = first.utcoffset(), naive.replace(tzinfo=zone, fold=1).utcoffset()
    assert before is not None and after is not None  # a ZoneInfo always has an offset
    change = (naive - after).replace(tzinfo=UTC)  # just before the change: walk to it, a minute at a time
    while change.astimezone(zone).utcoffset() != after and change < (naive - before).replace(tzinfo=UTC):
        change += timedelta(minutes=1)
    went = (change + before).replace(tzinfo=None)
    raise InvalidInput(
        f"Clocks went forward at {went:%H:%M} that night: {naive:%H:%M} did not exist. Give a time before "
        f"{went:%H:%M} or from {(change + after).replace(tzinfo=None):%H:%M}."
    )


def zone_label(zone: str) -> str:
    """A zone as a place people name: "America/Los_Angeles" reads "Los Angeles (America)", with the city first so
    that typing its first letters in the list finds it; "Etc/GMT+5" (a POSIX name, its sign turned round) reads
    "UTC−5 (fixed offset)". The stored value stays the IANA id."""
    parts = zone.replace("_", " ").split("/")
    if parts[0] == "Etc" and len(parts) == 2:
        name = parts[1]
        for base in ("GMT", "UTC"):
            if name.startswith(base) and name[len(base) :][:1] in ("+", "-"):
                hours = name[len(base) + 1 :]
                sign = "−" if name[len(base)] == "+" else "+"  # Etc/GMT+5 is five hours behind UTC
                return f"UTC{sign}{hours} (fixed offset)"
        return f"{name} (fixed offset)"
    if len(parts) == 1:
        return parts[0]
    return f"{parts[-1]} ({', '.join(parts[:-1])})"


def choices() -> list[tuple[str, str]]:
    """Every zone this install knows, for the settings page: (IANA id, place as read), UTC first, then by place."""
    zones = [z for z in available_timezones() if "/" in z or z == "UTC"]
    labelled = [(z, zone_label(z)) for z in zones]
    return sorted(labelled, key=lambda pair: (pair[0] != "UTC", pair[1].casefold(), pair[0]))


def set_time_zone(user: User, name: str) -> str:
    zone = known_zone(name)
    if zone is None:
        raise InvalidInput("Unknown time zone: choose one from the list, such as Europe/Berlin or UTC.")
    if user.time_zone != zone:
        user.time_zone = zone
        user.save(update_fields=["time_zone"])
        audit.record(user, "user.time_zone", "user", user.pk, subject=user)
    return zone
