"""Export version 3: the person's "does this fit?" answers per entry and their "Are you safe?" check-ins."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.errors import InvalidInput
from reverie.journal.interchange import (
    PortableFit,
    PortableJournal,
    dump_markdown,
    dump_reverie_json,
    load,
    load_report,
)

CANARY = "canary-77f0 private words"
WHEN = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


@pytest.fixture
def document(journal_v3: PortableJournal) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(dump_reverie_json(journal_v3))
    loaded["entries"][0]["body"] = CANARY
    return loaded


def _bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def test_answers_round_trip_exactly(journal_v3: PortableJournal) -> None:
    assert load(dump_reverie_json(journal_v3)) == journal_v3
    assert [f.answer for f in load(dump_reverie_json(journal_v3)).entries[0].fit] == [
        "fits",
        "does_not_fit",
        "not_sure",
    ]


def test_answers_are_a_version_3_field_a_version_2_file_may_not_carry(document: dict[str, Any]) -> None:
    assert load(_bytes(document)).entries[0].fit  # version 3: read
    document["schema"] = "reverie.export/2"
    document.pop("record")
    with pytest.raises(InvalidInput, match=r"entries\[0\] has unknown fields: fit") as caught:
        load(_bytes(document))
    assert CANARY not in str(caught.value)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "answer",
            "maybe",
            r"entries\[0\]\.fit\[1\]: fit answer must be one of: fits, does_not_fit, not_sure",
        ),
        ("about", "feelings sadness", r"entries\[0\]\.fit\[1\]: fit about must be an observation key"),
        ("about", "", r"entries\[0\]\.fit\[1\]: fit about must not be empty"),
        ("answered_at", "yesterday", r"entries\[0\]\.fit\[1\]\.answered_at is not an ISO-8601 date-time"),
        ("mood", "fine", r"entries\[0\]\.fit\[1\] has unknown fields: mood"),
    ],
)
def test_a_bad_answer_is_refused_strictly_and_left_out_alone_leniently(
    document: dict[str, Any], field: str, value: str, message: str
) -> None:
    document["entries"][0]["fit"][1][field] = value
    with pytest.raises(InvalidInput, match=message) as caught:
        load(_bytes(document))
    said = str(caught.value)
    assert CANARY not in said and (not value or value not in said)  # never the file's text
    report = load_report(_bytes(document))
    assert len(report.journal.entries) == 2  # the entry stays, only that answer is left out
    assert [f.answer for f in report.journal.entries[0].fit] == ["fits", "not_sure"]
    assert len(report.problems) == 1 and report.problems[0].startswith("entries[0].fit[1]")
    assert report.problems[0].endswith(": left out.") and CANARY not in report.problems[0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"answer": "fine"}, r"record\.check_ins\[0\]\.answer is not one of: safe, need_help, misunderstood"),
        ({"asked_at": "soon"}, r"record\.check_ins\[0\]\.asked_at is not an ISO-8601 date-time"),
        ({"felt": "ok"}, r"record\.check_ins\[0\] has unknown fields: felt"),
    ],
)
def test_a_bad_check_in_is_refused_strictly_and_left_out_alone_leniently(
    document: dict[str, Any], change: dict[str, str], message: str
) -> None:
    document["record"]["check_ins"][0].update(change)
    with pytest.raises(InvalidInput, match=message):
        load(_bytes(document))
    report = load_report(_bytes(document))
    assert report.journal.record["check_ins"] == [{"asked_at": "2024-05-20T10:00:00+00:00"}]
    assert len(report.problems) == 1 and report.problems[0].startswith("record.check_ins[0]")


def test_every_check_in_answer_and_an_unanswered_one_load(document: dict[str, Any]) -> None:
    for answer in ("safe", "need_help", "misunderstood"):
        document["record"]["check_ins"][0]["answer"] = answer
        assert load(_bytes(document)).record["check_ins"][0]["answer"] == answer


@pytest.mark.parametrize(
    "about", ["feelings:sadness", "relationships:mother:W6-RO5-RS2", "mixed_feelings:aunt may"]
)
def test_fit_about_is_an_observation_key(about: str) -> None:
    assert PortableFit(about, "fits", WHEN).about == about


@pytest.mark.parametrize(
    "about", ["feelings", "feelings:", ":sadness", "feelings:sad\nness", "feelings: sadness"]
)
def test_fit_about_that_is_not_a_key_is_refused(about: str) -> None:
    with pytest.raises(InvalidInput, match="observation key"):
        PortableFit(about, "fits", WHEN)


def test_fit_needs_an_answer_and_a_zoned_time() -> None:
    with pytest.raises(InvalidInput, match="fit answer must be one of"):
        PortableFit("feelings:sadness", "yes", WHEN)
    with pytest.raises(InvalidInput, match="fit answered_at must be a date-time with a time zone"):
        PortableFit("feelings:sadness", "fits", datetime(2024, 5, 1, 8, 0))


def test_markdown_says_the_answers_in_plain_words(journal_v3: PortableJournal) -> None:
    text = dump_markdown(journal_v3)
    assert text.count('- **Your answers to "does this fit?":** 1 fit, 1 doesn\'t fit, 1 not sure') == 1
    assert "feelings:sadness" not in text and "does_not_fit" not in text and "W6" not in text
    two = replace(journal_v3.entries[0], fit=(*journal_v3.entries[0].fit[:1], *journal_v3.entries[0].fit))
    assert '"does this fit?":** 2 fit, 1 doesn\'t fit, 1 not sure' in dump_markdown(
        replace(journal_v3, entries=(two,))
    )


def test_markdown_has_no_answers_line_for_an_entry_without_answers(journal: PortableJournal) -> None:
    assert "does this fit" not in dump_markdown(journal)
