"""Countries as a person reads them: a two-letter code ("GB", "uk") as one country and as its plain name.

The crisis lines (programmes.safety), the therapist directory (programmes.directory) and every page that names a
country use these two functions, so "UK" and "GB" are one country everywhere and a name reads the same on each page.
"""

from __future__ import annotations

ALIASES = {"UK": "GB"}
# What a person reads: the country's plain name, never its code (codes stay in the data).
COUNTRY_NAMES = {
    "US": "United States",
    "CA": "Canada",
    "GB": "United Kingdom",
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
