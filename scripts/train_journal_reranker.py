"""The journal re-ranker (emotions 1.23.0, h192): learned on the project's own labelled journal lines.

Every round's journal-layer rules, fitted to the last batch, gained where fitted and nothing on the next blind batch.
This fits a small logistic model instead, on the labelled journal fixtures the manifest lists
(``journal_reranker.data.files``: 25 ``tests/fixtures/emotion_journal*.jsonl`` files, ``{"text", "plausible": [...],
"not": [...]}``, written by helpers in many voices; ``--every-fixture`` takes every such file, for a new version).
Each line is read once by the analyzer (one encoder pass); its candidates (the feelings credited to the writer, the
head's best other feeling, and ``neutral``) become rows of :data:`reverie.analysis.journal_reranker.FEATURES`; the target is "the label is
plausible and not ruled out". Each row also carries the label's one-hot and a journal head's score (per label, a
ridge regression from the line's mean sentence vectors, fitted out of fold: five folds by file), as
``reverie.analysis.journal_reranker.extended`` builds it. Logistic, L2 (C = 0.1), seeded, deterministic.

    .venv/bin/python scripts/train_journal_reranker.py            # train on the manifest's files, write the artefact
    .venv/bin/python scripts/train_journal_reranker.py --lofo     # leave one file out: per-file figures, main vs h192

``--lofo`` trains on all files but one and scores the held one through the real pipeline
(``evaluate_journal_emotions`` and ``scripts/feeling_precision.measure``), against the reading without the re-ranker
on the same file, in the same process. Only aggregates and line numbers are printed, never a line's text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
MODEL_DIR = ROOT / "src" / "reverie" / "analysis" / "models" / "emotions"
ARTEFACT = "reranker.json"
SEED = 192
C = 0.1


def journal_files(every: bool = False) -> list[Path]:
    """The files the shipped artefact was trained on: the manifest's ``journal_reranker.data.files`` (so a retrain
    reproduces it byte for byte, whatever fixtures were added since: ``emotion_journal_frozen20`` (h196) was measured
    blind on the shipped model and is not among them). ``every``: every ``emotion_journal*.jsonl`` fixture, for a new
    version."""
    if every:
        return sorted(FIXTURES.glob("emotion_journal*.jsonl"))
    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    return [FIXTURES / name for name in manifest["journal_reranker"]["data"]["files"]]


def rows_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def analyzer() -> Any:
    """The pipeline's emotions analyzer (built once), with the re-ranker off."""
    from reverie.analysis import pipeline

    pipeline.analyse("I am fine.", only={"emotions"})
    built = pipeline._built["emotions"]
    built.reranker = None
    return built


def extract(files: list[Path]) -> dict[str, tuple[Any, tuple[str, ...], Any]]:
    """Each line's candidates, the labels the reading credits and its mean sentence vectors, read through the
    analyzer (text -> record)."""
    from reverie.analysis import pipeline

    built = analyzer()
    seen: dict[str, tuple[Any, tuple[str, ...], Any]] = {}
    built.recorder = lambda text, found, entry, vector: seen.__setitem__(text, (found, entry, vector))
    texts = sorted({row["text"] for path in files for row in rows_of(path)})
    for start in range(0, len(texts), 64):
        pipeline.analyse_many([(t, "free_association") for t in texts[start : start + 64]], only={"emotions"})
    built.recorder = None
    return seen


def dataset(files: list[Path], seen: dict[str, tuple[Any, tuple[str, ...], Any]]) -> list[dict[str, Any]]:
    """One record per line the analyzer read: its file's index, candidates, vector, plausible and ruled-out sets."""
    lines = []
    for g, path in enumerate(files):
        for row in rows_of(path):
            if row["text"] not in seen:
                continue  # not read at all (the language check finds no English): nothing to re-rank
            found, _, vector = seen[row["text"]]
            lines.append(
                {
                    "g": g,
                    "found": found,
                    "vector": vector,
                    "plausible": set(row["plausible"]),
                    "not": set(row.get("not", [])),
                }
            )
    return lines


def train(lines: list[dict[str, Any]]) -> dict[str, object]:
    """The journal head out of fold (five folds by file) as a feature, the logistic model over it, then the journal
    head on every line given."""
    from sklearn.model_selection import GroupKFold

    from reverie.analysis.journal_reranker import FEATURES, extended, fit, ridge

    random.seed(SEED)
    np.random.seed(SEED)
    labels = analyzer().head.labels
    vectors = np.vstack([line["vector"] for line in lines])
    targets = np.array(
        [[float(lab in line["plausible"] and lab not in line["not"]) for lab in labels] for line in lines]
    )
    groups = np.array([line["g"] for line in lines])
    rows: list[Any] = [None] * len(lines)
    for inside, outside in GroupKFold(5).split(vectors, groups=groups):
        head = ridge(vectors[inside], targets[inside], labels)
        for i in outside:
            rows[i] = extended(lines[i]["found"], head, lines[i]["vector"])
    x = np.vstack(rows)
    y = np.array(
        [
            float(lab in line["plausible"] and lab not in line["not"])
            for line in lines
            for lab in line["found"].labels
        ]
    )
    model = fit(x, y, C)
    model["features"] = [*FEATURES, "journal", *(f"is_{lab}" for lab in labels)]
    model["journal"] = ridge(vectors, targets, labels).to_json()
    return model


def measure(path: Path, reranker: Any) -> dict[str, Any]:
    """The held file's figures through the real pipeline, with ``reranker`` (None: the reading without it)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from feeling_precision import measure as precision

    from reverie.analysis.evaluation.emotions import evaluate_journal_emotions

    analyzer().reranker = reranker
    try:
        journal = evaluate_journal_emotions(path)
        panel = precision(path)
    finally:
        analyzer().reranker = None
    n = journal["n"]
    return {
        "n": n,
        "top": n - len(journal["misses"]),
        "credited": len(journal["wrong_lines"]),
        "misses": journal["misses"],
        "wrong_lines": journal["wrong_lines"],
        "shown": panel["shown"],
        "right": panel["right"],
    }


def lofo(files: list[Path], seen: dict[str, tuple[Any, tuple[str, ...], Any]], out: Path | None) -> None:
    from reverie.analysis.journal_reranker import Reranker

    lines = dataset(files, seen)
    report = []
    total = {"main": [0, 0, 0, 0, 0], "h192": [0, 0, 0, 0, 0]}
    for g, path in enumerate(files):
        model = Reranker.from_json(train([line for line in lines if line["g"] != g]))
        main, mine = measure(path, None), measure(path, model)
        report.append({"file": path.name, "main": main, "h192": mine})
        for arm, r in (("main", main), ("h192", mine)):
            for k, key in enumerate(("n", "top", "credited", "shown", "right")):
                total[arm][k] += r[key]
        print(
            f"{path.name:34} n {main['n']:3d}  top {main['top']:3d} -> {mine['top']:3d}  "
            f"credited {main['credited']:3d} -> {mine['credited']:3d}  "
            f"panel {main['right']}/{main['shown']} -> {mine['right']}/{mine['shown']}",
            flush=True,
        )
    for arm, (n, top, credited, shown, right) in total.items():
        print(
            f"pooled {arm}: n {n} top {top} credited {credited} panel {right}/{shown} = {right / max(shown, 1):.3f}"
        )
    if out is not None:
        out.write_text(json.dumps(report, indent=1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--lofo", action="store_true", help="leave one file out; writes nothing into the repository"
    )
    parser.add_argument(
        "--report", type=Path, help="with --lofo: the per-file JSON (line numbers, no text) here"
    )
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument(
        "--every-fixture",
        action="store_true",
        help="train on every emotion_journal*.jsonl fixture, not the manifest's list (a new version, not a reproduction)",
    )
    args = parser.parse_args()
    os.environ.setdefault("REVERIE_ANALYSIS", "off")
    files = journal_files(args.every_fixture)
    seen = extract(files)
    if args.lofo:
        lofo(files, seen, args.report)
        return
    lines = dataset(files, seen)
    model = train(lines)
    rows = sum(len(line["found"].labels) for line in lines)
    model["data"] = {"files": [p.name for p in files], "rows": rows, "lines": len(lines), "seed": SEED}
    text = json.dumps(model, indent=1, sort_keys=True) + "\n"
    (args.out / ARTEFACT).write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    manifest_path = args.out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    spec = manifest.get("journal_reranker", {})
    before = spec.get("data")
    spec.update(
        {
            "format_version": 1,
            "artefact": ARTEFACT,
            "artefact_sha256": digest,
            "script": "scripts/train_journal_reranker.py",
            "seed": SEED,
            "c": C,
            "data": model["data"],
        }
    )
    spec.setdefault(
        "enabled", False
    )  # a retrain never switches it on; docs/models.md "1.23.0 (h192)" says when
    if args.every_fixture and model["data"] != before:
        # a new model on other files is off until it is measured on lines it never read
        spec["enabled"] = False
    manifest["journal_reranker"] = spec
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"{ARTEFACT}: {rows} rows from {len(lines)} lines, sha256 {digest}")


if __name__ == "__main__":
    main()
