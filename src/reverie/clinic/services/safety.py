"""Crisis lines (shipped list, editable by a user file) for the safety page reachable from every page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from django.conf import settings

if TYPE_CHECKING:
    from reverie.programmes.safety import CrisisDirectory


class Line(NamedTuple):
    """One crisis line for a page: its name, the plain instruction and (label, ``tel:``/``sms:`` href) links."""

    name: str
    instruction: str
    links: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class CountryLines:
    country: str
    lines: tuple[Line, ...]

    @property
    def name(self) -> str:
        """The country's plain name for a page ("United Kingdom"); ``country`` keeps the code for data."""
        from reverie.programmes.countries import country_name

        return country_name(self.country)


def crisis_lines(likely: Sequence[str | None] = ()) -> list[CountryLines]:
    """Every country's lines: those of the ``likely`` countries first, in the order given, then the rest in the
    crisis-line file's order (the packaged list's: the United States first). It knows nothing of a person: which
    countries are theirs is decided by one function, ``care.services.safety.lines_for_person`` (their safety plan's
    country, then their time zone's), and every page, the API, the report and the command line ask it."""
    return listed(directory(), likely)


def directory() -> CrisisDirectory:
    """The packaged crisis lines, with the user's file (``<data dir>/crisis_lines.json``) applied."""
    from reverie.programmes.safety import load_crisis_lines

    override = Path(settings.REVERIE.data_dir) / "crisis_lines.json"
    return load_crisis_lines(override if override.exists() else None)


def listed(lines: CrisisDirectory, likely: Sequence[str | None] = ()) -> list[CountryLines]:
    """``lines``' countries for a page, in :meth:`CrisisDirectory.ordered`'s order."""
    return [
        CountryLines(
            code, tuple(Line(line.name, line.instruction, line.links) for line in lines.countries[code])
        )
        for code in lines.ordered(likely)
    ]
