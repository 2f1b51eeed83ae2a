"""CPU time of one encoder pass with two graphs, alternated in one process: what an added output costs.

Run: .venv/bin/python bench/encoder_graph_bench.py --before DIR [--sentences 300] [--rounds 6]
``DIR`` holds another encoder (``model.int8.onnx``, ``tokenizer.json``, ``manifest.json``, e.g. a copy of
``src/reverie/analysis/models/encoder`` from an earlier commit: ``git show REV:PATH > DIR/FILE``). Both encode the same
seeded sentences, each pass computing every output its graph has; the order alternates each round. JSON last: the
median CPU seconds of each and their ratio (shipped ÷ before).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from reverie.analysis.onnx_encoder import MODEL_DIR, load_encoder

WORDS = [
    "I",
    "felt",
    "tired",
    "after",
    "work",
    "and",
    "my",
    "sister",
    "called",
    "about",
    "the",
    "weekend",
    "plans",
    "which",
    "made",
    "me",
    "anxious",
    "again",
    "but",
    "later",
    "we",
    "laughed",
    "and",
    "I",
    "slept",
    "better",
    "than",
    "I",
    "have",
    "in",
    "weeks",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--sentences", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    rng = np.random.default_rng(20261204)
    sentences = [" ".join(rng.choice(WORDS, size=int(rng.integers(6, 20)))) for _ in range(args.sentences)]
    encoders = {"before": load_encoder(args.before), "shipped": load_encoder(MODEL_DIR)}
    cpu: dict[str, list[float]] = {name: [] for name in encoders}
    for r in range(args.rounds):
        for name in sorted(encoders, reverse=bool(r % 2)):
            start = time.process_time()
            encoders[name]._encode_all(sentences)
            cpu[name].append(time.process_time() - start)
    medians = {name: float(np.median(v)) for name, v in cpu.items()}
    print(
        json.dumps(
            {
                "sentences": len(sentences),
                "rounds": args.rounds,
                "outputs": {name: list(enc.outputs) for name, enc in encoders.items()},
                "cpu_s_median": {k: round(v, 3) for k, v in medians.items()},
                "ratio_shipped_to_before": round(medians["shipped"] / medians["before"], 3),
            }
        )
    )


if __name__ == "__main__":
    main()
