"""The evaluation on a tiny hand-written file in the coded_dreams.jsonl format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis.evaluation.dreams import evaluate_dreams, pearson, read_coded_dreams
from reverie.errors import InvalidInput

ROWS = [
    {
        "collection": "norms-m",
        "report": "I was very afraid of the dark cellar. My father hugged me.",
        "codings": [
            {"type": "char", "code": "1MFA"},
            {"type": "fri", "code": "6>", "init": "1MFA", "rec": "D"},
            {"type": "emot", "code": "AP", "char": "D"},
            {"type": "set", "code": "IQ"},
        ],
    },
    {
        "collection": "norms-m",
        "report": "A man chased me down the road and I was furious.",
        "codings": [
            {"type": "char", "code": "1MSA"},
            {"type": "agg", "code": "6>", "init": "1MSA", "rec": "D"},
            {"type": "emot", "code": "AN", "char": "D"},
            {"type": "set", "code": "OQ"},
        ],
    },
    {
        "collection": "series-x",
        "report": "I was happy at the beach with my sister.",
        "codings": [{"type": "char", "code": "1FTA"}, {"type": "emot", "code": "HA", "char": "D"}],
    },
    {"collection": "norms-m", "report": None, "codings": [{"type": "char", "code": "1MKA"}]},
]


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    path = tmp_path_factory.mktemp("eval") / "coded.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    calls: list[tuple[int, int]] = []
    out = evaluate_dreams(path, progress=lambda done, total: calls.append((done, total)))
    out["_calls"] = calls
    return out


def test_result_has_the_documented_shape(result: dict) -> None:  # type: ignore[type-arg]
    assert result["n"] == 3
    assert result["skipped_without_report"] == 1
    assert set(result["characters"]) == {"sex", "familiarity"}
    assert set(result["characters"]["sex"]) == {"precision", "recall"}
    assert set(result["count_correlation"]) == {"aggression", "friendliness", "misfortune"}
    assert set(result["indicator_mae"]) == {"norms-m", "series-x"}
    assert result["_calls"][-1] == (3, 3)


def test_emotions_named_in_the_text_score_perfectly(result: dict) -> None:  # type: ignore[type-arg]
    assert result["emotion_f1"]["AP"] == 1.0
    assert result["emotion_f1"]["AN"] == 1.0
    assert result["emotion_f1"]["HA"] == 1.0
    assert result["emotion_macro_f1"] == pytest.approx(0.6)  # SD and CO absent on both sides score 0


def test_characters_are_found(result: dict) -> None:  # type: ignore[type-arg]
    assert result["characters"]["sex"] == {"precision": 1.0, "recall": 1.0}
    assert result["characters"]["familiarity"]["recall"] == 1.0


def test_norms_check_uses_hand_codes_of_norm_series(result: dict) -> None:  # type: ignore[type-arg]
    row = result["norms_check"]["norms-m"]["male_female"]
    assert row["published"] == 0.67
    assert (row["numerator"], row["denominator"]) == (3, 3)  # includes the row without a report
    assert row["difference"] == pytest.approx(0.33)


def test_pearson_hand_values() -> None:
    assert pearson([1, 2, 3], [2, 4, 6]) == 1.0
    assert pearson([1, 2, 3], [3, 2, 1]) == -1.0
    assert pearson([1, 1, 1], [1, 2, 3]) is None
    assert pearson([1], [1]) is None


def test_missing_or_malformed_files_raise_invalid_input(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        read_coded_dreams(tmp_path / "absent.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        read_coded_dreams(bad)
    assert "not json" not in str(info.value)


ODD_CODES = Path(__file__).parents[1] / "fixtures" / "hvdc_odd_codes.jsonl"


def test_odd_hand_codes_never_crash_the_evaluation() -> None:
    """Short, lower-case, empty, non-text and non-record hand codes (an IndexError before)."""
    out = evaluate_dreams(ODD_CODES)
    assert out["n"] == 5
    assert out["indicator_mae"]["odd"] is not None
    json.dumps(out)  # the whole result serialises


def test_short_character_codes_read_what_they_have() -> None:
    from reverie.analysis.dreams.codes import Character, coding_from_records

    assert Character("1M").sex == "M" and Character("1M").identity == ""
    assert Character("1mba").is_family and Character("1mba").age == "A"
    assert not Character("2").is_human and not Character("1ani").is_human
    coding = coding_from_records([{"type": "emot", "code": "ha", "char": "d"}, "x", None])
    assert coding.dreamer_emotions() == frozenset({"HA"})
