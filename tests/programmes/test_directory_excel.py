"""Directory CSV files as Excel saves them: semicolons (European Excel), ANSI (cp1252), UTF-16 "Unicode Text"
(tab separated), blank trailing rows; and messages that say how to fix a file."""

from __future__ import annotations

import pytest

from reverie.errors import InvalidInput
from reverie.programmes.directory import COLUMNS, Modality, parse_directory_csv

ROW = [
    "t1",
    "Dr Zoë Müller",
    "psychoanalytic;DIT",
    "dit",
    "de;en",
    "yes",
    "yes",
    "München",
    "DE",
    "80",
    "120",
    "EUR",
    "open",
]


def _lines(sep: str, row: list[str]) -> str:
    cells = [f'"{c}"' if sep in c else c for c in row]
    return sep.join(COLUMNS) + "\r\n" + sep.join(cells) + "\r\n"


def test_european_excel_semicolons_in_ansi_with_blank_trailing_rows() -> None:
    text = _lines(";", ROW) + ";" * 12 + "\r\n" + ";" * 12 + "\r\n"
    (profile,) = parse_directory_csv(text.encode("cp1252"))
    assert profile.name == "Dr Zoë Müller" and profile.location == "München"
    assert profile.modalities == (Modality.PSYCHOANALYTIC, Modality.DIT)


def test_utf16_unicode_text_with_tabs() -> None:
    data = _lines("\t", ROW).encode("utf-16")
    (profile,) = parse_directory_csv(data)
    assert profile.name == "Dr Zoë Müller" and profile.languages == ("de", "en")


def test_utf8_with_bom_commas_and_comma_lists_in_a_semicolon_file() -> None:
    row = [*ROW]
    row[2] = "psychoanalytic, DIT"
    (profile,) = parse_directory_csv(_lines(";", row).encode("utf-8-sig"))
    assert profile.modalities == (Modality.PSYCHOANALYTIC, Modality.DIT)


def test_messages_say_how_to_fix_the_file() -> None:
    with pytest.raises(InvalidInput, match="first line must name the columns"):
        parse_directory_csv(b"id;name\r\nt1;x\r\n")
    with pytest.raises(InvalidInput, match="double quotes"):
        parse_directory_csv((_lines(",", ROW).rstrip() + ",surplus\r\n").encode())
    with pytest.raises(InvalidInput, match="CSV UTF-8"):
        parse_directory_csv(_lines(",", ROW).encode().replace(b"Z", b"\x81"))
