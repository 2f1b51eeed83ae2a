"""How analysis time grows with the length of one entry: generated texts of 11, 22, 44 and 88 kB.

Run: .venv/bin/python bench/long_text_bench.py [--sizes 11000,22000,44000,88000]
One line per size (wall and CPU seconds of this process, CPU per kB, the slowest stages) and, last, one JSON object
with ``cpu_growth``: CPU per kB at the largest size ÷ at the smallest (1.0 is exactly linear). Texts are the
bench's seeded synthetic entries joined by blank lines, so every size reads the same kind of prose.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time

os.environ.setdefault("REVERIE_DATA_DIR", tempfile.mkdtemp(prefix="reverie-bench-"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="11000,22000,44000,88000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    import reverie.analysis.document as document
    from reverie.analysis.bench import synthetic_entries
    from reverie.analysis.onnx_encoder import load_encoder
    from reverie.analysis.pipeline import analyse_many

    document.MAX_ANALYSED_CHARS = max(
        document.MAX_ANALYSED_CHARS, *sizes
    )  # so older code analyses it all too
    encoder = load_encoder()
    source = "\n\n".join(synthetic_entries(max(sizes) // 1500 + 2, seed=11))
    analyse_many([(source[:3000], "free_association")], encoder=encoder)  # loads the models
    rows = []
    for size in sizes:
        text = source[:size]
        timings: dict[str, float] = {}
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            result = analyse_many([(text, "free_association")], encoder=encoder, timings=timings)[0]
        except TypeError:  # code from before per-stage timings
            result = analyse_many([(text, "free_association")], encoder=encoder)[0]
        row = {
            "chars": size,
            "wall_s": round(time.perf_counter() - wall, 2),
            "cpu_s": round(time.process_time() - cpu, 2),
            "findings": len(result.findings),
            "truncated": result.truncated,
            "stages_s": {k: round(v, 2) for k, v in sorted(timings.items(), key=lambda kv: -kv[1])[:5]},
        }
        row["cpu_s_per_kb"] = round(row["cpu_s"] / (size / 1000), 3)
        rows.append(row)
        print(row, flush=True)
    print(
        json.dumps(
            {
                "sizes": rows,
                "cpu_growth": round(rows[-1]["cpu_s_per_kb"] / rows[0]["cpu_s_per_kb"], 2),
                "load_average": os.getloadavg()[0],
            }
        )
    )


if __name__ == "__main__":
    main()
