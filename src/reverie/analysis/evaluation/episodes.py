"""Evaluate relationship-episode finding and CCRT coding against hand-coded vignettes.

A vignette file is JSON Lines: ``{"text": …, "kind": "journal" (optional), "episodes": [{"other": "partner",
"w": 6, "ro": 5, "rs": 7}, …]}`` with cluster numbers 1–8 in docs/ccrt.md order (``null``: not codable).

Found and expected episodes are aligned per text by ``other`` in order (the longest order-preserving
alignment; among equally long ones, the one that agrees on most components). Accuracy of a component =
exact-cluster matches / expected episodes: an unmatched expected episode counts as wrong, and an expected
``null`` counts as right only when that component was left uncoded. So an abstention (a component left open)
counts as wrong wherever a cluster was expected. Beside accuracy: ``<c>_coverage`` (the share of matched
episodes where the component was coded) and ``<c>_shown_right`` (of those coded, the share with the expected
cluster).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reverie.analysis import jsonlines
from reverie.analysis.ccrt import COMPONENTS, EpisodeCode
from reverie.errors import InvalidInput

DEFAULT_KIND = "journal"
ANALYZERS = ("people", "timeframes", "episodes")


def evaluate_episodes(path: Path) -> dict[str, Any]:
    """Run the episode analyzer over every vignette in ``path`` and score it.

    Returns ``{"texts", "found", "expected", "matched", "w_accuracy", "ro_accuracy", "rs_accuracy",
    "ro_valence_accuracy", "rs_valence_accuracy", "spurious", "<c>_coverage", "<c>_shown_right"}``.
    """
    from reverie.analysis.pipeline import analyse_many

    rows = read_vignettes(path)
    results = analyse_many([(row["text"], row["kind"]) for row in rows], only=ANALYZERS)
    found_all = [[EpisodeCode.from_data(f.data) for f in r.of_kind("episode")] for r in results]
    expected_all = [[_expected(e) for e in row["episodes"]] for row in rows]
    return score(expected_all, found_all)


def read_vignettes(path: Path) -> list[dict[str, Any]]:
    """The vignettes of a JSON Lines file; a malformed line raises :class:`InvalidInput` naming its number."""
    rows: list[dict[str, Any]] = []
    for number, raw in jsonlines.read_objects(path, what="vignettes file"):
        episodes = raw.get("episodes")
        if not isinstance(raw.get("text"), str) or not isinstance(episodes, list):
            raise InvalidInput(f'Line {number} of {path.name} needs "text" and an "episodes" list.')
        if not all(_valid_episode(e) for e in episodes):
            raise InvalidInput(
                f'Line {number} of {path.name}: each episode needs an "other" and whole-number or null "w", "ro", "rs".'
            )
        rows.append(
            {"text": raw["text"], "kind": str(raw.get("kind", DEFAULT_KIND)), "episodes": raw["episodes"]}
        )
    return rows


def vignette_files(folder: Path) -> list[Path]:
    """The vignette files of ``folder`` in the order they were written: the tuning file, the holdout, then the
    frozen batches by number (``vignettes_frozen.jsonl``, ``vignettes_frozen2.jsonl`` …), then any other by name."""

    def order(path: Path) -> tuple[int, int, str]:
        tail = path.stem.removeprefix("vignettes")
        if not tail:
            return (0, 0, "")
        if tail == "_holdout":
            return (1, 0, "")
        number = tail.removeprefix("_frozen")
        if tail.startswith("_frozen") and (not number or number.isdigit()):
            return (2, int(number or 1), "")
        return (3, 0, path.name)

    return sorted(folder.glob("vignettes*.jsonl"), key=order)


def _valid_episode(raw: object) -> bool:
    if not isinstance(raw, dict) or not isinstance(raw.get("other"), str):
        return False
    return all(raw.get(key) is None or type(raw.get(key)) is int for key in COMPONENTS)


def _expected(raw: Mapping[str, Any]) -> EpisodeCode:
    def number(key: str) -> int | None:
        value = raw.get(key)
        return int(value) if value is not None else None

    return EpisodeCode(str(raw["other"]), number("w"), number("ro"), number("rs"))


def score(
    expected_all: Sequence[Sequence[EpisodeCode]], found_all: Sequence[Sequence[EpisodeCode]]
) -> dict[str, Any]:
    """Aggregate figures over texts, given expected and found episode codes per text."""
    expected = sum(len(e) for e in expected_all)
    found = sum(len(f) for f in found_all)
    right = dict.fromkeys(COMPONENTS, 0)
    coded = dict.fromkeys(COMPONENTS, 0)
    coded_right = dict.fromkeys(COMPONENTS, 0)
    valence = {"ro": 0, "rs": 0}
    matched = 0
    for exp, got in zip(expected_all, found_all, strict=True):
        for e, f in align(exp, got):
            matched += 1
            for component in COMPONENTS:
                same = e.get(component) == f.get(component)
                right[component] += same
                if f.get(component) is not None:
                    coded[component] += 1
                    coded_right[component] += same
            for component in valence:
                valence[component] += _valence(component, e) == _valence(component, f)
    out: dict[str, Any] = {
        "texts": len(expected_all),
        "found": found,
        "expected": expected,
        "matched": matched,
    }
    for component in COMPONENTS:
        out[f"{component}_accuracy"] = round(right[component] / expected, 4) if expected else 0.0
    for component, count in valence.items():
        out[f"{component}_valence_accuracy"] = round(count / expected, 4) if expected else 0.0
    out["spurious"] = found - matched
    for component in COMPONENTS:
        out[f"{component}_coverage"] = round(coded[component] / matched, 4) if matched else 0.0
        out[f"{component}_shown_right"] = (
            round(coded_right[component] / coded[component], 4) if coded[component] else 0.0
        )
    return out


def _valence(component: str, code: EpisodeCode) -> str | None:
    from reverie.analysis.ccrt import cluster

    number = code.get(component)
    return cluster(component, number).valence if number is not None else None


def align(
    expected: Sequence[EpisodeCode], found: Sequence[EpisodeCode]
) -> list[tuple[EpisodeCode, EpisodeCode]]:
    """Order-preserving pairs with equal ``other``: most pairs first, then most agreeing components."""
    n, m = len(expected), len(found)
    best = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            options = [best[i + 1][j], best[i][j + 1]]
            if expected[i].other == found[j].other:
                count, agree = best[i + 1][j + 1]
                options.append((count + 1, agree + _agreement(expected[i], found[j])))
            best[i][j] = max(options)
    pairs: list[tuple[EpisodeCode, EpisodeCode]] = []
    i = j = 0
    while i < n and j < m:
        if expected[i].other == found[j].other:
            p, a = best[i + 1][j + 1]
            if (p + 1, a + _agreement(expected[i], found[j])) == best[i][j]:
                pairs.append((expected[i], found[j]))
                i, j = i + 1, j + 1
                continue
        if best[i + 1][j] == best[i][j]:
            i += 1
        else:
            j += 1
    return pairs


def _agreement(a: EpisodeCode, b: EpisodeCode) -> int:
    return sum(a.get(c) == b.get(c) for c in COMPONENTS)
