"""DMRS data: thirty defenses in seven levels, and overall defensive functioning."""

from __future__ import annotations

from collections import Counter

import pytest

from reverie.analysis import dmrs


def test_dmrs_has_thirty_defenses_in_seven_levels() -> None:
    assert len(dmrs.DEFENSES) == 30
    per_level = Counter(d.level for d in dmrs.DEFENSES)
    assert per_level == {7: 8, 6: 3, 5: 4, 4: 5, 3: 4, 2: 3, 1: 3}
    assert len({d.key for d in dmrs.DEFENSES}) == 30


def test_dmrs_levels_cover_psydefconv_labels_zero_to_eight() -> None:
    assert sorted(dmrs.LEVELS) == list(range(9))
    assert dmrs.LEVELS[7].name == "High-adaptive" and dmrs.LEVELS[1].name == "Action"


def test_dmrs_every_defense_has_a_description_and_examples() -> None:
    for d in dmrs.DEFENSES:
        assert d.description and len(d.examples) >= 2, d.key
    examples = dmrs.examples_by_label()
    assert sorted(examples) == list(range(9)) and all(len(v) >= 3 for v in examples.values())


def test_dmrs_named_defenses_match_the_published_list() -> None:
    names = {d.name for d in dmrs.defenses_at(7)}
    assert names == {
        "Affiliation",
        "Altruism",
        "Anticipation",
        "Humor",
        "Self-assertion",
        "Self-observation",
        "Sublimation",
        "Suppression",
    }
    assert {d.key for d in dmrs.defenses_at(1)} == {
        "acting_out",
        "help_rejecting_complaining",
        "passive_aggression",
    }
    assert dmrs.defense("projection").level == 3


def test_odf_weights_levels_by_their_share() -> None:
    # 2 high-adaptive (7), 1 disavowal (3); no-defense and needs-more-information are ignored
    assert dmrs.odf({7: 2, 3: 1, 0: 5, 8: 1}) == pytest.approx(17 / 3)
    assert dmrs.odf({1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1}) == pytest.approx(4.0)
    assert dmrs.odf({6: 4}) == pytest.approx(6.0)


def test_odf_is_none_when_nothing_is_coded() -> None:
    assert dmrs.odf({}) is None
    assert dmrs.odf({0: 3, 8: 2}) is None
    assert dmrs.odf({5: 0}) is None
