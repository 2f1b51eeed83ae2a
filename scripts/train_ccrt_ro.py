"""Retrain the learned coder's RO head only (episodes 1.12.0), with the sentence of the rules' RO as a part.

    .venv/bin/python scripts/train_ccrt_ro.py [--report-only]

Data: the eight seen vignette batches ``FILES`` (the six ``train_ccrt.py`` trains on, and ``vignettes_frozen5``,
``vignettes_frozen6``); the three newest batches (``vignettes_frozen7``, ``8``, ``9``) are never read here: they
judge the result. Rows and features as in ``train_ccrt.py`` (rules with the nearest prototypes, then
``ccrt_learned.features`` with the acts parts), plus the vector of the sentence the rules' RO is read from
(``response_sentence``; zeros where the rules leave RO open). The L2 penalty is chosen by cross-validation grouped
by batch (leave one batch out, eight folds; RO right over all expected episodes of the held-out batch, with the
shipped RO thresholds); the report gives the same figure without the new part for comparison. The W and RS
weights of ``models/ccrt/head.npz`` stay as they are (zero rows for the new part: they do not read it); the RO
weights are replaced and the manifest records the RO head's data, setting and cross-validation. Run it after
``train_ccrt.py`` (which writes a head without the new part). CPU, a few minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis import ccrt_learned, episodes  # noqa: E402
from reverie.analysis.ccrt import PrototypeCoder  # noqa: E402
from reverie.analysis.document import prepare  # noqa: E402
from reverie.analysis.evaluation.episodes import read_vignettes  # noqa: E402
from reverie.analysis.onnx_encoder import load_encoder  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import train_ccrt  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
# train_ccrt.py's six files and the two read by c10 beside them (frozen7-9 were its held set)
FILES = (*train_ccrt.FILES, "vignettes_frozen5.jsonl", "vignettes_frozen6.jsonl")
L2 = (1e-4, 3e-4, 1e-3)
DIM = ccrt_learned.DIM
PART = slice(5 * DIM, 6 * DIM)  # where the sentence of the rules' RO sits in a feature row


def collect() -> tuple[list[dict[str, Any]], list[int]]:
    """Every found episode of every file (features with the new part, rules' RO, response flag, expected RO)."""
    encoder = load_encoder()
    coder = PrototypeCoder(encoder)
    items: list[dict[str, Any]] = []
    counts: list[int] = []
    for group, name in enumerate(FILES):
        count = 0
        for row in read_vignettes(FIXTURES / name):
            doc, _ = episodes.reading(prepare(row["text"], row["kind"]))
            texts = [s.text for s in doc.sentences]
            vectors = np.asarray(encoder.encode(texts), dtype=np.float32) if texts else None
            expected = train_ccrt.expected_codes(row)
            count += len(expected)
            if vectors is None:
                continue
            found, codes, pairs = train_ccrt.aligned_drafts(doc, coder, vectors, expected)
            for draft, code in zip(found, codes, strict=True):
                exp = pairs.get(id(code))
                x = ccrt_learned.features(
                    [texts[i] for i in draft.sentences],
                    vectors[draft.sentences],
                    None,
                    episodes._relative_acts(draft),
                    (episodes._response_at(doc, draft),),
                )
                items.append(
                    {
                        "group": group,
                        "x": x,
                        "rules": code.ro,
                        "response": draft.response,
                        "expected": exp.ro if exp is not None else None,
                    }
                )
        counts.append(count)
    return items, counts


def fit(items: list[dict[str, Any]], groups: set[int], l2: float, part: bool) -> np.ndarray:
    rows = [it for it in items if it["group"] in groups and it["expected"]]
    x = np.stack([it["x"] for it in rows])
    if not part:
        x[:, PART] = 0.0
    return ccrt_learned.fit(x, [it["expected"] for it in rows], l2=l2)


def right(items: list[dict[str, Any]], group: int, weights: np.ndarray, thresholds: Any) -> int:
    out = 0
    for it in items:
        if it["group"] != group or it["expected"] is None:
            continue
        p = ccrt_learned.softmax((it["x"] @ weights).astype(np.float64))
        number, _ = ccrt_learned.decide_one("ro", p, it["rules"], thresholds, response=it["response"])
        out += number == it["expected"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report-only", action="store_true", help="print the figures, write no head")
    args = parser.parse_args()
    head = ccrt_learned.load()
    if head is None:
        raise SystemExit("no shipped head to extend")
    thresholds = head.thresholds["ro"]
    items, counts = collect()
    report: dict[str, Any] = {"files": list(FILES), "expected": counts, "lobo": {}}
    for part in (False, True):
        for l2 in L2:
            per = [
                right(items, g, fit(items, set(range(len(FILES))) - {g}, l2, part), thresholds)
                for g in range(len(FILES))
            ]
            report["lobo"][f"{'with' if part else 'without'} the part, l2 {l2}"] = {
                "right": per,
                "total": sum(per),
                "accuracy": round(sum(per) / sum(counts), 4),
            }
    best = max(L2, key=lambda l2: (report["lobo"][f"with the part, l2 {l2}"]["total"], l2))
    report["chosen_l2"] = best
    print(json.dumps(report, indent=1))
    if args.report_only:
        return
    weights = fit(items, set(range(len(FILES))), best, True)
    write_head(head, weights, report, len([it for it in items if it["expected"]]))


def write_head(head: ccrt_learned.LearnedCoder, ro: np.ndarray, report: dict[str, Any], rows: int) -> None:
    """The shipped W and RS weights with zero rows for the new part (if they lack it), the new RO weights."""
    out: dict[str, np.ndarray] = {"ro": ro.astype(np.float32)}
    for component in ("w", "rs"):
        old = head.weights[component]
        if not head.response_sentence:
            old = np.concatenate([old[: 5 * DIM], np.zeros((DIM, 8), np.float32), old[5 * DIM :]])
        out[component] = old
    np.savez_compressed(ccrt_learned.HEAD_DIR / "head.npz", **out)
    path = ccrt_learned.HEAD_DIR / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    data = b"".join((FIXTURES / n).read_bytes() for n in FILES)
    manifest["response_sentence"] = True
    manifest["features"] = manifest["features"].replace(
        " + 24 zeros", " + of the sentence the rules' RO is read from (384; read by ro only) + 24 zeros"
    )
    manifest["ro_head"] = {
        "script": "scripts/train_ccrt_ro.py",
        "data": "Reverie's own hand-coded vignettes: " + ", ".join(FILES),
        "data_sha256": hashlib.sha256(data).hexdigest(),
        "rows": rows,
        "l2": report["chosen_l2"],
        "cross_validation": report["lobo"],
    }
    path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
