"""programmes.countries: one reading of a country code and one name for it, for crisis lines, directory and pages."""

from __future__ import annotations

import pytest

from reverie.care.templatetags.words import country_words
from reverie.programmes.countries import country_code, country_name
from reverie.programmes.safety import load_crisis_lines


@pytest.mark.parametrize("code", ["GB", "gb", "UK", "uk", " Uk ", "GB\n"])
def test_uk_and_gb_in_any_case_are_one_country_with_one_name(code: str) -> None:
    assert country_code(code) == "GB"
    assert country_name(code) == "United Kingdom"
    assert country_words(code) == "United Kingdom"  # the directory listing's filter says the same


@pytest.mark.parametrize(
    ("code", "name"), [("XQ", "Country code XQ"), ("xq", "Country code XQ"), ("us", "United States")]
)
def test_an_unknown_code_reads_country_code_on_every_page(code: str, name: str) -> None:
    # the directory's filter said a bare "XQ" (and "xq") while its Country select said "Country code XQ"
    assert country_name(code) == name
    assert country_words(code) == name


def test_the_crisis_lines_read_a_code_as_the_directory_does() -> None:
    lines = load_crisis_lines()
    assert lines.lines_for(" uk ") == lines.lines_for("GB") != ()  # a padded code was no country before
