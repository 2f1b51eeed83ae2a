"""Each person's time zone: pages, forms, schedules and the caseload use it; storage stays in UTC."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from reverie.clinic.models import User
from reverie.clinic.services import audit
from reverie.errors import InvalidInput

DEFAULT = "UTC"


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


def choices() -> list[str]:
    """Every zone name this install knows, sorted, for the settings page."""
    return sorted(z for z in available_timezones() if "/" in z or z == "UTC")


def set_time_zone(user: User, name: str) -> str:
    zone = known_zone(name)
    if zone is None:
        raise InvalidInput("Unknown time zone: choose one from the list, such as Europe/Berlin or UTC.")
    if user.time_zone != zone:
        user.time_zone = zone
        user.save(update_fields=["time_zone"])
        audit.record(user, "user.time_zone", "user", user.pk, subject=user)
    return zone
