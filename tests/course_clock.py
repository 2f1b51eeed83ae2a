"""A fixed calendar for the course tests (a module of its own: test modules import it by a unique name)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
START = datetime(2026, 1, 5, 10, 0)  # a Monday


def at(day: int, month: int = 1, year: int = 2026, hour: int = 9) -> datetime:
    """A moment in London time, to place "now" in the course."""
    return datetime(year, month, day, hour, 0, tzinfo=LONDON)
