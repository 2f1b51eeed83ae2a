"""Episode evaluation: alignment by other, scoring, and the thresholds reached on the tuning vignettes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reverie.analysis.ccrt import EpisodeCode
from reverie.analysis.evaluation.episodes import align, evaluate_episodes, read_vignettes, score
from reverie.errors import InvalidInput

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_episodes_evaluation_align_keeps_order_and_skips_extra_found() -> None:
    expected = [EpisodeCode("boss", 6, 5, 7), EpisodeCode("partner", 6, 6, 3)]
    found = [EpisodeCode("partner", 1, 1, 1), EpisodeCode("boss", 6, 5, 7), EpisodeCode("partner", 6, 6, 3)]
    assert align(expected, found) == [(expected[0], found[1]), (expected[1], found[2])]


def test_episodes_evaluation_align_prefers_the_agreeing_pair() -> None:
    expected = [EpisodeCode("mother", 6, 5, 7)]
    found = [EpisodeCode("mother", 1, 1, 1), EpisodeCode("mother", 6, 5, 7)]
    assert align(expected, found) == [(expected[0], found[1])]


def test_episodes_evaluation_unmatched_expected_counts_as_wrong() -> None:
    expected = [[EpisodeCode("boss", 6, 5, 7), EpisodeCode("partner", 6, 6, 3)]]
    found = [[EpisodeCode("boss", 6, 4, None)]]
    result = score(expected, found)
    assert (result["found"], result["expected"], result["matched"]) == (1, 2, 1)
    assert result["w_accuracy"] == 0.5
    assert result["ro_accuracy"] == 0.0
    assert result["rs_accuracy"] == 0.0
    assert result["ro_valence_accuracy"] == 0.5  # 4 and 5 are both negative


def test_episodes_evaluation_expected_none_is_right_only_when_left_open() -> None:
    expected = [[EpisodeCode("friend", None, 6, None)]]
    assert score(expected, [[EpisodeCode("friend", None, 6, 3)]])["rs_accuracy"] == 0.0
    assert score(expected, [[EpisodeCode("friend", None, 6, None)]])["rs_accuracy"] == 1.0


def test_episodes_evaluation_an_abstention_is_wrong_and_coverage_is_reported() -> None:
    expected = [[EpisodeCode("friend", 6, 5, 7)], [EpisodeCode("boss", 2, 2, 4)]]
    found = [[EpisodeCode("friend", 6, None, 7)], [EpisodeCode("boss", 2, 3, None)]]
    result = score(expected, found)
    assert result["ro_accuracy"] == 0.0  # one left open, one wrong
    assert (result["ro_coverage"], result["ro_shown_right"]) == (0.5, 0.0)
    assert (result["rs_accuracy"], result["rs_coverage"], result["rs_shown_right"]) == (0.5, 0.5, 1.0)
    assert (result["w_coverage"], result["w_shown_right"]) == (1.0, 1.0)


def test_episodes_evaluation_spurious_episodes_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "v.jsonl"
    path.write_text(json.dumps({"text": "My boss shouted at me. I froze.", "episodes": []}) + "\n")
    result = evaluate_episodes(path)
    assert (result["found"], result["expected"], result["spurious"]) == (1, 0, 1)


def test_episodes_evaluation_malformed_lines_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "fine", "episodes": []}\n{"episodes": []}\n')
    with pytest.raises(InvalidInput, match=r"Line 2 of bad\.jsonl needs \"text\""):
        read_vignettes(path)


def test_episodes_evaluation_fixtures_are_big_enough_and_well_formed() -> None:
    tuning = read_vignettes(FIXTURES / "vignettes.jsonl")
    holdout = read_vignettes(FIXTURES / "vignettes_holdout.jsonl")
    assert len(tuning) >= 60 and len(holdout) >= 20
    assert not {row["text"] for row in tuning} & {row["text"] for row in holdout}
    for row in tuning + holdout:
        for episode in row["episodes"]:
            assert all(episode[c] is None or 1 <= episode[c] <= 8 for c in ("w", "ro", "rs"))


def test_episodes_evaluation_reaches_the_thresholds_on_the_tuning_vignettes() -> None:
    result = evaluate_episodes(FIXTURES / "vignettes.jsonl")
    assert result["expected"] >= 90
    assert result["matched"] >= 0.95 * result["expected"]
    assert result["spurious"] <= 3
    assert result["w_accuracy"] >= 0.9
    assert result["ro_accuracy"] >= 0.9
    assert result["rs_accuracy"] >= 0.9


# Each frozen batch was written by an engineer who tuned nothing, kept outside the repository and measured once; its
# floors are those figures, so a later change cannot slide back (seen since; the goal, 0.6 each, is missed):
# - frozen5 (117 texts, 24 new voices; README_frozen_batches6.md), episodes 1.6.0: W 0.394 / RO 0.273 / RS 0.404,
#   55 of 99 matched, 27 spurious (1.5.0: 0.394 / 0.212 / 0.404);
# - frozen6 (125 texts, 24 new voices; README_frozen_batches7.md), episodes 1.7.0: 0.371 / 0.219 / 0.286, 50 of 105
#   matched, 21 spurious (1.6.0: 0.352 / 0.219 / 0.286, 49 matched);
# - frozen7 (123 texts, 24 new voices; README_frozen_batches8.md), episodes 1.8.0: 0.291 / 0.262 / 0.340, 56 of 103
#   matched, 25 spurious (1.7.0: 0.282 / 0.262 / 0.340, 55 matched);
# - frozen8 (120 texts, 100 episodes, new voices; README_frozen_batches9.md), measured once at the start (6e5e736,
#   episodes 1.8.0) and the end (85aa021, episodes 1.9.0 / people 1.4.0) of the tenth round, the same both times:
#   0.33 / 0.28 / 0.32, 52 of 100 matched, 23 spurious.
# Raised on seen figures (c8, people 1.5.0 / episodes 1.10.0, 2026-12-03; docs/ccrt.md "Recurring mechanisms across
# nine batches (c8)"): frozen6 0.400 / 0.238 / 0.295, 53 matched, 21 spurious -> 0.429 / 0.257 / 0.305, 56, 18;
# frozen7 0.291 / 0.262 / 0.340, 56, 25 -> 0.359 / 0.301 / 0.359, 62, 17; frozen8 0.33 / 0.28 / 0.32, 52, 23 ->
# 0.34 / 0.30 / 0.36, 55, 18. Seen, not an estimate for a new batch. c9 (episodes 1.11.0, tears after a warm
# response): RS frozen6 0.305 -> 0.314, frozen8 0.36 -> 0.37 (docs/ccrt.md "Ninth round (c9)").
# - frozen9 (100 texts, 80 episodes, 26 new voices; README_frozen_batches15.md), measured once before (c81c42c,
#   episodes 1.10.0 / people 1.5.0) and after (545d831, 1.11.0) the ninth round's merge, the same both times:
#   0.55 / 0.3625 / 0.625, 60 of 80 matched, 13 spurious (the first unseen figure of c8's mechanisms).
# c10 (episodes 1.12.0, the response after the wish and an RO head that reads the rules' RO sentence; docs/ccrt.md
# "Tenth round (c10)"): RO on the three newest batches, held out while the round read the others' misses, frozen7
# 0.301 -> 0.311, frozen8 0.30 -> 0.34, frozen9 0.3625 -> 0.375 (frozen5 and frozen6 are the RO head's training
# data since then: their RO is no longer a held-out figure, their floors stay).
# - frozen10 (100 texts, 80 episodes, 26 new voices, a third of the others named by first name only;
#   README_frozen_batches16.md), measured once before (af1832d, episodes 1.11.0) and after (d38647b, 1.12.0) the tenth
#   round's merge, the same both times: 0.275 / 0.2875 / 0.4375, 41 of 80 matched, 20 spurious.
# c11 (people 1.6.0 / episodes 1.13.0, names whose role the grammar tells, a business owner as the boss, a
# bystander's one sentence inside an episode; docs/ccrt.md "Eleventh round (c11)"), frozen7-9 held while the round
# read the others' misses: frozen6 56 -> 57 matched, W 0.429 -> 0.438; frozen7 62 -> 63, W and RS 0.359 -> 0.369;
# frozen8 55 -> 57, 0.34 / 0.34 / 0.37 -> 0.35 / 0.36 / 0.39; frozen9 60 -> 61, W 0.55 -> 0.5625, RS 0.625 ->
# 0.6375, and **spurious 13 -> 14**: lowered by one for a stated mechanism, the owner of a business read as the boss
# (off, frozen9 keeps 13 and frozen7 loses its gain: 62 matched, 18 spurious); frozen10 (seen) 41 -> 51 matched,
# 20 -> 10 spurious, 0.275 / 0.2875 / 0.4375 -> 0.3375 / 0.30 / 0.55.
# - frozen11 (100 texts, 80 episodes, 26 new voices, 41 others named by first name only, 28 episodes with a bystander;
#   README_frozen_batches17.md), measured once before (926b60e, episodes 1.12.0 / people 1.5.0) and after (823eb35,
#   1.13.0 / 1.6.0) the eleventh round's merge: 0.175 / 0.20 / 0.20, 28 of 80 matched, 27 spurious ->
#   0.1875 / 0.20 / 0.2125, 29 matched, 27 spurious.
# name: (expected, matched at least, W, RO, RS at least, spurious at most)
FROZEN_FLOORS = {
    "vignettes_frozen5.jsonl": (99, 55, 0.39, 0.27, 0.40, 27),
    "vignettes_frozen6.jsonl": (105, 57, 0.43, 0.25, 0.31, 18),  # seen
    "vignettes_frozen7.jsonl": (
        103,
        63,
        0.36,
        0.31,
        0.36,
        17,
    ),  # seen; RO 0.31 -> 0.30 -> 0.31: "the inspector" (h137), who never acts, is no other again (h139)
    "vignettes_frozen8.jsonl": (100, 57, 0.35, 0.36, 0.39, 18),  # seen
    "vignettes_frozen9.jsonl": (80, 61, 0.56, 0.37, 0.63, 14),
    "vignettes_frozen10.jsonl": (80, 51, 0.3375, 0.30, 0.55, 10),  # seen
    "vignettes_frozen11.jsonl": (80, 29, 0.1875, 0.20, 0.2125, 27),
}


@pytest.mark.parametrize("name", sorted(FROZEN_FLOORS))
def test_episodes_a_frozen_batch_keeps_its_measured_figures(name: str) -> None:
    expected, matched, w, ro, rs, spurious = FROZEN_FLOORS[name]
    result = evaluate_episodes(FIXTURES / name)
    assert result["expected"] == expected
    assert result["matched"] >= matched
    assert all(
        result[k] >= floor
        for k, floor in zip(("w_accuracy", "ro_accuracy", "rs_accuracy"), (w, ro, rs), strict=True)
    )
    assert result["spurious"] <= spurious
