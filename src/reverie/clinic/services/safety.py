"""Crisis lines (shipped list, editable by a user file) for the safety page reachable from every page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True, slots=True)
class CountryLines:
    country: str
    lines: tuple[tuple[str, str], ...]  # (name, instruction)


def crisis_lines() -> list[CountryLines]:
    """Every country's lines, the crisis lines of the person's likely countries first."""
    from reverie.programmes.safety import load_crisis_lines

    override = Path(settings.REVERIE.data_dir) / "crisis_lines.json"
    directory = load_crisis_lines(override if override.exists() else None)
    return [
        CountryLines(code, tuple((line.name, line.instruction) for line in lines))
        for code, lines in directory.countries.items()
    ]
