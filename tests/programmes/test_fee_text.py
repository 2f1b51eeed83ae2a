"""h47: fees read as money ("£80–£120"), not as a code after numbers ("80–120 GBP"), by one locale-free rule."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reverie.programmes.directory import fee_text


@pytest.mark.parametrize(
    ("low", "high", "currency", "words"),
    [
        ("80", "120", "GBP", "£80–£120"),
        ("80", "120", "EUR", "€80–€120"),
        ("80", "120", "USD", "$80–$120"),
        ("80", "120", "CAD", "CA$80–CA$120"),
        ("80", "120", "AUD", "A$80–A$120"),
        ("80", "120", "CHF", "80–120 CHF"),
        ("60", "60.00", "GBP", "£60"),  # one fee when the lowest and highest are the same
        ("45.5", "60", "gbp", "£45.50–£60"),
        ("8000", "8000", "JPY", "8000 JPY"),
    ],
)
def test_fee_text_writes_money_as_a_person_reads_it(low: str, high: str, currency: str, words: str) -> None:
    assert fee_text(Decimal(low), Decimal(high), currency) == words
