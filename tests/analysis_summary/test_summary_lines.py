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


def test_summary_merges_mentions_and_time_frames_and_quotes_whole_words() -> None:
    """Regression: the details listed 'mother — my mother / She / she / her / her', a tense tag per fragment,
    and evidence cut mid-word."""
    text = "My mother called. She said her plans changed. I told her it hurt. As a child I waited for her."
    spans = [[0, 9], [18, 21], [27, 30], [55, 58], [88, 91]]
    findings = [_finding("person", "mother", {"group": "family"}, [s]) for s in spans]
    findings += [_finding("time", "past", {}, [[0, 17]]), _finding("time", "past", {}, [[18, 45]])]
    findings += [_finding("time", "past_childhood", {}, [[66, 92]])]
    findings += [_finding("emotion", "sadness", {"scope": "entry"}, [[60, 64]])]  # mid-word span "hurt" ok
    findings += [_finding("emotion", "grief", {"scope": "entry"}, [[3, 8]])]  # "other" inside "mother"
    groups = summarise(text, {"findings": findings})
    assert [line.text for line in groups["person"]] == ["mother (5 mentions)"]
    assert groups["person"][0].evidence == "My mother / She / her"
    assert [line.text for line in groups["time"]] == ["the past (2 sentences)", "childhood (1 sentence)"]
    assert groups["emotion"][1].evidence == "mother"  # widened to the whole word


def test_summary_an_unmeasured_overall_functioning_reads_in_words_not_as_a_code() -> None:
    assert describe(_finding("odf", "odf", {"odf": None, "counts": {}})) == (
        "not measured: too few sentences with a defense"
    )
    assert describe(_finding("odf", "odf", {"odf": 4.25, "counts": {}})) == "4.2 on the 1–7 scale"
