"""Times the CLI prints and reads, in the person's own time zone (``User.time_zone``, the one the web uses), with
the zone named; storage stays UTC. ``reverie user time-zone`` shows or changes it."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import typer

from reverie.errors import InvalidInput


def zone_for(actor: Any) -> ZoneInfo:
    """The person's zone (UTC when none is set or the name is unknown to this install)."""
    from reverie.clinic.services.local_time import zone_of

    return zone_of(actor)


def zone_label(zone: tzinfo) -> str:
    return getattr(zone, "key", None) or str(zone)


def clock(moment: datetime, zone: tzinfo) -> str:
    """``2026-03-10 00:30`` in ``zone`` (the zone named once, in a heading or by :func:`stamp`)."""
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"


def stamp(moment: datetime, zone: tzinfo) -> str:
    """``2026-03-10 00:30 CET (Europe/Berlin)``: the local time with its zone named."""
    local = moment.astimezone(zone)
    short = local.tzname() or ""
    name = zone_label(zone)
    return (
        f"{local:%Y-%m-%d %H:%M} {short} ({name})"
        if short and short != name
        else f"{local:%Y-%m-%d %H:%M} {name}"
    )


def iso(moment: datetime, zone: tzinfo) -> str:
    """ISO 8601 in the person's zone, offset included (the same instant as the stored UTC one)."""
    return moment.astimezone(zone).isoformat()


def read(raw: str, zone: tzinfo) -> datetime:
    """An ISO 8601 date or time typed by the person: with an offset as given, without one in their own zone (as the
    web form reads it: an hour that occurs twice is the first one; one the clocks skipped is refused)."""
    from reverie.clinic.services.local_time import wall_clock

    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput("Give the date as ISO 8601, e.g. 2026-03-14T07:30 or 2026-03-14.") from None
    return wall_clock(value, zone)


def time_zone(
    zone: Annotated[
        str | None, typer.Argument(help="A time zone name, e.g. Europe/Berlin. Leave out to see yours.")
    ] = None,
    user: Annotated[
        str | None, typer.Option("--user", "-u", help="Your user name (or REVERIE_USER).")
    ] = None,
) -> None:
    """Show or set your time zone: the web and the command line show times in it, and read the times you type in
    it."""
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import local_time

    actor = sign_in(user)
    if zone is None:
        typer.echo(f"Your time zone: {local_time.zone_name(actor)}")
        return
    typer.echo(f"Your time zone is now {local_time.set_time_zone(actor, zone)}.")
