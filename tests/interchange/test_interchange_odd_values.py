"""One odd value in an imported file leaves its entry out, named by field and never quoted; the import goes on (r53).

A Day One zip's journal ``.json`` files are read within the caller's bound, together."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from dayone_sample import _entry

from reverie.errors import InvalidInput
from reverie.journal.interchange import MediaLimits, load, load_report

GOOD = _entry("A" * 32, text="A short day.")


def _dayone(odd: str) -> bytes:
    bad = json.dumps(_entry("B" * 32, text="Another day."))[:-1] + ", " + odd + "}"
    return ('{"metadata": {"version": "1.0"}, "entries": [' + json.dumps(GOOD) + ", " + bad + "]}").encode()


@pytest.mark.parametrize(
    ("odd", "field"),
    [
        ('"weather": {"temperatureCelsius": NaN}', "entries[1].weather.temperatureCelsius"),
        ('"weather": {"temperatureCelsius": -1e400}', "entries[1].weather.temperatureCelsius"),
        (
            '"creationDate": "0001-01-01T00:00:00Z", "timeZone": "America/Los_Angeles"',
            "entries[1].creationDate",
        ),
    ],
)
def test_an_entry_with_an_odd_value_is_left_out_by_its_field_and_the_rest_read(odd: str, field: str) -> None:
    report = load_report(_dayone(odd))
    assert [entry.id for entry in report.journal.entries] == ["dayone-" + "A" * 32]
    assert report.problems == (f"{field} could not be read: left out.",)


def test_a_strict_load_refuses_an_odd_value_plainly() -> None:
    with pytest.raises(InvalidInput, match=r"entries\[1\]\.weather\.temperatureCelsius could not be read"):
        load(_dayone('"weather": {"temperatureCelsius": NaN}'))


def test_a_number_too_long_for_python_is_not_valid_json() -> None:
    with pytest.raises(InvalidInput, match="not valid JSON"):
        load(b'{"schema": "reverie.export/6", "n": ' + b"9" * 5000 + b"}")


def _zip(*journals: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, document in enumerate(journals):
            archive.writestr(f"Journal {number}.json", document)
    return out.getvalue()


def test_a_zips_journal_files_are_read_within_the_bound_together() -> None:
    one = json.dumps({"metadata": {"version": "1.0"}, "entries": [GOOD]}).encode() + b" " * 600
    assert len(load_report(_zip(one), media_limits=MediaLimits(journal=1000)).journal.entries) == 1
    with pytest.raises(InvalidInput, match="unpacks to more than 1,000 bytes"):
        load_report(_zip(one, one), media_limits=MediaLimits(journal=1000))  # each fits, both together do not
