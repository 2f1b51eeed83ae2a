"""Review r109 of h123: the international prefix of Australia, 0011, read as 00 followed by a country code 11.

The contract of r103/r107 (tests/programmes/test_trunk_zero.py, test_trunk_zero_unbracketed.py): a number a person
keeps in their crisis plan is refused plainly at the save, or linked without the trunk zero; never a link with a 0
right after the country code. ``dialled`` reads "+", "00" and "011" as international prefixes; "0011" (dialled from
Australia) is matched as "00" + "11…", the numbering plan finds no country 11, and the number is linked as written,
trunk zero and all."""

from __future__ import annotations

import pytest

from reverie.programmes.safety import phone_problem, sms_href, tel_href

# Numbers an Australian writes for family abroad, with the trunk zero as it is commonly written: in brackets.
WRITTEN = (
    "0011 44 (0)20 7946 0000",  # London
    "0011 353 (0)87 123 4567",  # an Irish mobile
    "0011 91 (0)11 2345 6789",  # Delhi
    "0011 49 (0)30 123456",  # Berlin
    "0011 33 (0)6 12 34 56 78",  # a French mobile
)
DIALLED = ("0011442079460000", "0011353871234567", "0011911123456789", "00114930123456", "001133612345678")


@pytest.mark.parametrize(("written", "dialled"), list(zip(WRITTEN, DIALLED, strict=True)))
def test_a_bracketed_trunk_zero_after_0011_never_reaches_the_link(written: str, dialled: str) -> None:
    """A person in Australia keeps their brother's London number as "0011 44 (0)20 7946 0000" in their crisis
    plan; it is saved without a word, and in a crisis they tap "Call": the phone dials 0011 44 0 20 7946 0000,
    which does not connect (the same number written "+44 (0)20 …", "0044 (0)20 …" or "011 44 (0)20 …" is linked
    without the 0). They should get a plain refusal at the save, or a link dialling 0011 44 20 7946 0000."""
    if phone_problem(written) is not None:
        return  # refused plainly at the save: the contract holds
    assert tel_href(written) == "tel:" + dialled
    assert sms_href(written) == "sms:" + dialled
