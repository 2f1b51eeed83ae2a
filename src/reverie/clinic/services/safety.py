"""Crisis lines (shipped list, editable by a user file) for the safety page reachable from every page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from django.conf import settings


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


def crisis_lines() -> list[CountryLines]:
    """Every country's lines, the crisis lines of the person's likely countries first."""
    from reverie.programmes.safety import load_crisis_lines

    override = Path(settings.REVERIE.data_dir) / "crisis_lines.json"
    directory = load_crisis_lines(override if override.exists() else None)
    return [
        CountryLines(code, tuple(Line(line.name, line.instruction, line.links) for line in lines))
        for code, lines in directory.countries.items()
    ]
