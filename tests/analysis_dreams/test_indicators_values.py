"""HVdC indicators on hand-built codings: numerators, denominators, and undefined (None) ratios."""

from __future__ import annotations

from reverie.analysis.dreams.codes import (
    Character,
    DreamCoding,
    DreamObject,
    Emotion,
    Fortune,
    Interaction,
    Outcome,
    Setting,
)
from reverie.analysis.dreams.indicators import INDICATOR_KEYS, compute_indicators


def _series() -> list[DreamCoding]:
    first = DreamCoding(
        characters=(Character("1MKA"), Character("1FMA"), Character("2JSA"), Character("1ANI")),
        interactions=(
            Interaction("aggression", 7, ("1MKA",), ("D",)),  # dreamer victim, physical
            Interaction("aggression", 2, ("D",), ("1MKA",)),  # dreamer aggressor
            Interaction("friendliness", 4, ("1FMA",), ("D",)),  # dreamer befriended
            Interaction("aggression", 3, ("1MKA",), ("1FMA",)),  # witnessed
        ),
        emotions=(Emotion("AP", ("D",)), Emotion("HA", ("1FMA",))),
        fortunes=(Fortune("misfortune", ("D",), 5),),
        outcomes=(Outcome("success", ("D",)),),
        settings=(Setting("I", "F"), Setting("O", "U")),
        objects=(DreamObject("BT"), DreamObject("BH")),
    )
    second = DreamCoding(
        characters=(Character("1MSA"),),
        outcomes=(Outcome("failure", ("D",)),),
        settings=(Setting("I", "Q"),),
        objects=(),
    )
    return [first, second]


def test_character_indicators() -> None:
    ind = compute_indicators(_series())
    assert (ind["male_female"].numerator, ind["male_female"].denominator) == (2, 3)
    assert (ind["familiarity"].numerator, ind["familiarity"].denominator) == (2, 4)
    assert (ind["friends"].numerator, ind["friends"].denominator) == (1, 4)
    assert (ind["family"].numerator, ind["family"].denominator) == (1, 4)
    assert (ind["animal"].numerator, ind["animal"].denominator) == (1, 5)
    assert ind["dead_imaginary"].value == 0.0


def test_social_interaction_indicators() -> None:
    ind = compute_indicators(_series())
    assert (ind["ac_index"].numerator, ind["ac_index"].denominator) == (3, 5)
    assert (ind["fc_index"].numerator, ind["fc_index"].denominator) == (1, 5)
    assert ind["sc_index"].value == 0.0
    assert (ind["aggression_friendliness"].numerator, ind["aggression_friendliness"].denominator) == (2, 3)
    assert (ind["aggressor"].numerator, ind["aggressor"].denominator) == (1, 2)
    assert (ind["befriender"].numerator, ind["befriender"].denominator) == (0, 1)
    assert (ind["physical_aggression"].numerator, ind["physical_aggression"].denominator) == (1, 3)


def test_self_concept_and_setting_indicators() -> None:
    ind = compute_indicators(_series())
    assert (ind["indoor_setting"].numerator, ind["indoor_setting"].denominator) == (2, 3)
    assert (ind["familiar_setting"].numerator, ind["familiar_setting"].denominator) == (1, 2)
    # victim 1 + misfortune 1 + failure 1 over those + aggressor 1 + success 1
    assert (ind["self_negativity"].numerator, ind["self_negativity"].denominator) == (3, 5)
    assert (ind["bodily_misfortunes"].numerator, ind["bodily_misfortunes"].denominator) == (1, 1)
    assert (ind["negative_emotions"].numerator, ind["negative_emotions"].denominator) == (1, 2)
    assert (ind["dreamer_success"].numerator, ind["dreamer_success"].denominator) == (1, 2)
    assert (ind["torso_anatomy"].numerator, ind["torso_anatomy"].denominator) == (1, 2)


def test_dreams_with_at_least_one() -> None:
    ind = compute_indicators(_series())
    assert (ind["dreams_with_aggression"].numerator, ind["dreams_with_aggression"].denominator) == (1, 2)
    assert ind["dreams_with_striving"].numerator == 2
    assert ind["dreams_with_failure"].numerator == 1
    assert ind["dreams_with_sexuality"].value == 0.0


def test_zero_denominators_give_none_not_an_error() -> None:
    ind = compute_indicators([DreamCoding(settings=(Setting("N"),))])
    for key in (
        "male_female",
        "ac_index",
        "aggressor",
        "indoor_setting",
        "negative_emotions",
        "dreamer_success",
    ):
        assert ind[key].denominator == 0
        assert ind[key].value is None
    assert ind["dreams_with_aggression"].value == 0.0


def test_empty_series_is_all_undefined() -> None:
    ind = compute_indicators([])
    assert all(i.value is None for i in ind.values())


def test_torso_anatomy_omitted_when_objects_not_coded() -> None:
    assert "torso_anatomy" not in compute_indicators([DreamCoding(objects=None)])
    assert "torso_anatomy" in compute_indicators([DreamCoding(objects=())])
    assert set(compute_indicators([DreamCoding(objects=())])) == set(INDICATOR_KEYS)


def test_responses_and_mutual_interactions_do_not_count_as_starting_one() -> None:
    coding = DreamCoding(
        interactions=(
            Interaction("aggression", 3, ("D",), ("1MKA",), "R"),
            Interaction("aggression", 7, ("D",), ("1MKA",), "="),
            Interaction("aggression", 7, ("1MKA",), ("D",)),
        )
    )
    ind = compute_indicators([coding])
    assert (ind["aggressor"].numerator, ind["aggressor"].denominator) == (0, 1)
    assert ind["aggression_friendliness"].numerator == 3
