"""Countries as a person reads them: a two-letter code ("GB", "uk") as one country and as its plain name.

The crisis lines (programmes.safety), the therapist directory (programmes.directory) and every page that names a
country use these two functions, so "UK" and "GB" are one country everywhere and a name reads the same on each page.
"""

from __future__ import annotations

import contextlib
import functools
import zoneinfo
from collections.abc import Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Protocol

ALIASES = {"UK": "GB"}
# What a person reads: the country's plain name, never its code (codes stay in the data).
COUNTRY_NAMES = {
    "US": "United States",
    "CA": "Canada",
    "GB": "United Kingdom",
    "JE": "Jersey",
    "GG": "Guernsey",
    "IM": "Isle of Man",
    "IE": "Ireland",
    "DE": "Germany",
    "FR": "France",
    "AU": "Australia",
    "NZ": "New Zealand",
    "EU": "European Union",
    "AT": "Austria",
    "BE": "Belgium",
    "CH": "Switzerland",
    "DK": "Denmark",
    "ES": "Spain",
    "FI": "Finland",
    "IN": "India",
    "IT": "Italy",
    "JP": "Japan",
    "MX": "Mexico",
    "NL": "Netherlands",
    "NO": "Norway",
    "PL": "Poland",
    "PT": "Portugal",
    "SE": "Sweden",
    "ZA": "South Africa",
}


def country_code(code: str) -> str:
    """A country code as one country: trimmed, upper case, the alias resolved ("uk", " UK ", "gb" → "GB"), so a
    listing saved with UK and one with GB are the same "United Kingdom" to a search and to the crisis lines."""
    upper = code.strip().upper()
    return ALIASES.get(upper, upper)


def country_name(code: str) -> str:
    """The plain name of a country ("GB", "uk" → "United Kingdom"); a code without a known name (an operator's own
    crisis-line file or a directory listing may hold any) reads "Country code XX" rather than a bare code."""
    key = country_code(code)
    return COUNTRY_NAMES.get(key, f"Country code {key}")


def zone_country(zone: str | None) -> str | None:
    """The country an IANA time zone lies in ("Europe/London" → "GB", "America/Toronto" → "CA"), as the time zone
    database's ``zone.tab`` says, a zone's old name read through its link ("Europe/Belfast", "US/Eastern"); None for
    a zone of no country ("UTC", "Etc/GMT+5"), an unknown name, or an install without the table. The person's likely
    country for their crisis lines (``care.services.safety.lines_for_person``), never a fact about them."""
    if not zone:
        return None
    countries, links = _zone_table()
    name = zone.strip()
    for _ in range(4):  # a link to a link is read through; the table holds no longer chain
        if name in countries:
            return countries[name]
        if name not in links:
            return None
        name = links[name]
    return None


class _Text(Protocol):
    def read_text(self, encoding: str | None = None) -> str: ...


@functools.cache
def _zone_table() -> tuple[Mapping[str, str], Mapping[str, str]]:
    """(zone → country code, old name → zone) from the first time zone database that has ``zone.tab``: the system's
    (``zoneinfo.TZPATH``, where Python reads its zones first), else the ``tzdata`` package's (installed with Reverie:
    icalendar needs it); its links from ``tzdata.zi`` beside it. Empty when neither is found."""
    folders: list[Path | Traversable] = [Path(folder) for folder in zoneinfo.TZPATH]
    with contextlib.suppress(ImportError):  # no tzdata package: the system's alone
        folders.append(resources.files("tzdata").joinpath("zoneinfo"))
    for folder in folders:
        table = _read(folder.joinpath("zone.tab"))
        if table is not None:
            return _countries_of(table), _links_of(_read(folder.joinpath("tzdata.zi")) or "")
    return {}, {}


def _read(file: _Text) -> str | None:
    try:
        return file.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _countries_of(table: str) -> dict[str, str]:
    """``zone.tab``'s rows: country code, coordinates, zone, comment; lines starting with # are comments."""
    out: dict[str, str] = {}
    for line in table.splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 3:
            continue
        out[fields[2].strip()] = country_code(fields[0])
    return out


def _links_of(zi: str) -> dict[str, str]:
    """``tzdata.zi``'s links: ``L TARGET NAME`` (the name is an old or other name of the target zone)."""
    out: dict[str, str] = {}
    for line in zi.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[0] == "L":
            out[fields[2]] = fields[1]
    return out
