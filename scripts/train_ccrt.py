"""Train the learned W / RO / RS coder (``models/ccrt/``) on Reverie's own hand-coded vignettes, reproducibly.

    .venv/bin/python scripts/train_ccrt.py [--cache /tmp/ccrt-vectors.npz] [--report-only]

Data: every vignette batch the project may train on, one group per file: ``vignettes.jsonl``,
``vignettes_holdout.jsonl``, ``vignettes_frozen.jsonl``, ``vignettes_frozen2.jsonl``, ``vignettes_frozen3.jsonl``,
``vignettes_frozen4.jsonl`` (a newer frozen batch, kept outside the repository, is never read here: it judges the
result). The rules (``episodes.drafts``, on ``episodes.reading`` of each text) find and code the episodes; each found episode aligned with an expected one (by ``other``,
as the evaluation aligns them) is a training row with its features (``ccrt_learned.features``: sentence vectors).

Hyper-parameters (the L2 penalty, and per component the thresholds ``replace``, ``keep`` and ``fill``) are
chosen by cross-validation **grouped by batch**: train on five files, score the sixth, for each of the six.
A setting is allowed only when, pooled over the held-out frozen batches (the rules were tuned on the other two),
the shown codes of the component are right more than half the time (``POOLED``; before episodes 1.4.0 every
kind of shown code, rules kept, learned replacement, learned fill, had to be on its own). Among the allowed, the
most accurate wins (the evaluation's accuracy: an open component counts as wrong where a cluster was expected).
The honest per-batch figure is **nested**: for each held-out batch, the setting is chosen on the other five
alone (grouped CV among them), then trained on them and scored on the held-out batch once. The nested codes
also measure repeated patterns (``repeated_patterns``: synthetic histories drawn from one batch), which decide
which responses of others the Patterns page may word (``insights.ccrt.RO_WORDED``). Prints the report as JSON;
writes the head unless ``--report-only``. CPU, about ten minutes on a loaded 2-core machine (the sentence vectors
can be cached with ``--cache``).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis import ccrt_learned, episodes  # noqa: E402
from reverie.analysis.ccrt import COMPONENTS, EpisodeCode, PrototypeCoder  # noqa: E402
from reverie.analysis.document import prepare  # noqa: E402
from reverie.analysis.evaluation.episodes import align, read_vignettes  # noqa: E402
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
FILES = (
    "vignettes.jsonl",
    "vignettes_holdout.jsonl",
    "vignettes_frozen.jsonl",
    "vignettes_frozen2.jsonl",
    "vignettes_frozen3.jsonl",
    "vignettes_frozen4.jsonl",
)
L2 = (1e-3, 3e-3, 1e-2)  # 3e-2 never chosen in 1.3.0-1.5.0; 1e-3 since 1.6.0 (the acts parts want less)
REPLACE = (0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
KEEP = (0.0, 0.1, 0.2, 0.3)
FILL = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 1.01)
MIN_SHOWN = 10
UNSEEN_BY_RULES = (
    "vignettes_frozen.jsonl",
    "vignettes_frozen2.jsonl",
    "vignettes_frozen3.jsonl",
    "vignettes_frozen4.jsonl",
)  # the rules were never tuned on these item by item (frozen3 and frozen4: only after their one measurement)
PROTOTYPES = True  # the nearest prototypes (on the sentence vectors) fill what the lexicons leave open
ACTS = True  # the sentences of the other's acts and of the writer's responses as two more parts (since 1.6.0:
# with L2 1e-3 they gain RO on the frozen folds; in 1.3.0, with L2 from 3e-3 and for every component, no gain)
ACTS_FOR = ("ro",)  # the components whose head reads the acts parts; the others' weights there are zero
STACKED = False  # the rules' codes as features: grouped CV found no gain (docs/ccrt.md)
MIN_RIGHT = 0.5
PATTERN_SIZE, PATTERN_HISTORIES, PATTERN_SEED = 24, 200, 13  # synthetic histories for repeated patterns
POOLED = True  # the bar is on all shown codes of a component together (per kind of code: episodes 1.3.0)


@dataclass
class Item:
    """One found episode: its features, the rules' codes and flags, and the expected codes if aligned."""

    group: int
    x: np.ndarray
    rules: dict[str, int | None]
    response: bool
    felt: bool
    expected: dict[str, int | None] | None
    row: int = 0  # the vignette's line in its file (from 0), for the per-text diagnostics
    role: str = ""  # the other the rules found


def expected_codes(row: dict[str, Any]) -> list[EpisodeCode]:
    """A vignette's hand-coded episodes."""
    return [EpisodeCode(str(e["other"]), e.get("w"), e.get("ro"), e.get("rs")) for e in row["episodes"]]


def aligned_drafts(
    doc: Any, coder: PrototypeCoder | None, vectors: np.ndarray | None, expected: list[EpisodeCode]
) -> tuple[list[Any], list[EpisodeCode], dict[int, EpisodeCode]]:
    """The rules' drafts of ``doc`` as the pipeline makes them, their codes, and for each code aligned with a
    hand-coded episode that episode (keyed by the code's ``id``)."""
    found = episodes.drafts(doc, coder, vectors)
    codes = [
        EpisodeCode(d.episode.role, *(d.codes[c].cluster if d.codes[c] else None for c in COMPONENTS))
        for d in found
    ]
    return found, codes, {id(f): e for e, f in align(expected, codes)}


def collect(cache: Path | None, prototypes: bool = PROTOTYPES) -> tuple[list[Item], np.ndarray]:
    """Every found episode of every file, and the number of expected episodes per file. The rules run as in the
    pipeline: on the document with its sentence vectors, the nearest prototypes filling gaps if ``prototypes``."""
    encoder = load_encoder()
    coder = PrototypeCoder(encoder) if prototypes else None
    table: dict[str, np.ndarray] = {}
    if cache is not None and cache.is_file():
        with np.load(cache) as data:
            table = dict(zip(data["texts"].tolist(), data["vectors"], strict=True))
    items: list[Item] = []
    expected_counts = np.zeros(len(FILES), dtype=int)
    for group, name in enumerate(FILES):
        for line, row in enumerate(read_vignettes(FIXTURES / name)):
            doc, _ = episodes.reading(prepare(row["text"], row["kind"]))
            texts = [s.text for s in doc.sentences]
            missing = [t for t in dict.fromkeys(texts) if t not in table]
            if missing:
                table.update(zip(missing, encoder.encode(missing), strict=True))
            expected = expected_codes(row)
            expected_counts[group] += len(expected)
            vectors_of_doc = np.stack([table[t] for t in texts]) if texts else None
            found, codes, pairs = aligned_drafts(doc, coder, vectors_of_doc, expected)
            for draft, code in zip(found, codes, strict=True):
                vectors = np.stack([table[texts[i]] for i in draft.sentences])
                rules = {c: code.get(c) for c in COMPONENTS}
                exp = pairs.get(id(code))
                items.append(
                    Item(
                        group,
                        ccrt_learned.features(
                            [texts[i] for i in draft.sentences],
                            vectors,
                            rules if STACKED else None,
                            episodes._relative_acts(draft) if ACTS else None,
                        ),
                        rules,
                        draft.response,
                        draft.felt,
                        {c: exp.get(c) for c in COMPONENTS} if exp is not None else None,
                        line,
                        draft.episode.role,
                    )
                )
    if cache is not None:
        keys = sorted(table)
        np.savez(cache, texts=np.array(keys), vectors=np.stack([table[k] for k in keys]))
    return items, expected_counts


_HEADS: dict[tuple[frozenset[int], str, float], np.ndarray] = {}


def out_of_group(items: list[Item], groups: list[int], component: str, l2: float) -> dict[int, np.ndarray]:
    """Probabilities of each item of ``groups``, from a head trained on the other groups of ``groups``."""
    out: dict[int, np.ndarray] = {}
    for held in groups:
        head = train(items, [g for g in groups if g != held], component, l2)
        for index, it in enumerate(items):
            if it.group == held:
                out[index] = ccrt_learned.softmax((it.x @ head).astype(np.float64))
    return out


def _label(item: Item, component: str) -> int:
    return int((item.expected or {}).get(component) or 0)


def tally(
    items: list[Item], probs: dict[int, np.ndarray], component: str, t: ccrt_learned.Thresholds
) -> dict[str, Any]:
    """Right codes per group and, per kind of shown code, how many were shown and how many were right (the
    vectorised form of ``ccrt_learned.decide_one``, which ``test_ccrt_learned`` checks against it)."""
    a = _arrays(items, probs, component)
    rules, best, p, p_rules = a["rules"], a["best"], a["p"], a["p_rules"]
    locked = (rules > 0) & a["felt"] if component == "rs" else np.zeros_like(a["felt"])
    replaced = (rules > 0) & ~locked & (best != rules) & (p >= t.replace)
    kept = (rules > 0) & ~replaced & (locked | (p_rules >= t.keep))
    filled = (rules == 0) & (p >= t.fill) & (a["response"] if component == "ro" else True)
    shown = np.where(replaced | filled, best, np.where(kept, rules, 0))
    ok = (shown == a["truth"]) & a["matched"]
    right = {int(g): int(ok[a["group"] == g].sum()) for g in np.unique(a["group"])}
    judged = np.isin(a["group"], [FILES.index(name) for name in UNSEEN_BY_RULES])
    masks = (("kept", kept), ("replaced", replaced), ("filled", filled))
    kinds = {name: [int(mask.sum()), int((mask & ok).sum())] for name, mask in masks}
    unseen = {name: [int((mask & judged).sum()), int((mask & ok & judged).sum())] for name, mask in masks}
    return {
        "right": right,
        "kinds": kinds,
        "unseen": unseen,
        "shown": int((shown > 0).sum()),
        "shown_at": dict(zip(a["index"].tolist(), shown.tolist(), strict=True)),
    }


_ARRAYS: dict[tuple[int, str], dict[str, np.ndarray]] = {}


def _arrays(items: list[Item], probs: dict[int, np.ndarray], component: str) -> dict[str, np.ndarray]:
    key = (id(probs), component)
    if key not in _ARRAYS:
        index = sorted(probs)
        matrix = np.stack([probs[i] for i in index])
        chosen = [items[i] for i in index]
        rules = np.array([it.rules[component] or 0 for it in chosen])
        _ARRAYS[key] = {
            "rules": rules,
            "best": matrix.argmax(axis=1) + 1,
            "p": matrix.max(axis=1),
            "p_rules": np.where(rules > 0, matrix[np.arange(len(index)), np.maximum(rules, 1) - 1], 0.0),
            "felt": np.array([it.felt for it in chosen]),
            "response": np.array([it.response for it in chosen]),
            "truth": np.array([_label(it, component) for it in chosen]),
            "matched": np.array([it.expected is not None for it in chosen]),
            "group": np.array([it.group for it in chosen]),
            "index": np.array(index),
            "_keep": probs,  # type: ignore[dict-item]
        }
    return _ARRAYS[key]


def allowed(result: dict[str, Any], pooled: bool | None = None) -> bool:
    """A shown code is right more than half the time on the held-out batches the rules were never tuned on (on
    the tuning batches the rules are right by construction), or on all when none is held out: pooled over the
    kinds of shown code (``POOLED``, since episodes 1.4.0: what a reader sees is one code, whatever its kind),
    or for every kind (rules kept, learned replacement, learned fill) on its own (episodes 1.3.0)."""
    kinds = result["unseen"] if any(n for n, _ in result["unseen"].values()) else result["kinds"]
    if POOLED if pooled is None else pooled:
        shown = sum(n for n, _ in kinds.values())
        return shown < MIN_SHOWN or sum(ok for _, ok in kinds.values()) / shown > MIN_RIGHT
    return all(n < MIN_SHOWN or ok / n > MIN_RIGHT for n, ok in kinds.values())


def choose(
    items: list[Item], groups: list[int], counts: np.ndarray, component: str
) -> tuple[float, ccrt_learned.Thresholds, dict[str, Any]]:
    """The most accurate allowed setting under grouped CV over ``groups``."""
    best: tuple[float, float, ccrt_learned.Thresholds, dict[str, Any]] | None = None
    total = int(sum(counts[g] for g in groups))
    for l2 in L2:
        probs = out_of_group(items, groups, component, l2)
        for replace, keep, fill in itertools.product(REPLACE, KEEP, FILL):
            t = ccrt_learned.Thresholds(replace, keep, fill)
            result = tally(items, probs, component, t)
            if not allowed(result):
                continue
            accuracy = sum(result["right"].values()) / total
            if best is None or accuracy > best[0] + 1e-9:
                best = (accuracy, l2, t, result)
    assert best is not None, "no allowed setting"
    return best[1], best[2], best[3]


def train(items: list[Item], groups: list[int], component: str, l2: float) -> np.ndarray:
    """A head trained on the aligned episodes of ``groups`` (memoised: the CV reuses the same training sets)."""
    key = (frozenset(groups), component, l2)
    if key not in _HEADS:
        rows = [it for it in items if it.group in groups and _label(it, component)]
        x = np.stack([it.x for it in rows])
        if ACTS and component not in ACTS_FOR:  # zero inputs: their weights stay exactly zero (only L2 acts)
            x[:, 3 * ccrt_learned.DIM : 5 * ccrt_learned.DIM] = 0.0
        _HEADS[key] = ccrt_learned.fit(x, [_label(it, component) for it in rows], l2=l2)
    return _HEADS[key]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=None, help="npz file for the sentence vectors")
    parser.add_argument("--report-only", action="store_true", help="print the figures, write no head")
    args = parser.parse_args()
    items, counts = collect(args.cache)
    report, weights, thresholds = cross_validate(items, counts)
    print(json.dumps(report, indent=1))
    if args.report_only:
        return
    write_head(items, report, weights, thresholds)


def cross_validate(
    items: list[Item], counts: np.ndarray
) -> tuple[dict[str, Any], dict[str, np.ndarray], dict[str, dict[str, float]]]:
    """Nested grouped CV per held-out batch, then the setting chosen on all six batches and its head."""
    everything = list(range(len(FILES)))
    report: dict[str, Any] = {"files": list(FILES), "expected": counts.tolist(), "found": len(items)}
    nested: dict[str, dict[str, Any]] = {name: {} for name in FILES}
    weights, thresholds, chosen = {}, {}, {}
    shown_nested: dict[str, dict[int, int]] = {c: {} for c in COMPONENTS}
    for component in COMPONENTS:
        rules_right = dict.fromkeys(everything, 0)
        for it in items:
            if it.expected is not None and it.expected.get(component) == it.rules[component]:
                rules_right[it.group] += 1
        for held in everything:
            rest = [g for g in everything if g != held]
            l2, t, _ = choose(items, rest, counts, component)
            head = train(items, rest, component, l2)
            probs = {
                i: ccrt_learned.softmax((it.x @ head).astype(np.float64))
                for i, it in enumerate(items)
                if it.group == held
            }
            result = tally(items, probs, component, t)
            shown_nested[component].update(result["shown_at"])
            found = [it for it in items if it.group == held]
            on_matched = [(i, k) for i, k in result["shown_at"].items() if k and items[i].expected]
            nested[FILES[held]][component] = {
                "accuracy": round(result["right"].get(held, 0) / counts[held], 4),
                "rules_alone": round(rules_right[held] / counts[held], 4),
                "coverage": round(result["shown"] / len(found), 4) if found else 0.0,
                "shown_right": round(
                    sum(ok for _, ok in result["kinds"].values()) / max(1, result["shown"]), 4
                ),
                "shown_right_of_matched": round(
                    sum(_label(items[i], component) == k for i, k in on_matched) / max(1, len(on_matched)), 4
                ),
                "l2": l2,
                "thresholds": _plain(t),
            }
        l2, t, result = choose(items, everything, counts, component)
        weights[component] = train(items, everything, component, l2)
        thresholds[component] = _plain(t)
        chosen[component] = {
            "l2": l2,
            "grouped_cv_accuracy": round(sum(result["right"].values()) / int(counts.sum()), 4),
            "grouped_cv_by_file": {
                FILES[g]: round(result["right"].get(g, 0) / counts[g], 4) for g in everything
            },
            "shown": {k: {"shown": n, "right": ok} for k, (n, ok) in result["kinds"].items()},
            "shown_on_frozen_batches": {
                k: {"shown": n, "right": ok} for k, (n, ok) in result["unseen"].items()
            },
            "coverage": round(result["shown"] / len(items), 4),
        }
    report["nested_by_held_out_file"] = nested
    report["repeated_patterns"] = {c: repeated_patterns(items, shown_nested[c], c) for c in COMPONENTS}
    report["chosen"] = chosen
    report["thresholds"] = thresholds
    return report, weights, thresholds


def repeated_patterns(
    items: list[Item], shown: dict[int, int], component: str, size: int = PATTERN_SIZE
) -> dict[str, Any]:
    """How often a repeated pattern, as the Patterns page words it, is right: synthetic histories of ``size``
    found episodes drawn (seeded, without replacement) from one batch, coded as the nested grouped CV codes that
    batch (its head and thresholds never saw it). In each history the most frequent shown cluster, when it is
    shown at least 3 times (the page's bar), is the pattern; its codes are right where the episode's expected
    cluster is that cluster (a spurious episode is wrong). Per cluster and pooled over the frozen batches:
    patterns shown, their codes, the share right, and the share of patterns that are the history's most frequent
    expected cluster too."""
    rng = np.random.default_rng(PATTERN_SEED)
    per: dict[int, list[int]] = {k: [0, 0, 0, 0] for k in range(1, 9)}  # patterns, codes, right, same core
    by_file: dict[str, dict[str, Any]] = {}
    by_file_cluster: dict[str, dict[str, Any]] = {}
    for group, name in enumerate(FILES):
        pool = [i for i, it in enumerate(items) if it.group == group and i in shown]
        if len(pool) < size:
            continue
        stats = [0, 0, 0, 0]
        mine: dict[int, list[int]] = {k: [0, 0, 0, 0] for k in range(1, 9)}
        for _ in range(PATTERN_HISTORIES):
            drawn = rng.choice(pool, size=size, replace=False)
            got = np.bincount([shown[i] for i in drawn], minlength=9)[1:]
            truth = np.bincount([_label(items[i], component) for i in drawn], minlength=9)[1:]
            cluster = int(got.argmax()) + 1
            if got[cluster - 1] < 3:
                continue
            right = sum(1 for i in drawn if shown[i] == cluster and _label(items[i], component) == cluster)
            same = int(truth.argmax()) + 1 == cluster and truth.max() > 0
            row = [1, int(got[cluster - 1]), right, int(same)]
            stats = [a + b for a, b in zip(stats, row, strict=True)]
            mine[cluster] = [a + b for a, b in zip(mine[cluster], row, strict=True)]
            if name in UNSEEN_BY_RULES:
                per[cluster] = [a + b for a, b in zip(per[cluster], row, strict=True)]
        by_file[name] = _pattern_row(stats)
        by_file_cluster[name] = {str(k): _pattern_row(v) for k, v in mine.items() if v[0]}
    return {
        "histories_per_file": PATTERN_HISTORIES,
        "episodes_per_history": size,
        "by_file": by_file,
        "frozen_batches_by_cluster": {str(k): _pattern_row(v) for k, v in per.items() if v[0]},
        "by_file_and_cluster": by_file_cluster,
    }


def _pattern_row(stats: list[int]) -> dict[str, Any]:
    patterns, codes, right, same = stats
    return {
        "patterns": patterns,
        "codes": codes,
        "codes_right": round(right / codes, 4) if codes else None,
        "same_as_expected_core": round(same / patterns, 4) if patterns else None,
    }


def write_head(
    items: list[Item],
    report: dict[str, Any],
    weights: dict[str, np.ndarray],
    thresholds: dict[str, dict[str, float]],
) -> None:
    ccrt_learned.HEAD_DIR.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(ccrt_learned.HEAD_DIR / "head.npz", **weights)
    data = b"".join((FIXTURES / n).read_bytes() for n in FILES)
    manifest = {
        "schema": ccrt_learned.SCHEMA,
        "name": "ccrt-learned-coder",
        "data": "Reverie's own hand-coded vignettes: " + ", ".join(FILES),
        "data_sha256": hashlib.sha256(data).hexdigest(),
        "rows": sum(1 for it in items if it.expected is not None),
        "encoder": load_encoder().model_hash,
        "features": "mean vector of wish sentences, of the rest but the last, of the last sentence (3 x 384)"
        + (
            f" + of the other's acts, of the writer's responses (2 x 384; read by {', '.join(ACTS_FOR)} only)"
            if ACTS
            else ""
        )
        + (" + the rules' W/RO/RS clusters one-hot (3 x 8)" if STACKED else " + 24 zeros (not stacked)")
        + " + bias",
        "prototypes": PROTOTYPES,
        "stacked": STACKED,
        "acts": ACTS,
        "acts_for": list(ACTS_FOR) if ACTS else [],
        "thresholds": thresholds,
        "cross_validation": {k: v for k, v in report.items() if k != "thresholds"},
    }
    (ccrt_learned.HEAD_DIR / "manifest.json").write_text(
        json.dumps(manifest, indent=2) + "\n", encoding="utf-8"
    )


def _plain(t: ccrt_learned.Thresholds) -> dict[str, float]:
    return {"replace": t.replace, "keep": t.keep, "fill": t.fill}


if __name__ == "__main__":
    main()
