"""Build the support of model-alone flags (h37, docs/risk.md): the vectors of the written genuine crisis lines.

Every line of the project's own written banks whose level is not ``none`` (``SOURCES``: written for Reverie, no
test batch line, no C-SSRS post, no CC-BY-NC data) is read as the screen reads an entry; each of its units that the
screen reads as risk (sentence probability ≥ 0.5, or a counted lexicon phrase at ideation or above in the unit)
gives one support vector: the encoder's vector of the masked unit, the input the sentence model reads. Rows are
scaled to unit length, duplicates dropped in first-seen order, stored as float16 with a manifest (format, the
sources' sha256, the encoder's hash, the threshold). Deterministic: the same files, encoder and threshold give the
same bytes.

Usage (from the project root)::

    .venv/bin/python scripts/build_risk_support.py --threshold T [--out src/reverie/analysis/models/risk]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis import risk as risk_mod  # noqa: E402
from reverie.analysis import risk_lexicon as lex  # noqa: E402

SOURCES = (
    "scripts/risk_paraphrases.jsonl",
    "scripts/risk_paraphrases_r12.jsonl",
    "scripts/risk_bank_r26.jsonl",
    "scripts/risk_bank_r28.jsonl",
)
UNIT_PROBABILITY = 0.5


def genuine_lines() -> list[str]:
    """The written lines whose level is not ``none``, in file and line order."""
    out: list[str] = []
    for name in SOURCES:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("level", "none") != "none":
                    out.append(str(row["text"]))
    return out


def support_rows(model: risk_mod.RiskModel, encoder: Any) -> np.ndarray:
    """The unit vectors (float32) of every risk unit of the written genuine lines, duplicates dropped."""
    rows: list[np.ndarray] = []
    seen: set[bytes] = set()
    for text in genuine_lines():
        reading = lex.reading(text, "free_association")
        hits = list(reading.hits)
        scored = risk_mod.score_sentences(
            text, "free_association", hits, model, encoder=encoder, limit=None, context=reading.context
        )
        if scored.vectors is None:
            raise SystemExit("the sentence model or the encoder is not installed")
        for i, ((s, e), p) in enumerate(zip(scored.spans, scored.probabilities, strict=True)):
            counted = any(s <= h.start < e and h.level >= risk_mod.IDEATION for h in hits)
            if p >= UNIT_PROBABILITY or counted:
                row = risk_mod.support_vectors(scored.vectors[i : i + 1])[0].astype(np.float16)
                key = row.tobytes()
                if key not in seen:
                    seen.add(key)
                    rows.append(row)
    return np.stack(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threshold", type=float, required=True)
    parser.add_argument("--out", type=Path, default=risk_mod.MODEL_DIR)
    args = parser.parse_args()
    from reverie.analysis.onnx_encoder import load_encoder

    model = risk_mod.load_model(support=False)
    if model is None:
        raise SystemExit("no risk model installed")
    encoder = load_encoder()
    vectors = support_rows(model, encoder)
    buffer = io.BytesIO()
    np.savez(buffer, vectors=vectors)  # not compressed: the same bytes on every run
    data = buffer.getvalue()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / risk_mod.SUPPORT_FILE).write_bytes(data)
    manifest = {
        "format": risk_mod.SUPPORT_FORMAT,
        "what": "unit vectors (float16) of the risk units of Reverie's written genuine crisis lines (h37)",
        "sources": {name: hashlib.sha256((ROOT / name).read_bytes()).hexdigest() for name in SOURCES},
        "unit_rule": f"sentence probability >= {UNIT_PROBABILITY} or a counted lexicon phrase at ideation or above",
        "encoder_hash": str(encoder.model_hash),
        "risk_model_hash": model.model_hash,
        "n_vectors": len(vectors),
        "threshold": args.threshold,
        "vectors_sha256": hashlib.sha256(data).hexdigest(),
        "licence": "derived from Reverie's own written banks only",
        "builder": "scripts/build_risk_support.py",
    }
    (args.out / risk_mod.SUPPORT_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"{len(vectors)} support vectors, threshold {args.threshold}")


if __name__ == "__main__":
    main()
