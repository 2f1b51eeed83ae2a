"""The abstaining defense head: "no defense identified" by default, a level only when the head is sure enough."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from reverie.analysis import dmrs
from reverie.analysis.defenses import (
    HEAD_DIR,
    NO_DEFENSE_IDENTIFIED,
    DefenseAnalyzer,
    DefenseHead,
    Prototypes,
    classify_with_head,
    head_decision,
    load_head,
)
from reverie.analysis.document import Document, Sentence
from reverie.analysis.encoder import Encoder
from reverie.analysis.evaluation.defense_bank import (
    HEAD_STEPS,
    LEVEL_FLOORS,
    base_rate_weights,
    choose_level_floor,
    choose_level_thresholds,
    choose_threshold,
    figures,
    floored,
    key_report,
    macro_f1_official,
    read_bank,
)
from reverie.analysis.findings import Span


@pytest.fixture(scope="module")
def head() -> DefenseHead:
    loaded = load_head()
    assert loaded is not None, "the shipped head is missing: run scripts/train_defenses.py"
    return loaded


def test_head_decision_abstains_below_threshold_and_when_no_defense_is_likeliest() -> None:
    probs = np.array([0.1, 0, 0, 0, 0, 0, 0, 0.9, 0])
    assert head_decision(probs, 0.5) == 7
    assert head_decision(probs, 0.95) == dmrs.NO_DEFENSE
    assert head_decision(np.array([0.6, 0, 0, 0.4, 0, 0, 0, 0, 0]), 0.0) == dmrs.NO_DEFENSE
    assert head_decision(np.array([0.1, 0, 0, 0, 0, 0, 0, 0, 0.9]), 0.0) == dmrs.NO_DEFENSE


@pytest.mark.parametrize(
    "text",
    [
        "I woke up in tears again this morning.",  # cf. "humor" on "I was crying when I woke up" before
        "The train was late this morning.",
        "Mum rang and we talked about her new job.",
    ],
)
def test_plain_journal_sentences_get_no_defense(text: str, head: DefenseHead, encoder: Encoder) -> None:
    call = classify_with_head(text, encoder.encode([text])[0], head, None)
    assert call is not None and call.level == dmrs.NO_DEFENSE and call.abstained


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("I'm useless, I can't do anything right and everybody can see it.", 4),
        ("When my boss shouted at me I went home and yelled at my kids instead.", 5),
        ("Honestly I just want to scream at everyone and break something.", 1),
        ("I talked to my sister about it and it really helped.", 7),
    ],
)
def test_clear_defenses_are_shown(text: str, level: int, head: DefenseHead, encoder: Encoder) -> None:
    call = classify_with_head(text, encoder.encode([text])[0], head, None)
    assert call is not None and call.level == level and not call.abstained


def test_per_level_thresholds_decide_each_level_by_its_own_bar() -> None:
    probs = np.array([0.2, 0, 0, 0.3, 0, 0, 0, 0.25, 0.25])
    levels = (0.95, 0.95, 0.25, 0.95, 0.95, 0.95, 0.95)  # level 3's bar is low, the others high
    assert head_decision(probs, 0.4) == dmrs.NO_DEFENSE  # one threshold: under it
    assert head_decision(probs, 0.4, levels) == 3
    near_miss = (0.25, 0.25, 0.35, 0.25, 0.25, 0.25, 0.25)  # level 3's own bar is above its probability
    assert head_decision(probs, 0.0, near_miss) == dmrs.NO_DEFENSE
    assert head_decision(np.array([0.4, 0, 0, 0.3, 0, 0, 0, 0.3, 0]), 0.0, (0.0,) * 7) == dmrs.NO_DEFENSE


def test_level_thresholds_follow_the_rule_per_level() -> None:
    """Level 3: the sure ones right, the unsure ones no-defense rows → its bar sits above the unsure ones;
    level 5 is always right → the lowest bar; a level that is never the most likely keeps the highest."""
    gold = [3] * 6 + [0] * 6 + [5] * 6
    probs = np.zeros((18, 9))
    for i in range(6):
        probs[i, 3] = 0.9
        probs[6 + i, 3], probs[6 + i, 0] = 0.45, 0.40
        probs[12 + i, 5] = 0.3
    levels = choose_level_thresholds(gold, probs)
    assert levels[2] == pytest.approx(0.475)
    assert levels[4] == pytest.approx(0.0)
    assert levels[0] == levels[6] == pytest.approx(0.95)


def test_a_floor_raises_every_per_level_bar_under_it() -> None:
    assert floored((0.55, 0.0, 0.425, 0.225, 0.4, 0.35, 0.35), 0.4) == (0.55, 0.4, 0.425, 0.4, 0.4, 0.4, 0.4)
    assert floored((0.1,) * 7, 0.0) == (0.1,) * 7


def test_the_floor_is_chosen_on_held_rows_most_right_at_precision_080_ties_to_the_higher() -> None:
    """Level 3's own bar is 0.0. At floor 0.30 the six rows at 0.32 are shown (three right, three no-defense
    rows wrong): precision 9/12 < 0.8, so 0.30 is out; 0.35, 0.40 and 0.45 show the six sure rows only (all
    right; the three no-defense rows are now right, the three level-3 rows at 0.32 missed): 9 right each, and
    the tie goes to the highest, 0.45."""
    gold = [3] * 6 + [3] * 3 + [0] * 3
    probs = np.zeros((12, 9))
    probs[:6, 3] = 0.9
    probs[6:, 3], probs[6:, 0] = 0.32, 0.30
    levels = (0.95, 0.95, 0.0, 0.95, 0.95, 0.95, 0.95)
    floor, met, table = choose_level_floor(gold, probs, levels)
    assert met and floor == pytest.approx(0.45)
    assert [row["right"] for row in table] == [9, 9, 9, 9]
    assert table[0]["shown_precision"] == pytest.approx(0.75)
    # the guarded rows (the risk guard's) are never shown: with the three wrong ones guarded, 0.30 wins
    guarded = [False] * 9 + [True] * 3
    floor, met, _ = choose_level_floor(gold, probs, levels, guarded)
    assert met and floor == pytest.approx(0.30)
    # no floor reaches the precision: the highest floor, and said so
    floor, met, _ = choose_level_floor([0] * 12, probs, levels)
    assert not met and floor == pytest.approx(max(LEVEL_FLOORS))


def test_no_shipped_per_level_bar_is_under_the_floor() -> None:
    """A per-level bar of 0.0 (level 2 on the grown bank, fifth round) would show that level however unsure the
    head is: every shipped per-level bar is at least the manifest's floor, itself one of ``LEVEL_FLOORS``."""
    meta = json.loads((HEAD_DIR / "manifest.json").read_text(encoding="utf-8"))
    bars = meta.get("level_thresholds")
    if bars is None:  # one shared threshold (the head as shipped since the third round)
        assert meta["threshold"] >= min(LEVEL_FLOORS)
        return
    assert meta["level_floor"] in LEVEL_FLOORS
    assert all(float(bars[str(level)]) >= meta["level_floor"] for level in range(1, 8))
    head = load_head()
    assert head is not None and head.level_thresholds is not None
    assert min(head.level_thresholds) >= min(LEVEL_FLOORS)


def test_a_manifest_with_level_thresholds_is_read_and_changes_the_digest(tmp_path: Path) -> None:
    (tmp_path / "head.npz").write_bytes((HEAD_DIR / "head.npz").read_bytes())
    meta = json.loads((HEAD_DIR / "manifest.json").read_text(encoding="utf-8"))
    # the shipped head has per-level bars since the seventh round: the plain copy has one threshold only
    meta.pop("level_thresholds", None)
    (tmp_path / "manifest.json").write_text(json.dumps(meta), encoding="utf-8")
    plain = load_head(tmp_path)
    meta["level_thresholds"] = {str(level): 0.3 for level in range(1, 8)}
    (tmp_path / "manifest.json").write_text(json.dumps(meta), encoding="utf-8")
    per_level = load_head(tmp_path)
    assert plain is not None and plain.level_thresholds is None
    assert per_level is not None and per_level.level_thresholds == (0.3,) * 7
    assert per_level.digest != plain.digest


def test_head_does_not_run_on_embeddings_of_another_dimension(head: DefenseHead) -> None:
    assert classify_with_head("Hello", np.ones(8, dtype=np.float32), head, None) is None
    assert classify_with_head("Hello", None, head, None) is None


def test_analyzer_marks_abstentions(head: DefenseHead, encoder: Encoder, prototypes: Prototypes) -> None:
    text = "The train was late this morning.|I'm so stupid and useless, I ruin everything I touch."
    sentences, start = [], 0
    for i, piece in enumerate(text.split("|")):
        begin = text.index(piece, start)
        sentences.append(Sentence(i, Span(begin, begin + len(piece)), piece))
        start = begin + len(piece)
    doc = Document(text=text, kind="free_association", sentences=sentences)
    doc.embeddings = encoder.encode([s.text for s in sentences])
    found = [f for f in DefenseAnalyzer(prototypes, head).run(doc) if f.kind == "defense"]
    assert found[0].label == NO_DEFENSE_IDENTIFIED and found[0].data["abstained"] is True
    assert found[1].data["level"] == 4 and found[1].data["abstained"] is False


def test_macro_f1_official_averages_levels_one_to_eight() -> None:
    gold = [0, 1, 1, 7, 7, 8]
    pred = [1, 1, 0, 7, 7, 0]
    # level 1: tp 1, fp 1, fn 1 → 0.5; level 7: 1.0; level 8: 0; levels 2–6: absent → 0
    assert macro_f1_official(gold, pred) == pytest.approx((0.5 + 1.0) / 8)
    fig = figures(gold, pred)
    assert fig["abstention_rate"] == pytest.approx(2 / 6, abs=1e-4)
    assert fig["high_adaptive_share"] == pytest.approx(2 / 6, abs=1e-4)


def test_threshold_is_the_lowest_that_makes_shown_levels_more_right_than_wrong() -> None:
    gold = [3] * 6 + [0] * 6
    probs = np.zeros((12, 9))
    for i in range(6):  # the sure ones are right, the unsure ones are no-defense rows
        probs[i, 3] = 0.9
        probs[6 + i, 3], probs[6 + i, 0] = 0.45, 0.40
    assert choose_threshold(gold, probs) == pytest.approx(0.475)
    assert base_rate_weights([0, 0, 3, 3, 3, 3])[0] == pytest.approx(0.6 * 4 / (0.4 * 2))


def test_shipped_bank_and_head_manifest() -> None:
    bank = read_bank()
    assert len(bank) >= 150
    assert {r.level for r in bank} == set(range(9))
    held = [r for r in bank if r.split == "held"]
    assert 0.15 < len(held) / len(bank) < 0.35
    manifest = json.loads((HEAD_DIR / "manifest.json").read_text(encoding="utf-8"))
    assert "PsyDefConv is never used" in manifest["licence"]
    assert manifest["held"]["shown_precision"] > 0.5  # shown levels more likely right than wrong
    assert manifest["held"]["shown_precision_at_journal_base_rate"] > 0.5
    assert manifest["journal"]["high_adaptive_share"] <= 0.40
    assert manifest["steps"] == HEAD_STEPS


def test_every_defense_has_ten_bank_sentences_and_no_defense_many_more() -> None:
    """The third round (2026-12-02) grew every defense to ≥ 10 sentences (nine had 5) and added
    look-alike sentences with no defense ("We threw Grandma a surprise party", "I told my boss I'd be late")."""
    bank = read_bank()
    per_defense = Counter(r.defense for r in bank if 1 <= r.level <= 7)
    assert {d.key for d in dmrs.DEFENSES} == set(per_defense)
    assert min(per_defense.values()) >= 10
    assert sum(r.level == 0 for r in bank) >= 120
    assert len({r.text for r in bank}) == len(bank)  # no sentence twice


def test_seen_key_sets_do_not_regress(head: DefenseHead, encoder: Encoder) -> None:
    """The seven seen key sets, with the head shipped on 2026-12-03 (seventh round, analyzer 2.4.0: the grown
    872-row bank, per-level bars floored at 0.40; docs/defenses.md, "Seventh round"): 9 of 10, 17 of 34, 24 of 49,
    21 of 54, 23 of 55, 22 of 55, 23 of 55 right (the third-round head before: 8, 19, 24, 19, 22, 23, 22; 137 in
    all → 139). Floors that rose were raised; the two that fell by ≤ 2 (frozen2, frozen6) moved under the lead's
    noise rule, d7, 2026-12-03."""
    fixtures = Path(__file__).parents[1] / "fixtures"
    # Eighth round (d8, analyzer 2.5.0: the recurring constructions as cues, the head retrained on the same bank,
    # floor pinned at 0.40; docs/defenses.md, "Eighth round (d8)"): 10, 28, 37, 41, 32, 31, 41, 39 right (162 ->
    # 259 over the eight files); floors raised to these, seen (the cues were written after reading these files'
    # misses, so these are in-sample figures, not a clean check)
    # frozen (10) was 8 of 10 with the third-round head; 9 now, shown levels right 100 %
    # frozen2 (34): 19 → 17 right (the lead's noise rule, d7, 2026-12-03), shown levels right 92.3 → 90.9 %
    # frozen3 (49; its errors were studied in the third round): 24 → 24 right, shown levels right 100 %
    # Ninth round (d9, analyzer 2.6.0: the constructions the nine seen files still missed as cues, the head retrained
    # on the same bank, floor pinned at 0.40; docs/defenses.md, "Ninth round (d9)"): 10, 32, 42, 47, 43, 49, 51, 52,
    # 51 right (289 -> 377 over the nine files); floors raised to these, seen (in-sample: the cues were written after
    # reading these files' misses). Tenth round (d10, analyzer 2.7.0: four cues for constructions the eight read files
    # still missed, the risk denied guarded; frozen9 and frozen10 held, not read): 10, 32, 44, 49, 46, 49, 53, 54 right
    # on the read files (326 -> 337), 51 and 36 on the held ones (unchanged)
    floors = {
        "defense_key_frozen.jsonl": 10,
        "defense_key_frozen2.jsonl": 32,
        "defense_key_frozen3.jsonl": 44,  # tenth round (d10, 2.7.0): 42 -> 44
    }
    for name, floor in floors.items():
        report = key_report(fixtures / name, head, encoder)
        assert report["right"] >= floor, name
        assert report["shown_precision"] > 0.9, name
    # frozen4 (54 sentences, README_frozen_batches6.md): measured once, unseen, with the third-round head: 19 of 54
    # right, 10 shown, 7 of them right; seen since. Seventh round: 21 right, 12 shown, 9 of them right (75 %)
    report = key_report(fixtures / "defense_key_frozen4.jsonl", head, encoder)
    # eighth round: 41 right, 31 shown, 29 of them right (93.5 %); seen
    # ninth round: 47 right, 36 shown, 35 of them right (97.2 %); tenth (2.7.0): 49 right, 38 shown, 37 right (97.4 %)
    assert report["right"] >= 49 and report["shown_precision"] >= 0.97
    # frozen5 (55 sentences, README_frozen_batches7.md): measured once, unseen: 22 of 55 right, 13 shown, 10 of them
    # right; seen since. Seventh round: 23 right, 13 shown, 11 of them right (84.6 %)
    report = key_report(fixtures / "defense_key_frozen5.jsonl", head, encoder)
    # eighth round: 32 right, 22 shown, 20 of them right (90.9 %); seen
    # ninth round: 43 right, 32 shown, 31 of them right (96.9 %); tenth (2.7.0): 46 right, 35 shown, 34 right (97.1 %)
    assert report["right"] >= 46 and report["shown_precision"] >= 0.97
    # frozen6 (55 sentences, README_frozen_batches8.md): measured once, unseen (analyzer 2.3.0, the risk guard; the
    # same figures as 2.2.0): 23 of 55 right, 13 shown, 11 of them right; seen since. Seventh round: 22 right (the
    # lead's noise rule, d7, 2026-12-03), 11 shown, 10 of them right (90.9 %)
    report = key_report(fixtures / "defense_key_frozen6.jsonl", head, encoder)
    # eighth round: 31 right, 19 shown, all 19 right; seen. Ninth round: 49 right, 37 shown, all right
    assert report["right"] >= 49 and report["shown_precision"] >= 0.99
    # frozen7 (55 sentences, README_frozen_batches9.md): measured once, unseen, at the start and the end of the tenth
    # round (analyzer 2.3.0 both times): 22 of 55 right, 10 shown, all 10 right; seen since. Seventh round of the
    # defense head: 23 right, 11 shown, all 11 right
    report = key_report(fixtures / "defense_key_frozen7.jsonl", head, encoder)
    # eighth round: 41 right, 29 shown, all 29 right; seen. Ninth round: 51 right, 39 shown, all right. Tenth (2.7.0):
    # 53 right, 41 shown, all right
    assert report["right"] >= 53 and report["shown_precision"] >= 0.99
    # frozen8 (55 sentences, README_frozen_batches12d.md): measured once, unseen, at the start (analyzer 2.3.0: 20
    # right, 11 shown, 8 of them right) and the end (2.4.0: 23 right, 13 shown, 11 of them right, macro_f1_official
    # 0.309) of the session's rounds; seen since
    # eighth round (2.5.0): 39 right, 27 shown, all 27 right; ninth (2.6.0): 52 right, 40 shown, all right; tenth
    # (2.7.0): 54 right, 42 shown, all right
    report = key_report(fixtures / "defense_key_frozen8.jsonl", head, encoder)
    assert report["right"] >= 54 and report["shown_precision"] >= 0.99
    # frozen9 (55 sentences, README_frozen_batches14d.md): measured once, unseen, before the eighth round's merge
    # (analyzer 2.4.0: 26 right, 14 shown, all right, macro_f1_official 0.425) and after it (2.5.0: 30 right, 18
    # shown, all right, 0.505); seen since. Ninth round (2.6.0, its misses read for the cues): 51 right, 39 shown,
    # all right, 0.825
    report = key_report(fixtures / "defense_key_frozen9.jsonl", head, encoder)
    assert report["right"] >= 51 and report["shown_precision"] >= 0.99
    # frozen10 (55 sentences, README_frozen_batches15.md): measured once, unseen, before the ninth round's merge
    # (analyzer 2.5.0: 35 right, 25 shown, 24 of them right, macro_f1_official 0.599) and after it (2.6.0: 36 right,
    # 26 shown, 25 of them right, 0.613); seen since
    report = key_report(fixtures / "defense_key_frozen10.jsonl", head, encoder)
    assert report["right"] >= 36 and report["shown_precision"] >= 0.96
    # frozen11 (55 sentences, README_frozen_batches17d.md): measured once, unseen, before the tenth round's merge
    # (analyzer 2.6.0) and after it (2.7.0), the same both times: 22 right, 13 shown, 10 of them right,
    # macro_f1_official 0.305; seen since
    report = key_report(fixtures / "defense_key_frozen11.jsonl", head, encoder)
    assert report["right"] >= 22 and report["shown_precision"] >= 0.76


def test_train_defenses_writes_a_local_model_in_the_data_folder(cli: Any, tmp_path: Path) -> None:
    rows = [
        {"current_text": "Hello there!", "label": 0},
        {"current_text": "It's all their fault, not mine.", "label": 3},
        {"current_text": "I talked to my sister and it really helped.", "label": 7},
    ] * 4
    path = tmp_path / "mine.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    # one repeat of the cross-validation (the default, 5, takes 20-45 s of CPU even on these 12 rows)
    _, out, _ = cli("train", "defenses", "--psydefconv", str(path), "--cv-repeats", "1")
    report = json.loads(out.splitlines()[-1])
    model = Path(report["model"])
    assert model.is_file() and cli.data_dir in model.parents
    assert report["n"] == 12
    assert len(report["macro_f1_official_runs"]) == 1
    assert report["bank_weight"] == 0.25  # 1.0 pulled the model down once the bank doubled (docs/defenses.md)
    code, _, err = cli("train", "defenses", "--psydefconv", str(path), "--cv-repeats", "0", check=False)
    assert code != 0 and "--cv-repeats takes a whole number from 1 to 20" in err and "unexpected" not in err


def test_frozen_key_sentences_at_least_six_of_ten(head: DefenseHead, encoder: Encoder) -> None:
    """10 key sentences written before any run (tests/fixtures/defense_key_frozen.jsonl): measured 8 of 10."""
    path = Path(__file__).parents[1] / "fixtures" / "defense_key_frozen.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    vectors = encoder.encode([r["text"] for r in rows])
    right = 0
    for i, row in enumerate(rows):
        call = classify_with_head(row["text"], vectors[i], head, None)
        right += call is not None and call.level == row["level"]
    assert right >= 6


def test_defense_head_reads_the_fired_cues_it_is_given_and_scans_no_text() -> None:
    from reverie.analysis.defenses import CUES, LABELS, cue_levels, fired_cues, head_features

    text = "I just laughed it off, it doesn't matter anyway."
    fired = fired_cues(text)
    embedding = np.zeros(3, dtype=np.float32)
    features = head_features(embedding, fired)
    assert features[3:-1].tolist() == cue_levels(text).tolist()  # the counts a second scan of the text gives
    assert head_features(embedding, CUES[:2])[3:-1].sum() == 2  # the cues given are the cues fired
    weights = np.arange((3 + len(LABELS) + 1) * len(LABELS), dtype=np.float32).reshape(-1, len(LABELS)) / 100
    z = (features @ weights).astype(np.float64)
    expected = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    assert np.array_equal(DefenseHead(weights, 0.5, "test", "test").probabilities(embedding, fired), expected)
