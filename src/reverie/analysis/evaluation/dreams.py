"""Evaluate Reverie's HVdC coder against hand-coded dream reports (the ``coded_dreams.jsonl`` format).

Each line: ``{"collection", "sex", "report", "codings": [{"type", "code", "init", "rec", "char"}]}``. The
file is read in place and nothing from it is kept or printed: the result holds aggregate figures only.

Metrics:
* ``emotion_macro_f1``: the dreamer's emotions per dream as a multi-label task over AN, AP, SD, CO, HA
  (a dream has a label when some emotion with that code is felt by the dreamer, alone or with others);
* ``characters``: per dream, the multiset of human characters' sex letters (M, F, J, I) and of their
  familiarity (familiar, unfamiliar) in Reverie's coding against the hand coding; precision = matched ÷
  Reverie's, recall = matched ÷ hand-coded (finding and classifying a character both count);
* ``count_correlation``: Pearson r of per-dream counts of aggressions, friendly interactions, misfortunes;
* ``indicator_mae``: per series, the mean absolute difference (0–1 scale) between every indicator from
  Reverie's codes and from the hand codes, over indicators defined in both;
* ``norms_check``: for norms-m and norms-f, the published norms against the indicators of the hand codes.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reverie.analysis import jsonlines
from reverie.analysis.dreams.coder import code_dreams
from reverie.analysis.dreams.codes import EMOTIONS, DreamCoding, coding_from_records
from reverie.analysis.dreams.indicators import Indicator, compute_indicators
from reverie.analysis.dreams.norms import NormGroup, published_norm
from reverie.errors import InvalidInput

Progress = Callable[[int, int], None]
NORM_SERIES: dict[str, NormGroup] = {"norms-m": "male", "norms-f": "female"}


def read_coded_dreams(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InvalidInput("The coded dreams file does not exist.")
    return [row for _, row in jsonlines.read_objects(path, what="coded dreams file")]


def evaluate_dreams(
    path: Path, *, progress: Progress | None = None, collections: Sequence[str] | None = None
) -> dict[str, Any]:
    """Code every report of the file and compare with its hand codes (aggregate figures only)."""
    every = [r for r in read_coded_dreams(path) if collections is None or r.get("collection") in collections]
    rows = [r for r in every if isinstance(r.get("report"), str) and r["report"].strip()]
    if not rows:  # a figure computed over nothing would read as a score of zero
        chosen = "" if collections is None else " in the chosen collections"
        raise InvalidInput(f'The coded dreams file {path.name} holds no "report" to score{chosen}.')
    gold = [coding_from_records(r.get("codings") or []) for r in rows]
    predicted: list[DreamCoding] = []
    for coding in code_dreams(r["report"] for r in rows):
        predicted.append(coding)
        if progress is not None:
            progress(len(predicted), len(rows))
    series = sorted({str(r.get("collection", "")) for r in rows})
    by_series = {s: [i for i, r in enumerate(rows) if r.get("collection") == s] for s in series}
    result = _metrics(predicted, gold)
    result["indicator_mae"] = {s: _indicator_mae(predicted, gold, idx) for s, idx in by_series.items()}
    result["by_series"] = {
        s: _metrics([predicted[i] for i in idx], [gold[i] for i in idx]) for s, idx in by_series.items()
    }
    result["skipped_without_report"] = len(every) - len(rows)
    all_gold = [coding_from_records(r.get("codings") or []) for r in every]
    all_series = {s: [i for i, r in enumerate(every) if r.get("collection") == s] for s in NORM_SERIES}
    result["norms_check"] = _norms_check(all_gold, all_series)
    result["indicators"] = {s: _indicator_pairs(predicted, gold, idx) for s, idx in by_series.items()}
    return result


def _metrics(predicted: Sequence[DreamCoding], gold: Sequence[DreamCoding]) -> dict[str, Any]:
    per_emotion = {code: _f1(predicted, gold, code) for code in EMOTIONS}
    return {
        "n": len(gold),
        "emotion_macro_f1": _round(sum(per_emotion.values()) / len(EMOTIONS)) if gold else None,
        "emotion_f1": {k: _round(v) for k, v in per_emotion.items()},
        "characters": {
            "sex": _multiset_pr(predicted, gold, _sexes),
            "familiarity": _multiset_pr(predicted, gold, _familiarity),
        },
        "count_correlation": {
            "aggression": _pearson_counts(predicted, gold, lambda c: len(c.of_kind("aggression"))),
            "friendliness": _pearson_counts(predicted, gold, lambda c: len(c.of_kind("friendliness"))),
            "misfortune": _pearson_counts(predicted, gold, lambda c: len(c.misfortunes())),
        },
    }


def _f1(predicted: Sequence[DreamCoding], gold: Sequence[DreamCoding], code: str) -> float:
    tp = fp = fn = 0
    for p, g in zip(predicted, gold, strict=True):
        has_p, has_g = code in p.dreamer_emotions(), code in g.dreamer_emotions()
        tp += has_p and has_g
        fp += has_p and not has_g
        fn += has_g and not has_p
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _sexes(coding: DreamCoding) -> Counter[str]:
    return Counter(c.sex for c in coding.characters if c.is_human)


def _familiarity(coding: DreamCoding) -> Counter[str]:
    return Counter(
        "familiar" if c.is_familiar else "unfamiliar"
        for c in coding.characters
        if c.is_familiar or c.is_unfamiliar
    )


def _multiset_pr(
    predicted: Sequence[DreamCoding],
    gold: Sequence[DreamCoding],
    labels: Callable[[DreamCoding], Counter[str]],
) -> dict[str, float | None]:
    matched = n_pred = n_gold = 0
    for p, g in zip(predicted, gold, strict=True):
        lp, lg = labels(p), labels(g)
        matched += sum((lp & lg).values())
        n_pred += sum(lp.values())
        n_gold += sum(lg.values())
    return {
        "precision": _round(matched / n_pred) if n_pred else None,
        "recall": _round(matched / n_gold) if n_gold else None,
    }


def _pearson_counts(
    predicted: Sequence[DreamCoding], gold: Sequence[DreamCoding], count: Callable[[DreamCoding], int]
) -> float | None:
    return pearson([count(p) for p in predicted], [count(g) for g in gold])


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return _round(sxy / math.sqrt(sxx * syy))


def _indicator_pairs(
    predicted: Sequence[DreamCoding], gold: Sequence[DreamCoding], idx: Iterable[int]
) -> dict[str, dict[str, float | None]]:
    chosen = list(idx)
    ours = compute_indicators(predicted[i] for i in chosen)
    theirs = compute_indicators(gold[i] for i in chosen)
    return {k: {"reverie": _value(ours.get(k)), "hand": _value(ind)} for k, ind in theirs.items()}


def _indicator_mae(
    predicted: Sequence[DreamCoding], gold: Sequence[DreamCoding], idx: Iterable[int]
) -> float | None:
    pairs = _indicator_pairs(predicted, gold, idx)
    diffs = [
        abs(v["reverie"] - v["hand"])
        for v in pairs.values()
        if v["reverie"] is not None and v["hand"] is not None
    ]
    return _round(sum(diffs) / len(diffs)) if diffs else None


def _norms_check(gold: Sequence[DreamCoding], by_series: dict[str, list[int]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for series, group in NORM_SERIES.items():
        if not by_series.get(series):
            continue
        computed = compute_indicators(gold[i] for i in by_series[series])
        out[series] = {k: _norm_row(ind, published_norm(k, group)) for k, ind in computed.items()}
    return out


def _norm_row(ind: Indicator, published: float | None) -> dict[str, Any]:
    value = ind.value
    diff = None if value is None or published is None else _round(value - published)
    return {
        "published": published,
        "computed": _value(ind),
        "difference": diff,
        "numerator": ind.numerator,
        "denominator": ind.denominator,
    }


def _value(ind: Indicator | None) -> float | None:
    return None if ind is None or ind.value is None else _round(ind.value)


def _round(x: float) -> float:
    return round(x, 4)


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m reverie.analysis.evaluation.dreams PATH [--collections a,b]``: print the result as JSON."""
    import argparse

    parser = argparse.ArgumentParser(description="Evaluate the HVdC coder against hand codes.")
    parser.add_argument("path", type=Path)
    parser.add_argument("--collections", default="", help="comma-separated series to keep (default: all)")
    args = parser.parse_args(argv)
    chosen = [c for c in args.collections.split(",") if c] or None
    print(json.dumps(evaluate_dreams(args.path, collections=chosen), indent=1))


if __name__ == "__main__":
    main()
