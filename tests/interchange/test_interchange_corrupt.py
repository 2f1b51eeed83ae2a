"""Corrupt or unknown input: InvalidInput naming the entry and field, never quoting the text."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from reverie.errors import InvalidInput
from reverie.journal.interchange import dump_reverie_json, load

CANARY = "canary-5d1c private words"


@pytest.fixture
def document(journal: Any) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(dump_reverie_json(journal))
    loaded["entries"][0]["body"] = CANARY
    return loaded


def _load(document: dict[str, Any]) -> None:
    load(json.dumps(document, ensure_ascii=False).encode("utf-8"))


def _refused(document: dict[str, Any], pattern: str) -> InvalidInput:
    with pytest.raises(InvalidInput, match=pattern) as caught:
        _load(document)
    assert CANARY not in str(caught.value)
    assert caught.value.code == "E100"
    return caught.value


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not valid JSON"),
        (b"{not json", r"not valid JSON \(line 1, column 2\)"),
        (b'{"body": "\xff\xfe canary"}', r"not valid UTF-8 \(at byte 10\)"),
        (b"[1, 2, 3]", "the file is not a JSON object"),
        (b'{"hello": "world"}', "not a Reverie, jrnl or Day One"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply|not a JSON object"),
    ],
)
def test_interchange_corrupt_file_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message) as caught:
        load(data)
    assert "canary" not in str(caught.value)


def test_interchange_utf8_bom_is_accepted(journal: Any) -> None:
    assert load(b"\xef\xbb\xbf" + dump_reverie_json(journal)) == journal


def test_interchange_newer_export_version_is_refused(document: dict[str, Any]) -> None:
    document["schema"] = "reverie.export/11"
    _refused(document, "export version 11 is newer than this Reverie")


@pytest.mark.parametrize(
    "schema",
    [
        "reverie.export/0",
        "reverie.export/one",
        "something/1",
        5,
        "reverie.export",
        "reverie.export/",
        "reverie.export/ 3",
        "reverie.export/+3",
        "reverie.export/٣",  # another script's 3: int() reads it, a version number is ASCII digits only
        "reverie.export/3/1",
        "reverie.export/1000000000",
    ],
)
def test_interchange_unknown_schema_is_refused(document: dict[str, Any], schema: object) -> None:
    document["schema"] = schema
    _refused(document, "schema|export version 0")


def test_interchange_a_long_export_version_is_newer_not_unknown(document: dict[str, Any]) -> None:
    document["schema"] = "reverie.export/0000009"  # up to nine digits, as every version number
    assert load(json.dumps(document).encode("utf-8")).entries
    document["schema"] = "reverie.export/12345678"
    _refused(document, "export version 12345678 is newer than this Reverie")


Mutation = Callable[[dict[str, Any]], None]


def _set(path: tuple[Any, ...], value: Any) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _delete(path: tuple[Any, ...]) -> Mutation:
    def mutate(document: dict[str, Any]) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            _set(("entries", 1, "happened_at"), "2024-13-01T00:00:00+00:00"),
            r"entries\[1\]\.happened_at is not an ISO",
        ),
        (
            _set(("entries", 1, "written_at"), "2024-05-02T21:15:00"),
            r"entries\[1\]\.written_at has no time zone",
        ),
        (_set(("entries", 0, "body"), 42), r"entries\[0\]\.body is not text"),
        (_delete(("entries", 1, "body")), r"entries\[1\]\.body is missing"),
        (_set(("entries", 0, "kind"), "nightmare " + CANARY), r"entries\[0\]: kind must be one of"),
        (
            _set(("entries", 0, "feelings", 1, "intensity"), 6),
            r"entries\[0\]\.feelings\[1\]: feeling intensity",
        ),
        (
            _set(("entries", 0, "feelings", 1, "intensity"), 2.5),
            r"entries\[0\]\.feelings\[1\]\.intensity is not a whole",
        ),
        (
            _set(("entries", 0, "attachments", 0, "data"), "not base64!"),
            r"entries\[0\]\.attachments\[0\]\.data is not valid base64",
        ),
        (
            _set(("entries", 0, "attachments", 0, "data"), "iVBORw0KGgo"),
            r"attachments\[0\]\.data is not valid base64",
        ),
        (_set(("entries", 0, "shared"), "yes"), r"entries\[0\]\.shared is not true or false"),
        (_set(("entries", 0, "people"), "mother"), r"entries\[0\]\.people is not a list"),
        (_set(("entries", 0, "tags"), ["ok", None]), r"entries\[0\]\.tags\[1\] is not text"),
        (_set(("entries", 0, "surprise"), 1), r"entries\[0\] has unknown fields: surprise"),
        (_set(("entries", 0, CANARY), 1), r"unknown fields: \(unusual name\)"),
        (_set(("entries", 1, "extra", "mood"), "x"), r"entries\[1\]: extra may hold only"),
        (_set(("entries", 1, "id"), "entry-1"), r"entries\[1\] repeats the id of entries\[0\]"),
        (_set(("entries", 0, "body"), "x" * 1_000_001), r"entries\[0\]: body has 1,000,001 characters"),
        (_set(("entries", 0, "revisions", 0, "body"), "x" * 1_000_001), r"revisions\[0\]: revision body has"),
        (_set(("entries",), {"0": {}}), r"entries is not a list"),
        (_set(("entries", 0), "entry"), r"entries\[0\] is not a JSON object"),
        (_delete(("exported_at",)), r"exported_at is missing"),
    ],
)
def test_interchange_corrupt_entry_names_index_and_field(
    document: dict[str, Any], mutate: Mutation, message: str
) -> None:
    mutate(document)
    _refused(document, message)


def test_interchange_lone_surrogate_in_text_is_refused(document: dict[str, Any]) -> None:
    data = json.dumps(document).replace(json.dumps(CANARY), '"broken \\ud800 half"').encode()
    with pytest.raises(InvalidInput, match=r"entries\[0\]\.body is not valid Unicode"):
        load(data)
