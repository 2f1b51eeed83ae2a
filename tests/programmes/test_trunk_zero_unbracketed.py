"""Review r107 of h119: number forms a person types in a crisis plan that are kept (no refusal at the save) and
become ``tel:``/``sms:`` links with a 0 right after the country code, which no network connects. The contract of
r103 (tests/programmes/test_trunk_zero.py): a number may be refused plainly at the save, or linked without the
trunk zero; never a link with a 0 right after the country code."""

from __future__ import annotations

import pytest

from reverie.programmes.safety import phone_problem, sms_href, tel_href

# The trunk zero written without brackets after the country code (a very common way to write a number one has
# from inside the country), and the North American international prefix 011 in place of the + or 00.
WRITTEN = (
    "+44 020 7946 0000",
    "+44 07700 900123",
    "0044 020 7946 0000",
    "+353 01 234 5678",
    "011 44 (0)20 7946 0000",
)
DIALLED = ("+442079460000", "+447700900123", "00442079460000", "+35312345678", "011442079460000")


@pytest.mark.parametrize(("written", "dialled"), list(zip(WRITTEN, DIALLED, strict=True)))
def test_a_trunk_zero_without_brackets_or_after_011_never_reaches_the_link(
    written: str, dialled: str
) -> None:
    """A person keeps their sister's number as "+44 020 7946 0000" (or, in Canada, "011 44 (0)20 7946 0000") in
    their crisis plan; the plan is saved without a word, and in a crisis they tap "Call": the phone dials
    +44 0 20 7946 0000, which does not connect. They should get a plain refusal at the save, or a link that leaves
    the trunk zero out (tel:+442079460000)."""
    if phone_problem(written) is not None:
        return  # refused plainly at the save: never a link
    assert tel_href(written) == f"tel:{dialled}"
    assert sms_href(written) == f"sms:{dialled}"


@pytest.mark.parametrize(
    ("written", "dialled"),
    [
        ("0117 496 0000", "01174960000"),  # Bristol: "+7 4960000" is a possible number, not a valid one
        ("0118 496 0000", "01184960000"),  # Reading
        (
            "011 2708 3885",
            "01127083885",
        ),  # Delhi: read after 011, "+27 (0)83885" would be a South African number
        ("011 4908 9675", "01149089675"),  # Delhi: and "+49 (0)89675" a German one
        ("011 6721 5248", "01167215248"),  # Delhi: and "+672 1 5248" one of Norfolk Island ("+672 3 15248")
        ("+999 123 4567", "+9991234567"),  # no such country code: dialled as written
        ("+44 12", "+4412"),  # not a possible number: dialled as written, never refused
    ],
)
def test_a_number_that_only_looks_international_is_dialled_as_written(written: str, dialled: str) -> None:
    """011 is the international prefix of the US and Canada, and also how numbers of Leeds, Bristol, Delhi or
    Sapporo begin; such a number, and one the numbering plans do not know, is kept and linked as written."""
    from reverie.programmes.safety import dialled as dialled_form

    assert phone_problem(written) is None
    assert dialled_form(written) == dialled and tel_href(written) == f"tel:{dialled}"
