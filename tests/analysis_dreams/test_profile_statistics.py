"""Cohen's h, the two-proportion test, Benjamini–Hochberg and the small-series warning, on hand-computed numbers."""

from __future__ import annotations

import math

import pytest

from reverie.analysis.dreams.codes import Character, DreamCoding, Interaction, Setting
from reverie.analysis.dreams.profile import (
    benjamini_hochberg,
    cohens_h,
    compare_with_norms,
    effect_size_word,
    two_proportion_p,
)

DIAGNOSTIC_WORDS = (
    "disorder",
    "patholog",
    "diagnos",
    "symptom",
    "you are ",
    "abnormal",
    "repress",
    "neurotic",
)


def test_cohens_h_matches_hand_computation() -> None:
    # 2·asin(√0.5) − 2·asin(√0.25) = 2·(π/4) − 2·(π/6) = π/6
    assert cohens_h(0.5, 0.25) == pytest.approx(math.pi / 6)
    assert cohens_h(0.25, 0.5) == pytest.approx(-math.pi / 6)
    assert cohens_h(0.3, 0.3) == 0.0
    assert cohens_h(1.0, 0.0) == pytest.approx(math.pi)


def test_cohens_h_clips_ratios_above_one() -> None:
    assert cohens_h(1.4, 0.5) == pytest.approx(cohens_h(1.0, 0.5))


def test_effect_size_words() -> None:
    assert [effect_size_word(h) for h in (0.1, -0.3, 0.6, -0.9)] == ["negligible", "small", "medium", "large"]


def test_two_proportion_p_matches_hand_computation() -> None:
    # 30/50 vs 20/50: pooled 0.5, se = √(0.25·0.04) = 0.1, z = 2, p = erfc(2/√2) ≈ 0.0455
    assert two_proportion_p(30, 50, 20, 50) == pytest.approx(math.erfc(2 / math.sqrt(2)))
    assert two_proportion_p(30, 50, 20, 50) == pytest.approx(0.0455, abs=1e-4)
    assert two_proportion_p(0, 10, 0, 10) == 1.0
    assert two_proportion_p(1, 0, 1, 10) is None


def test_benjamini_hochberg_matches_hand_computation() -> None:
    # sorted: .01 (rank 1), .03 (2), .04 (3), .20 (4); raw q = .04, .06, .0533, .20; step-up min from the top.
    q = benjamini_hochberg([0.01, 0.04, 0.03, 0.20])
    assert q == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.20])


def test_benjamini_hochberg_skips_missing_p_values() -> None:
    q = benjamini_hochberg([None, 0.02, None, 0.04])
    assert q[0] is None and q[2] is None
    assert q[1] == pytest.approx(0.04) and q[3] == pytest.approx(0.04)
    assert benjamini_hochberg([]) == []


def _aggressive_dream(i: int) -> DreamCoding:
    return DreamCoding(
        characters=(Character("1MSA"), Character("1FKA")),
        interactions=(Interaction("aggression", 7, ("1MSA",), ("D",)),),
        settings=(Setting("O", "U"),),
        dream_id=f"d{i}",
    )


def test_small_series_gets_a_plain_warning() -> None:
    profile = compare_with_norms([_aggressive_dream(i) for i in range(5)], norm_group="female")
    assert profile.n_dreams == 5
    assert any("Only 5 dream(s)" in w for w in profile.warnings)
    assert all(c.too_small for c in profile.comparisons if c.key == "aggressor")
    assert not profile.notable()  # denominators under 30 are never called different


def test_large_series_reports_descriptive_differences_only() -> None:
    profile = compare_with_norms([_aggressive_dream(i) for i in range(60)], norm_group="female")
    assert not any("Only" in w for w in profile.warnings)
    notable = {c.key: c for c in profile.notable()}
    assert "dreams_with_aggression" in notable
    sentence = notable["dreams_with_aggression"].description
    assert sentence.startswith("Aggression appears in more of your dreams than in the female norm group")
    for c in profile.comparisons:
        assert not any(word in c.description.lower() for word in DIAGNOSTIC_WORDS)


def test_comparison_values_and_q_values_are_consistent() -> None:
    profile = compare_with_norms([_aggressive_dream(i) for i in range(40)], norm_group="male")
    for c in profile.comparisons:
        if c.value is None:
            assert c.h is None and c.p_value is None
        else:
            assert c.h == pytest.approx(cohens_h(c.value, c.norm))
            assert c.q_value is not None and c.p_value is not None and c.q_value >= c.p_value - 1e-12


def test_no_norm_group_means_no_comparison_only_the_series_own_values() -> None:
    profile = compare_with_norms([_aggressive_dream(i) for i in range(30)], norm_group=None)
    assert profile.norm_group is None and profile.comparisons == () and profile.notable() == []
    values = dict(profile.values)
    assert values["dreams_with_aggression"] == pytest.approx(1.0)
    assert any("No norm group chosen" in w for w in profile.warnings)


def test_an_unknown_norm_group_is_refused() -> None:
    from reverie.errors import InvalidInput

    with pytest.raises(InvalidInput):
        compare_with_norms([], norm_group="teenagers")  # type: ignore[arg-type]
