from __future__ import annotations

from reverie.analysis.summary import describe, summarise


def _finding(
    kind: str, label: str, data: dict[str, object], spans: list[list[int]] | None = None
) -> dict[str, object]:
    return {"kind": kind, "label": label, "data": data, "confidence": 0.5, "spans": spans or []}


def test_summary_dream_codes_read_as_words() -> None:
    assert describe(
        _finding("dream_code", "emotion:AP", {"category": "emotion", "code": "AP", "characters": ["D"]})
    ) == ("apprehension, felt by you")
    assert (
        describe(_finding("dream_code", "setting:IF", {"category": "setting", "code": "IF"}))
        == "setting: indoors, familiar"
    )
    assert (
        describe(
            _finding(
                "dream_code",
                "x",
                {
                    "category": "interaction",
                    "kind": "aggression",
                    "level": 2,
                    "initiators": ["1FMA"],
                    "recipients": ["D"],
                },
            )
        )
        == "aggression (level 2) from 1FMA to you"
    )


def test_summary_quotes_evidence_and_skips_bookkeeping() -> None:
    text = "My mother called."
    result = {
        "findings": [
            _finding("person", "mother", {"group": "family"}, [[0, 9]]),
            _finding("person", "self", {"group": "self"}, [[0, 2]]),
            _finding("dream_code", "coding", {"category": "coding"}),
        ]
    }
    groups = summarise(text, result)
    assert list(groups) == ["person"] and groups["person"][0].evidence == "My mother"
