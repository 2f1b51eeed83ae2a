"""reverie.versions: the one reading of a version number written as text (forms, If-Match, record ids, schemas)."""

from __future__ import annotations

import pytest

from reverie.errors import InvalidInput
from reverie.versions import NOT_A_VERSION, version_number


@pytest.mark.parametrize(("text", "number"), [("0", 0), ("7", 7), ("007", 7), ("999999999", 999_999_999)])
def test_version_number_reads_ascii_digits(text: str, number: int) -> None:
    assert version_number(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "",
        " 3",
        "3 ",
        "+3",
        "-3",
        "3.0",
        "1e3",
        "0x3",
        "٣",
        "³",
        "3\u200b",
        "1000000000",
        "99999999999999999999",
    ],
)
def test_version_number_refuses_anything_but_one_to_nine_ascii_digits(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        version_number(text)
    assert caught.value.message == NOT_A_VERSION and caught.value.code == "E100"


def test_version_number_keeps_its_floor_and_says_the_callers_sentence() -> None:
    assert version_number("1", least=1) == 1
    with pytest.raises(InvalidInput) as caught:
        version_number("0", least=1, message="The form is damaged.")
    assert caught.value.message == "The form is damaged."
