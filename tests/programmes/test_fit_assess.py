"""The fit self-check, on cases scored by hand with the rule in docs/measures.md."""

from __future__ import annotations

import pytest

from reverie.errors import InvalidInput
from reverie.programmes.fit import (
    PREFERENCE_ITEMS,
    SEED_QUESTIONS,
    FitAnswers,
    SeedAnswer,
    StructurePreference,
    assess,
    profile_of,
)

YES, NO = SeedAnswer.YES, SeedAnswer.NO


def seed(yes_count: int) -> dict[str, SeedAnswer]:
    return {key: YES if index < yes_count else NO for index, (key, _) in enumerate(SEED_QUESTIONS)}


def prefs(**values: int) -> dict[str, int]:
    answers = {item.key: 0 for item in PREFERENCE_ITEMS}
    answers.update(values)
    return answers


def test_profile_of_flips_reverse_keyed_items() -> None:
    # d: (-2, -(+2), -2)/3 = -2 ; e: (2, -(-2), 2)/3 = 2 ; p: (3, -(-3), 3)/3 = 3 ; c: (1, -(0), 0)/3 = 0.3333
    profile = profile_of(prefs(d1=-2, d2=2, d3=-2, e1=2, e2=-2, e3=2, p1=3, p2=-3, p3=3, c1=1))
    assert profile == {
        "directiveness": -2.0,
        "emotional_intensity": 2.0,
        "past_orientation": 3.0,
        "challenge": 0.3333,
    }


def test_assess_clear_psychodynamic_case() -> None:
    # 5 yes (5) + open-ended (2) + D -2 (2) + E +2 (2) + P +3 (2) = 13 psychodynamic, 0 cbt → lean 13
    result = assess(
        FitAnswers(
            seed(5),
            StructurePreference.OPEN_ENDED,
            prefs(d1=-2, d2=2, d3=-2, e1=2, e2=-2, e3=2, p1=3, p2=-3, p3=3),
        )
    )
    assert (result.approach, result.lean) == ("psychodynamic", 13)
    assert result.formats_to_ask_about == ["medium_term", "long_term"]
    assert result.search_prefill == {"modalities": ["psychodynamic", "psychoanalytic"]}
    assert len(result.reasons) == 5 + 1 + 3 + 2
    assert result.reasons[-2] == "Overall, a psychodynamic approach may fit you now."


def test_assess_clear_cbt_case() -> None:
    # 0 yes + structured (cbt 2) + D +2 (cbt 2) + E -1 (cbt 2) + P -2 (cbt 2) = cbt 8 → lean -8
    result = assess(
        FitAnswers(
            seed(0),
            StructurePreference.STRUCTURED,
            prefs(d1=2, d2=-2, d3=2, e1=-1, e2=1, e3=-1, p1=-2, p2=2, p3=-2, c1=3),
        )
    )
    assert (result.approach, result.lean) == ("cbt", -8)
    assert result.formats_to_ask_about == ["cbt"]
    assert result.search_prefill == {"modalities": ["CBT"]}
    assert (
        "You would welcome being challenged; you can say so when you first meet a therapist."
        in result.reasons
    )


def test_assess_boundary_plus_three_is_psychodynamic() -> None:
    # 3 yes (3) + structured (cbt 2) + D 2/3 (no points) + P exactly 1 (2) → 5 - 2 = 3
    result = assess(
        FitAnswers(seed(3), StructurePreference.STRUCTURED, prefs(d1=1, d2=-1, p1=1, p2=-1, p3=1))
    )
    assert (result.approach, result.lean) == ("psychodynamic", 3)
    assert result.formats_to_ask_about == ["dit", "brief_psychodynamic"]
    assert result.search_prefill == {"modalities": ["psychodynamic", "psychoanalytic", "DIT"]}


def test_assess_just_inside_is_mixed() -> None:
    # as above but P = 2/3 (no points): 3 - 2 = 1 → mixed
    result = assess(FitAnswers(seed(3), StructurePreference.STRUCTURED, prefs(d1=1, d2=-1, p1=1, p2=-1)))
    assert (result.approach, result.lean) == ("mixed", 1)
    assert result.formats_to_ask_about == ["dit", "brief_psychodynamic", "cbt"]
    assert result.search_prefill == {"modalities": ["psychodynamic", "integrative", "CBT", "DIT"]}
    assert "a therapist who mixes approaches may fit you now" in result.reasons[-2]


def test_assess_boundary_minus_three_is_cbt() -> None:
    # 1 yes (1) + structured (cbt 2) + D exactly +1 (cbt 2) → 1 - 4 = -3
    result = assess(FitAnswers(seed(1), StructurePreference.STRUCTURED, prefs(d1=1, d2=-1, d3=1)))
    assert (result.approach, result.lean) == ("cbt", -3)


def test_assess_creative_media_adds_art_and_music() -> None:
    # 4 yes, no preference, neutral profile → lean 4 → psychodynamic
    result = assess(FitAnswers(seed(4), StructurePreference.NO_PREFERENCE, prefs(), creative_media=True))
    assert result.approach == "psychodynamic"
    assert result.formats_to_ask_about == [
        "brief_psychodynamic",
        "medium_term",
        "art_therapy",
        "music_therapy",
    ]
    assert result.search_prefill["modalities"] == ["psychodynamic", "psychoanalytic", "art", "music"]


def test_assess_not_sure_counts_like_no() -> None:
    answers = seed(5)
    answers["understand_self"] = SeedAnswer.NOT_SURE
    assert assess(FitAnswers(answers, StructurePreference.NO_PREFERENCE, prefs())).lean == 4


@pytest.mark.parametrize("structure", list(StructurePreference))
@pytest.mark.parametrize("yes_count", [0, 5])
def test_assess_wording_is_never_diagnostic(structure: StructurePreference, yes_count: int) -> None:
    result = assess(FitAnswers(seed(yes_count), structure, prefs(e1=3, p1=-3, c1=-3, d1=3)))
    for reason in result.reasons[:-1]:
        assert "you have" not in reason.lower() and "diagnos" not in reason.lower()
    assert result.reasons[-1].startswith("This is not a diagnosis")


@pytest.mark.parametrize(
    ("preferences", "message"),
    [
        ({k: v for k, v in prefs().items() if k != "c3"}, "exactly the 12 items"),
        ({**prefs(), "extra": 1}, "exactly the 12 items"),
        (prefs(e2=4), "item e2"),
        (prefs(p1=-4), "item p1"),
        ({**prefs(), "d1": True}, "item d1"),
        ({**prefs(), "d1": 1.5}, "item d1"),
    ],
)
def test_assess_rejects_bad_preferences(preferences: dict[str, int], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        assess(FitAnswers(seed(2), StructurePreference.NO_PREFERENCE, preferences))


def test_assess_rejects_bad_seed_and_structure() -> None:
    with pytest.raises(InvalidInput, match="five questions"):
        assess(FitAnswers({"understand_self": YES}, StructurePreference.NO_PREFERENCE, prefs()))
    bad = {**seed(1), "understand_self": "maybe"}
    with pytest.raises(InvalidInput, match="yes, no or not_sure"):
        assess(FitAnswers(bad, StructurePreference.NO_PREFERENCE, prefs()))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="structured, open_ended"):
        assess(FitAnswers(seed(1), "sometimes", prefs()))  # type: ignore[arg-type]
