"""Crisis lines (packaged and overridden) and the safety-plan structure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.errors import ConfigurationError, InvalidInput
from reverie.programmes.safety import (
    FORMAT,
    ITEM_MAX_CHARS,
    SECTION_MAX_ITEMS,
    Contact,
    SafetyPlan,
    load_crisis_lines,
    parse_crisis_lines,
    safety_plan_from_dict,
    safety_plan_to_dict,
)


def test_load_crisis_lines_packaged_us() -> None:
    lines = load_crisis_lines().lines_for("US")
    assert [line.instruction for line in lines] == ["Call or text 988", "Text HOME to 741741", "Call 911"]
    assert all(line.source.startswith("https://") for line in lines)


def test_load_crisis_lines_uk_alias_ireland_and_eu_fallback() -> None:
    directory = load_crisis_lines()
    assert directory.lines_for("uk")[0].number == "116 123"
    assert directory.lines_for("IE")[0].number == "116 123"
    assert [line.number for line in directory.lines_for("IT")] == ["112"]  # EU member without its own list
    assert directory.lines_for("ZZ") == ()


def test_load_crisis_lines_override_replaces_a_country(tmp_path: Path) -> None:
    override = tmp_path / "lines.json"
    override.write_text(
        json.dumps(
            {
                "format": FORMAT,
                "countries": {
                    "US": [
                        {
                            "name": "Local line",
                            "number": "555 0100",
                            "channels": ["call"],
                            "kind": "crisis",
                            "source": "clinic handbook",
                        }
                    ],
                    "NL": [
                        {
                            "name": "113 Zelfmoordpreventie",
                            "number": "113",
                            "channels": ["call"],
                            "kind": "crisis",
                            "source": "https://www.113.nl",
                        }
                    ],
                },
            }
        ),
        encoding="utf-8",
    )
    directory = load_crisis_lines(override)
    assert [line.name for line in directory.lines_for("US")] == ["Local line"]
    assert directory.lines_for("NL")[0].number == "113"
    assert directory.lines_for("GB")[0].name == "Samaritans"  # untouched


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"format": "reverie.crisis-lines/2", "countries": {}}, "format"),
        ({"format": FORMAT}, "countries"),
        ({"format": FORMAT, "countries": {"usa": []}}, "two-letter"),
        ({"format": FORMAT, "countries": {"US": [{"name": "x"}]}}, "US #1"),
        (
            {
                "format": FORMAT,
                "countries": {
                    "US": [
                        {
                            "name": "x",
                            "number": "call me",
                            "channels": ["call"],
                            "kind": "crisis",
                            "source": "s",
                        }
                    ]
                },
            },
            "digits",
        ),
        (
            {
                "format": FORMAT,
                "countries": {
                    "US": [
                        {"name": "x", "number": "988", "channels": ["fax"], "kind": "crisis", "source": "s"}
                    ]
                },
            },
            "channels",
        ),
        (
            {
                "format": FORMAT,
                "countries": {
                    "US": [
                        {
                            "name": "x",
                            "number": "988",
                            "channels": ["call"],
                            "kind": "crisis",
                            "source": "s",
                            "text_keyword": "HI",
                        }
                    ]
                },
            },
            "text channel",
        ),
    ],
)
def test_parse_crisis_lines_rejects_bad_files(document: object, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        parse_crisis_lines(document)


def test_load_crisis_lines_unreadable_override(tmp_path: Path) -> None:
    bad = tmp_path / "lines.json"
    bad.write_bytes(b"\xff\xfe not json")
    with pytest.raises(ConfigurationError, match="UTF-8 JSON"):
        load_crisis_lines(bad)


def test_safety_plan_round_trip_and_crisis_lines() -> None:
    plan = safety_plan_from_dict(
        {
            "warning_signs": ["Not sleeping", "Pulling away from friends"],
            "coping_steps": ["Walk by the river"],
            "reasons_for_living": ["My sister"],
            "people_and_places": ["The library café"],
            "trusted_contacts": [{"name": "Sam", "phone": "+44 7700 900123"}],
            "professionals": [{"name": "GP surgery", "phone": "020 7946 0000"}],
            "crisis_country": "GB",
        }
    )
    assert safety_plan_from_dict(safety_plan_to_dict(plan)) == plan
    assert load_crisis_lines().lines_for(plan.crisis_country or "")[0].name == "Samaritans"


def test_safety_plan_caps_and_names_the_section() -> None:
    with pytest.raises(InvalidInput, match=f"Warning signs: at most {SECTION_MAX_ITEMS}"):
        SafetyPlan(warning_signs=("sign",) * (SECTION_MAX_ITEMS + 1))
    with pytest.raises(InvalidInput, match=f"Reasons for living, entry 2: at most {ITEM_MAX_CHARS}"):
        SafetyPlan(reasons_for_living=("ok", "x" * (ITEM_MAX_CHARS + 1)))
    with pytest.raises(InvalidInput, match="Things I can do on my own, entry 1"):
        SafetyPlan(coping_steps=("   ",))


def test_safety_plan_contact_validation_never_echoes_text() -> None:
    with pytest.raises(InvalidInput) as caught:
        SafetyPlan(trusted_contacts=(Contact("Secret Name", "call my mum"),))
    assert "People I can ask for help, entry 1" in str(caught.value)
    assert "Secret Name" not in str(caught.value) and "mum" not in str(caught.value)


def test_safety_plan_rejects_empty_plan_and_bad_shapes() -> None:
    with pytest.raises(InvalidInput, match="at least one entry"):
        SafetyPlan()
    with pytest.raises(InvalidInput, match="as a list"):
        safety_plan_from_dict({"warning_signs": "one long string"})
    with pytest.raises(InvalidInput, match="does not know"):
        safety_plan_from_dict({"warning_signs": ["x"], "diagnosis": "y"})
    with pytest.raises(InvalidInput, match="country"):
        SafetyPlan(warning_signs=("x",), crisis_country="Britain")
