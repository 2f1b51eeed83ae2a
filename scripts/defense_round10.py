"""The tenth round's measurement for the defense head (docs/defenses.md, "Tenth round (d10)"), kept to rerun.

    PYTHONPATH=src .venv/bin/python scripts/defense_round10.py [--before FILE] [--level-floors F] [--keep DIR]

The ninth round's harness (``defense_round9.py``, which this replaces; it is in the history at 7e732cf) with the
tenth seen key file (``defense_key_frozen10.jsonl``), the shown-precision floors of
``test_seen_key_sets_do_not_regress`` as they stand after the ninth round, and the key files reported in two sums:
``read`` (frozen … frozen8, whose misses a round may read) and ``held`` (frozen9, frozen10: their texts are not read
in this round, only their figures). Three more conditions in the verdict: no key file shows more wrong levels than
before, held bank shown precision does not fall, and the held key files' right does not fall. The ninth round's
text follows.


The eighth round's harness (``defense_round8.py``, which this replaces; it is in the history at c81c42c) with the
ninth seen key file (``defense_key_frozen9.jsonl``) and the shown-precision floors of
``test_seen_key_sets_do_not_regress`` as they stand after the eighth round. The eighth round's text follows.


The seventh round's harness (``defense_round7.py``, which this replaces; it is in the history at 246d6fb) with the
eighth seen key file (``defense_key_frozen8.jsonl``), the shown-precision floors of
``test_seen_key_sets_do_not_regress`` as they stand after the seventh round, and ``--before FILE``: a
``{"baseline": …}`` line this script printed on the code before a change of cues, read as the baseline instead of
measuring the shipped head again (the head's features include the cue counts, so the shipped head measured on
changed cues is not the shipped analyzer). The seventh round's text follows.


The sixth round's harness (``defense_round6.py``, which this replaces) with the seventh seen key file and the lead's noise
rule (issue 13 §2, written before measuring). Trains the grown bank (``--bank``, default the shipped
``models/defenses/bank.jsonl``, plus ``scripts/defense_bank_round4.jsonl`` and ``scripts/defense_bank_round5.jsonl``
unless ``--bank-only``, plus every ``--extra`` file: candidate A is none, candidate B
``--extra scripts/defense_bank_round7.jsonl``) exactly as ``scripts/train_defenses.py --per-level`` does (per-level
bars each raised to a floor chosen on the held rows only) into a temporary folder, and prints, for that head and
for the head in ``--baseline`` (default: the one in ``models/defenses/``, i.e. the shipped head when run before
shipping): the held rows (all, and per round), every seen key file (``defense_key_frozen.jsonl`` …
``defense_key_frozen7.jsonl``), the low-mood check, the held-out vignette sentences, the dying entry's sentences
with and without the risk guard, and then the rule's verdict, condition by condition. Aggregates only: no sentence
is echoed. CPU, minutes.

The rule (ship bank + head + bars if all hold): held rows right >= the baseline's on the same rows and held shown
precision >= 0.80; the total right over the seven key files above the baseline's; no key file loses more than 2
right; every shown-precision floor of ``test_seen_key_sets_do_not_regress`` holds (frozen2/frozen3 may go to
>= 0.84); the low-mood check shows <= 2 levels; high-adaptive on the held-out vignette sentences <= 5 %; the dying
entry's first two sentences get no level. Nothing here chooses a bar, floor or row by a key file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis.defenses import HEAD_DIR, DefenseHead, load_head, risk_guarded_text  # noqa: E402
from reverie.analysis.evaluation import defense_bank as bank_mod  # noqa: E402
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402

SCRIPTS = ROOT / "scripts"
FIXTURES = ROOT / "tests" / "fixtures"
KEYS = ("", "2", "3", "4", "5", "6", "7", "8", "9", "10")
# Key files whose texts this round does not read (figures only), summed apart from the others.
HELD_KEYS = ("9", "10")
# The shown-precision floors of ``test_seen_key_sets_do_not_regress`` after the ninth round (strict ``>`` for the
# first three).
PRECISION_FLOORS: dict[str, tuple[float, bool]] = {
    "defense_key_frozen.jsonl": (0.9, True),
    "defense_key_frozen2.jsonl": (0.9, True),
    "defense_key_frozen3.jsonl": (0.9, True),
    "defense_key_frozen4.jsonl": (0.97, False),
    "defense_key_frozen5.jsonl": (0.96, False),
    "defense_key_frozen6.jsonl": (0.99, False),
    "defense_key_frozen7.jsonl": (0.99, False),
    "defense_key_frozen8.jsonl": (0.99, False),
    "defense_key_frozen9.jsonl": (0.99, False),
    "defense_key_frozen10.jsonl": (0.96, False),
}
MAX_LOSS_PER_FILE = 2
DYING = [
    "I don't want to be alive anymore.",
    "Everyone would be better off without me.",
    "I talked to my sister about it and it really helped.",
]


def _train_module() -> Any:
    spec = importlib.util.spec_from_file_location("train_defenses", SCRIPTS / "train_defenses.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _line(gold: list[int], predicted: list[int]) -> dict[str, Any]:
    fig = bank_mod.figures(gold, predicted)
    right = sum(a == b for a, b in zip(gold, predicted, strict=True))
    keep = ("shown", "shown_precision", "high_adaptive_share", "macro_f1_official")
    wrong_shown = sum(p != 0 and p != g for g, p in zip(gold, predicted, strict=True))
    return {"right": right, "n": len(gold), "wrong_shown": wrong_shown, **{k: fig[k] for k in keep}}


def _sum(lines: list[dict[str, Any]]) -> dict[str, Any]:
    right, n, shown, wrong = (sum(int(x[k]) for x in lines) for k in ("right", "n", "shown", "wrong_shown"))
    return {"right": right, "n": n, "shown": shown, "wrong_shown": wrong, "shown_right": shown - wrong}


def measure(
    head: DefenseHead, encoder: Any, bank: list[bank_mod.BankRow], groups: dict[str, set[str]]
) -> dict[str, Any]:
    held = [r for r in bank if r.split == "held"]
    predicted = bank_mod.head_levels([r.text for r in held], head, encoder)
    out: dict[str, Any] = {"level_thresholds": head.level_thresholds, "threshold": head.threshold}
    out["held_all"] = _line([r.level for r in held], predicted)
    for group, texts in groups.items():
        idx = [i for i, r in enumerate(held) if r.text in texts]
        if idx:
            out[f"held_{group}"] = _line([held[i].level for i in idx], [predicted[i] for i in idx])
    for suffix in KEYS:
        path = FIXTURES / f"defense_key_frozen{suffix}.jsonl"
        key = bank_mod.read_key(path)
        levels = bank_mod.head_levels([t for t, _ in key], head, encoder)
        gold = [lv for _, lv in key]
        out[path.name] = _line(gold, levels)
        out[path.name]["per_level_right"] = {
            str(g): f"{sum(a == b == g for a, b in zip(gold, levels, strict=True))}/{gold.count(g)}"
            for g in sorted(set(gold))
        }
    for part, suffixes in (("read", [k for k in KEYS if k not in HELD_KEYS]), ("held", list(HELD_KEYS))):
        out[f"key_{part}_sum"] = _sum([out[f"defense_key_frozen{k}.jsonl"] for k in suffixes])
    low = bank_mod.read_key(SCRIPTS / "defense_low_mood_check.jsonl")
    out["low_mood_check_shown"] = sum(
        lv != 0 for lv in bank_mod.head_levels([t for t, _ in low], head, encoder)
    )
    vignettes = bank_mod.journal_sentences(FIXTURES / "vignettes_holdout.jsonl")
    report = bank_mod.journal_report(vignettes, head, encoder)
    out["vignettes_holdout"] = {
        "sentences": report["sentences"],
        "shown": report["sentences"] - report["levels"]["0"],
        "high_adaptive_share": report["high_adaptive_share"],
    }
    out["dying_entry_levels"] = bank_mod.head_levels(DYING, head, encoder)
    vectors = encoder.encode(DYING)
    out["dying_entry_levels_without_guard"] = [
        int(
            bank_mod.decide(
                head.probabilities(t, vectors[i])[None, :], head.threshold, head.level_thresholds
            )[0]
        )
        for i, t in enumerate(DYING)
    ]
    return out


def per_floor(head: DefenseHead, encoder: Any, manifest: dict[str, Any]) -> dict[str, Any]:
    """Every key file's right / shown / shown precision at each floor tried: for the record only; the floor is
    chosen on the held rows (``train_defenses.train``), never by these."""
    raw = manifest.get("level_thresholds_before_floor")
    if not raw:
        return {}
    levels = [float(raw[str(level)]) for level in range(1, 8)]
    out: dict[str, Any] = {}
    for suffix in KEYS:
        path = FIXTURES / f"defense_key_frozen{suffix}.jsonl"
        key = bank_mod.read_key(path)
        texts, gold = [t for t, _ in key], [lv for _, lv in key]
        vectors = encoder.encode(texts)
        probs = np.stack([head.probabilities(t, vectors[i]) for i, t in enumerate(texts)])
        guarded = [risk_guarded_text(t) for t in texts]
        for floor in bank_mod.LEVEL_FLOORS:
            decided = bank_mod.decide(probs, 1.0, bank_mod.floored(levels, floor))
            predicted = [0 if off else lv for off, lv in zip(guarded, decided, strict=True)]
            fig = _line(gold, predicted)
            out.setdefault(path.name, {})[str(floor)] = [fig["right"], fig["shown"], fig["shown_precision"]]
    return out


def verdict(baseline: dict[str, Any], candidate: dict[str, Any]) -> dict[str, Any]:
    """The lead's noise rule, condition by condition (``ok`` and the figures each one read)."""
    names = [f"defense_key_frozen{suffix}.jsonl" for suffix in KEYS]
    held_b, held_c = baseline["held_all"], candidate["held_all"]
    total_b = sum(baseline[n]["right"] for n in names)
    total_c = sum(candidate[n]["right"] for n in names)
    losses = {n: baseline[n]["right"] - candidate[n]["right"] for n in names}
    held = [f"defense_key_frozen{suffix}.jsonl" for suffix in HELD_KEYS]

    def meets(name: str) -> bool:
        floor, strict = PRECISION_FLOORS[name]
        p = float(candidate[name]["shown_precision"])
        return p > floor if strict else p >= floor

    out: dict[str, Any] = {
        "held_right": {
            "ok": held_c["right"] >= held_b["right"],
            "baseline": held_b["right"],
            "candidate": held_c["right"],
        },
        "held_precision": {"ok": held_c["shown_precision"] >= 0.80, "candidate": held_c["shown_precision"]},
        "held_precision_not_lower": {
            "ok": held_c["shown_precision"] >= held_b["shown_precision"],
            "baseline": held_b["shown_precision"],
            "candidate": held_c["shown_precision"],
        },
        "no_file_adds_wrong_levels": {
            "ok": all(candidate[n].get("wrong_shown", 0) <= baseline[n].get("wrong_shown", 0) for n in names),
            "baseline": {n: baseline[n].get("wrong_shown") for n in names},
            "candidate": {n: candidate[n]["wrong_shown"] for n in names},
        },
        "held_keys_right_not_lower": {
            "ok": all(candidate[h]["right"] >= baseline[h]["right"] for h in held),
            "baseline": sum(baseline[h]["right"] for h in held),
            "candidate": sum(candidate[h]["right"] for h in held),
        },
        "key_total_rises": {"ok": total_c > total_b, "baseline": total_b, "candidate": total_c},
        "no_file_loses_more_than_2": {"ok": max(losses.values()) <= MAX_LOSS_PER_FILE, "losses": losses},
        "precision_floors": {
            "ok": all(meets(n) for n in names),
            "failing": [n for n in names if not meets(n)],
        },
        "low_mood_at_most_2": {
            "ok": candidate["low_mood_check_shown"] <= 2,
            "shown": candidate["low_mood_check_shown"],
        },
        "vignettes_high_adaptive_at_most_5pc": {
            "ok": candidate["vignettes_holdout"]["high_adaptive_share"] <= 0.05,
            "share": candidate["vignettes_holdout"]["high_adaptive_share"],
        },
        "dying_first_two_no_level": {
            "ok": candidate["dying_entry_levels"][:2] == [0, 0],
            "levels": candidate["dying_entry_levels"],
        },
    }
    out["ship"] = all(v["ok"] for v in out.values())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, default=HEAD_DIR)
    parser.add_argument("--bank", type=Path, default=bank_mod.BANK)
    parser.add_argument(
        "--bank-only",
        action="store_true",
        help="the bank without rounds 4 and 5 (--extra files are still added)",
    )
    parser.add_argument(
        "--extra", type=Path, action="append", default=[], help="another bank file added to the grown bank"
    )
    parser.add_argument("--keep", type=Path, help="keep the trained head (head.npz, manifest.json) here")
    parser.add_argument(
        "--level-floors",
        type=lambda text: tuple(float(v) for v in text.split(",") if v.strip()),
        default=bank_mod.LEVEL_FLOORS,
        help="the floors tried under the per-level bars, comma-separated (one value pins it)",
    )
    parser.add_argument(
        "--before", type=Path, help='a {"baseline": ...} line printed before the change, read as the baseline'
    )
    args = parser.parse_args()
    encoder = load_encoder()
    base_text = args.bank.read_text(encoding="utf-8")
    round4 = (SCRIPTS / "defense_bank_round4.jsonl").read_text(encoding="utf-8")
    round5 = (SCRIPTS / "defense_bank_round5.jsonl").read_text(encoding="utf-8")
    extras = [p.read_text(encoding="utf-8") for p in args.extra]
    added = "".join(extras) if args.bank_only else round4 + round5 + "".join(extras)
    # Rows already in the bank are not added again: after the grown bank ships (seventh round) the shipped bank
    # holds rounds 4 and 5, and a rerun compares the shipped head with itself rather than with a doubled bank.
    present = {json.loads(t)["text"] for t in base_text.splitlines() if t.strip()}
    grown_text = base_text + "".join(
        t + "\n" for t in added.splitlines() if t.strip() and json.loads(t)["text"] not in present
    )
    r4 = {json.loads(t)["text"] for t in round4.splitlines() if t.strip()}
    r5 = {json.loads(t)["text"] for t in round5.splitlines() if t.strip()}
    groups = {
        "first_three_rounds": {json.loads(t)["text"] for t in base_text.splitlines() if t.strip()} - r4 - r5,
        "round4": r4,
        "round5_despair": r5,
    }
    for path, text in zip(args.extra, extras, strict=True):
        groups[path.stem] = {json.loads(t)["text"] for t in text.splitlines() if t.strip()}
    baseline = load_head(args.baseline)
    assert baseline is not None, "no head in the baseline folder"
    with tempfile.TemporaryDirectory() as tmp:
        bank_path = Path(tmp) / "bank.jsonl"
        bank_path.write_text(grown_text, encoding="utf-8")
        bank = bank_mod.read_bank(bank_path)
        if args.before is not None:
            first = args.before.read_text(encoding="utf-8").splitlines()[0]
            measured_baseline = json.loads(first)["baseline"]
        else:
            measured_baseline = measure(baseline, encoder, bank, groups)
        print(json.dumps({"baseline": measured_baseline}), flush=True)
        manifest = _train_module().train(
            Path(tmp) / "head", encoder, bank_path=bank_path, per_level=True, level_floors=args.level_floors
        )
        head = load_head(Path(tmp) / "head")
        assert head is not None
        keep = ("bank_sha256", "rows", "threshold", "level_thresholds_before_floor", "level_floor_held")
        candidate = {k: manifest[k] for k in keep if k in manifest}
        candidate |= {"level_floor": manifest.get("level_floor"), "held_manifest": manifest["held"]}
        measured = measure(head, encoder, bank, groups)
        print(json.dumps({"candidate": candidate | measured}), flush=True)
        print(json.dumps({"key_files_per_floor_information_only": per_floor(head, encoder, manifest)}))
        print(json.dumps({"verdict": verdict(measured_baseline, measured)}), flush=True)
        if args.keep is not None:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("head.npz", "manifest.json"):
                (args.keep / name).write_bytes((Path(tmp) / "head" / name).read_bytes())


if __name__ == "__main__":
    main()
