"""docs/export-schema-v10.json (and v1 to v9 for older files): well-formed, and what dump_reverie_json writes conforms to it.

jsonschema is not a dependency of Reverie, so the export is checked with a small validator for exactly the
keywords the schema uses; when jsonschema is importable it validates too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from record_sample import sample_record

from reverie.journal.interchange import (
    CHECK_IN_ANSWERS,
    EXTRA_KEYS,
    FIT_ANSWERS,
    KINDS,
    SCHEMA,
    PortableJournal,
    dump_reverie_json,
)

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "export-schema-v10.json"
_HANDLED = {
    "$schema", "$id", "$ref", "$defs", "title", "description", "type", "required", "additionalProperties",
    "properties", "items", "const", "enum", "minLength", "maxLength", "pattern", "minimum", "maximum",
    "format", "contentEncoding",
}  # fmt: skip
_TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def _problems(value: Any, rule: dict[str, Any], root: dict[str, Any], path: str = "$") -> list[str]:
    if "$ref" in rule:
        rule = root["$defs"][rule["$ref"].removeprefix("#/$defs/")]
    found = [f"{path}: {p}" for p in _scalar_problems(value, rule)]
    if isinstance(value, dict):
        properties = rule.get("properties", {})
        found += [f"{path}: missing {key}" for key in rule.get("required", []) if key not in value]
        if rule.get("additionalProperties") is False:
            found += [f"{path}: extra {key}" for key in value if key not in properties]
        for key, item in value.items():
            if key in properties:
                found += _problems(item, properties[key], root, f"{path}.{key}")
    if isinstance(value, list) and "items" in rule:
        for index, item in enumerate(value):
            found += _problems(item, rule["items"], root, f"{path}[{index}]")
    return found


def _scalar_problems(value: Any, rule: dict[str, Any]) -> list[str]:
    checks: list[tuple[str, Callable[[Any], bool]]] = [
        ("type", lambda t: any(_is_type(value, name) for name in ([t] if isinstance(t, str) else t))),
        ("const", lambda c: value == c),
        ("enum", lambda e: value in e),
        ("minLength", lambda n: not isinstance(value, str) or len(value) >= n),
        ("maxLength", lambda n: not isinstance(value, str) or len(value) <= n),
        ("pattern", lambda p: not isinstance(value, str) or re.search(p, value) is not None),
        ("minimum", lambda n: not isinstance(value, int) or value >= n),
        ("maximum", lambda n: not isinstance(value, int) or value <= n),
    ]
    return [f"fails {key}" for key, ok in checks if key in rule and not ok(rule[key])]


def _is_type(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, _TYPES[name])


def test_interchange_schema_file_is_draft_2020_12_with_id(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == "urn:reverie:schema:export:10"
    assert schema["properties"]["schema"]["const"] == SCHEMA


def test_interchange_schema_uses_only_keywords_the_test_validator_knows(schema: dict[str, Any]) -> None:
    def keywords(node: Any) -> set[str]:
        if not isinstance(node, dict):
            return set()
        own = set(node) - {"properties", "$defs"}
        nested = [*node.get("properties", {}).values(), *node.get("$defs", {}).values()]
        nested += [node[k] for k in ("items", "additionalProperties") if isinstance(node.get(k), dict)]
        return own.union(*(keywords(child) for child in nested))

    assert keywords(schema) <= _HANDLED


def test_interchange_schema_matches_the_model(schema: dict[str, Any]) -> None:
    entry = schema["$defs"]["entry"]["properties"]
    assert tuple(entry["kind"]["enum"]) == KINDS
    assert tuple(entry["extra"]["properties"]) == EXTRA_KEYS
    assert tuple(schema["$defs"]["revision"]["properties"]["extra"]["properties"]) == EXTRA_KEYS
    assert tuple(schema["$defs"]["fit"]["properties"]["answer"]["enum"]) == FIT_ANSWERS
    assert tuple(schema["$defs"]["check_in"]["properties"]["answer"]["enum"]) == CHECK_IN_ANSWERS


def test_interchange_export_conforms_to_schema(schema: dict[str, Any], journal: PortableJournal) -> None:
    document = json.loads(dump_reverie_json(journal))
    assert _problems(document, schema, schema) == []


def test_interchange_schema_v1_file_still_describes_version_1() -> None:
    old = json.loads((SCHEMA_PATH.parent / "export-schema-v1.json").read_text(encoding="utf-8"))
    assert old["properties"]["schema"]["const"] == "reverie.export/1"


def test_interchange_schema_v2_file_still_describes_version_2_without_answers() -> None:
    old = json.loads((SCHEMA_PATH.parent / "export-schema-v2.json").read_text(encoding="utf-8"))
    assert old["properties"]["schema"]["const"] == "reverie.export/2"
    assert "fit" not in old["$defs"]["entry"]["properties"]
    assert "check_ins" not in old["$defs"]["record"]["properties"]


def test_interchange_schema_v4_takes_a_questionnaire_whose_session_was_cancelled(
    schema: dict[str, Any], journal_v3: PortableJournal
) -> None:
    document = json.loads(
        dump_reverie_json(replace(journal_v3, record={**sample_record(), **journal_v3.record}))
    )
    (course,) = document["record"]["courses"]
    held, cancelled = course["measures"]
    assert (held["session"], held["session_start"]) == (1, course["sessions"][0]["start"])
    assert "session" not in cancelled and cancelled["session_start"] == course["sessions"][1]["start"]
    assert course["sessions"][1]["cancelled"] is True
    assert _problems(document, schema, schema) == []
    old = json.loads((SCHEMA_PATH.parent / "export-schema-v3.json").read_text(encoding="utf-8"))
    assert "$.record.courses[0].measures[1]: extra session_start" in _problems(document, old, old)


def test_interchange_schema_v5_takes_left_out_and_questions(
    schema: dict[str, Any], journal_v5: PortableJournal
) -> None:
    document = json.loads(dump_reverie_json(journal_v5))
    assert document["left_out"] and document["record"]["check_ins"][0]["question"]
    assert _problems(document, schema, schema) == []
    assert tuple(schema["$defs"]["left_out"]["properties"]["kind"]["enum"]) == KINDS
    document["left_out"][0]["body"] = "never"
    assert _problems(document, schema, schema) == ["$.left_out[0]: extra body"]
    old = json.loads((SCHEMA_PATH.parent / "export-schema-v4.json").read_text(encoding="utf-8"))
    assert "$: extra left_out" in _problems(document, old, old)


def test_interchange_export_with_answers_conforms_to_schema(
    schema: dict[str, Any], journal_v3: PortableJournal
) -> None:
    document = json.loads(dump_reverie_json(journal_v3))
    assert document["entries"][0]["fit"] and document["record"]["check_ins"]
    assert _problems(document, schema, schema) == []


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("entries", 0, "feelings", 0, "intensity"), 6),
        (("entries", 0, "kind"), "nightmare"),
        (("entries", 0, "surprise"), True),
        (("entries", 0, "happened_at"), "yesterday"),
        (("entries", 0, "attachments", 0, "data"), "***"),
        (("schema",), "reverie.export/4"),
        (("record", "courses", 0, "sessions", 0, "start"), "soon"),
        (("record", "courses", 0, "measures", 1, "session_start"), "soon"),
        (("record", "courses", 0, "measures", 0, "session_end"), "2026-01-05T11:00:00+00:00"),
        (("entries", 0, "extra", "mood"), "fine"),
        (("entries", 0, "fit", 0, "answer"), "maybe"),
        (("entries", 0, "fit", 0, "about"), "feelings sadness"),
        (("entries", 0, "fit", 0, "mood"), "fine"),
        (("record", "check_ins", 0, "answer"), "fine"),
        (("record", "check_ins", 0, "asked_at"), "today"),
    ],
)
def test_interchange_schema_rejects_broken_exports(
    schema: dict[str, Any], journal_v3: PortableJournal, path: tuple[Any, ...], value: Any
) -> None:
    document = json.loads(dump_reverie_json(journal_v3))
    document["record"] = {**sample_record(), **document["record"]}
    assert _problems(document, schema, schema) == []
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    assert _problems(document, schema, schema) != []


def test_interchange_export_validates_with_jsonschema(
    schema: dict[str, Any], journal: PortableJournal
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(dump_reverie_json(journal)))
    with_record = replace(journal, record=sample_record())  # session_start on a held and a cancelled session
    jsonschema.Draft202012Validator(schema).validate(json.loads(dump_reverie_json(with_record)))


def test_interchange_record_and_context_round_trip_and_conform(
    schema: dict[str, Any], journal: PortableJournal
) -> None:
    from reverie.journal.interchange import load

    place = replace(
        journal.entries[0],
        extra={"place": "Berlin, Germany", "weather": "Sunny, 21 °C", "time_zone": "Europe/Berlin"},
    )
    with_record = replace(journal, entries=(place, *journal.entries[1:]), record=sample_record())
    data = dump_reverie_json(with_record)
    assert _problems(json.loads(data), schema, schema) == []
    assert load(data) == with_record


def test_interchange_schema_v6_takes_the_session_of_each_progress_note(
    schema: dict[str, Any], journal_v6: PortableJournal
) -> None:
    """h30: version 6 describes each progress note's session (start, number while held, format); v5 refuses them."""
    document = json.loads(dump_reverie_json(journal_v6))
    assert document["record"]["courses"][0]["notes"][0]["session"] == 1
    assert _problems(document, schema, schema) == []
    old = json.loads((SCHEMA_PATH.parent / "export-schema-v5.json").read_text(encoding="utf-8"))
    assert old["properties"]["schema"]["const"] == "reverie.export/5"
    assert "$.record.courses[0].notes[0]: extra session" in _problems(document, old, old)


def test_interchange_schema_v8_takes_the_answers_of_each_questionnaire(
    schema: dict[str, Any], journal_v8: PortableJournal
) -> None:
    """r115: version 8 describes each questionnaire's answers, item by item (whole numbers); v7 refuses them."""
    document = json.loads(dump_reverie_json(journal_v8))
    assert document["record"]["courses"][0]["measures"][0]["answers"] == [2, 1, 1, 2, 1, 2, 1, 1, 1]
    assert _problems(document, schema, schema) == []
    document["record"]["courses"][0]["measures"][0]["answers"] = ["Several days"]
    assert "$.record.courses[0].measures[0].answers[0]: fails type" in _problems(document, schema, schema)
    old = json.loads((SCHEMA_PATH.parent / "export-schema-v7.json").read_text(encoding="utf-8"))
    assert old["properties"]["schema"]["const"] == "reverie.export/7"
    assert "$.record.courses[0].measures[0]: extra answers" in _problems(document, old, old)


def test_interchange_schema_v9_takes_whole_earlier_versions(
    schema: dict[str, Any], journal_v9: PortableJournal
) -> None:
    """h151: version 9 describes each earlier version whole (title, feelings, people, tags, fields, date) or
    marked only_text; v8 refuses them."""
    document = json.loads(dump_reverie_json(journal_v9))
    text_only, whole = document["entries"][0]["revisions"]
    assert text_only == {
        "body": "A house with too many doors.",
        "only_text": True,
        "written_at": text_only["written_at"],
    }
    assert (whole["only_text"], whole["title"], whole["feelings"]) == (
        False,
        "The house",
        [{"intensity": 5, "name": "unease"}],
    )
    assert document["entries"][1]["revisions"][0]["extra"]["choice"] == "Sent it."
    assert _problems(document, schema, schema) == []
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator(schema).validate(document)
    whole["feelings"][0]["intensity"] = 6
    assert "$.entries[0].revisions[1].feelings[0].intensity: fails maximum" in _problems(
        document, schema, schema
    )
    old = json.loads((SCHEMA_PATH.parent / "export-schema-v8.json").read_text(encoding="utf-8"))
    assert old["properties"]["schema"]["const"] == "reverie.export/8"
    assert "$.entries[0].revisions[1]: extra title" in _problems(document, old, old)


def test_interchange_schema_v10_carries_what_the_person_set(
    schema: dict[str, Any], journal_v10: PortableJournal
) -> None:
    """h158 (review r127, 1, 2, 5, 6): version 10 describes the file's time_zone, each entry's updated_at and the
    safety plan's crisis_country with its two sections of contacts; v9 refuses the new fields."""
    document = json.loads(dump_reverie_json(journal_v10))
    assert document["time_zone"] == "Europe/Berlin" and document["entries"][0]["updated_at"]
    plan = document["record"]["safety_plan"]
    assert plan["crisis_country"] == "IE"
    assert [s["title"] for s in plan["sections"]][-2:] == [
        "People I can ask for help",
        "Professionals I can contact",
    ]
    assert _problems(document, schema, schema) == []
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator(schema).validate(document)
    plan["crisis_country"] = None  # none chosen
    assert _problems(document, schema, schema) == []
    plan["crisis_country"] = "Ireland"
    assert "$.record.safety_plan.crisis_country: fails pattern" in _problems(document, schema, schema)
    old = json.loads((SCHEMA_PATH.parent / "export-schema-v9.json").read_text(encoding="utf-8"))
    found = _problems(document, old, old)
    assert "$: extra time_zone" in found and "$.entries[0]: extra updated_at" in found
    assert "$.record.safety_plan: extra crisis_country" in found
