"""h154: a time zone's country (the time zone database's ``zone.tab``, old names through ``tzdata.zi``'s links) and
the crisis-line directory's one order: the likely countries' entries first, then the file's, none left out."""

from __future__ import annotations

from importlib import resources

import pytest

from reverie.programmes import countries
from reverie.programmes.countries import zone_country
from reverie.programmes.safety import load_crisis_lines


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/London", "GB"),
        ("Europe/Dublin", "IE"),
        ("America/Toronto", "CA"),
        ("America/Los_Angeles", "US"),
        ("Australia/Sydney", "AU"),
        ("Pacific/Auckland", "NZ"),
        ("Europe/Madrid", "ES"),
        ("Europe/Belfast", "GB"),  # an old name, a link to Europe/London
        ("US/Eastern", "US"),  # a link to America/New_York
        (" Europe/London ", "GB"),
    ],
)
def test_a_zone_reads_as_the_country_it_lies_in(zone: str, country: str) -> None:
    assert zone_country(zone) == country


@pytest.mark.parametrize("zone", ["UTC", "Etc/GMT+5", "Etc/UTC", "Nowhere/Atlantis", "", None])
def test_a_zone_of_no_country_reads_as_none(zone: str | None) -> None:
    assert zone_country(zone) is None


def test_the_tzdata_packages_table_reads_as_the_systems() -> None:
    """Where the system has no zone files, the tzdata package's (installed with Reverie) gives the same countries."""
    package = resources.files("tzdata").joinpath("zoneinfo")
    table = countries._countries_of(package.joinpath("zone.tab").read_text("utf-8"))
    links = countries._links_of(package.joinpath("tzdata.zi").read_text("utf-8"))
    assert table["Europe/London"] == "GB" and table["America/Toronto"] == "CA"
    assert links["Europe/Belfast"] == "Europe/London"


def test_the_directory_lists_the_likely_countries_first_and_leaves_none_out() -> None:
    lines = load_crisis_lines()
    fixed = tuple(lines.countries)
    assert lines.ordered() == fixed  # no person: the file's order
    assert lines.ordered(["GB"]) == ("GB", *(c for c in fixed if c != "GB"))
    # an EU member without its own list is listed under EU; "uk" is GB; a country with no lines is skipped
    assert lines.ordered(["es", None, "JP", "uk"])[:2] == ("EU", "GB")
    assert sorted(lines.ordered(["es", "uk", "GB"])) == sorted(fixed)
    assert lines.listed_as("ES") == "EU" and lines.listed_as("DE") == "DE" and lines.listed_as("JP") is None
    assert lines.listed_as(None) is None
