"""What the implied-feeling head would do on every journal set (all seen), gate by gate (e14; docs/models.md,
"Implied-feeling head on a larger bank (e14)").

Each line goes through the analyzer as ``reverie eval emotions --journal`` reads it (top label plausible). The head
answers only where the analyzer abstained on the whole line and no sentence bars it (``situations.untouched``:
someone else's feeling, a denied, hedged, owed, foreseen or absent one, a label removed); it reads the sentences
that tell a situation of the writer's (``situations.writers_situation``) and shows the best one's label at or over
the gate. Prints per set: lines, plausible without the head, plausible at each gate, and the line numbers that
change (numbers only). Reads the shipped head (``models/situations``, ``scripts/train_situations.py``); the
analyzer runs without it (``emotions.READ_SITUATIONS``), so "without" is the layer alone.

    .venv/bin/python scripts/situation_simulation.py [--gates 0.4,0.5,0.6,0.7,0.8] [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from reverie.analysis.situations import SituationHead, implied, untouched, writers_situation

ROOT = Path(__file__).resolve().parents[1]
MODEL_DIR = ROOT / "src" / "reverie" / "analysis" / "models" / "situations"
SETS = sorted((ROOT / "tests" / "fixtures").glob("emotion_journal*.jsonl"))


def read_lines(path: Path) -> list[dict[str, Any]]:
    """Per line: the analyzer's top label, whether the head may answer, and the writer's situation sentences."""
    from reverie.analysis import emotions, pipeline
    from reverie.analysis.document import load_spacy

    nlp = load_spacy()
    seen: list[tuple[str, Any, Any]] = []
    original = emotions.apply_scope

    def recording(*args: Any, **kwargs: Any) -> Any:
        reading = original(*args, **kwargs)
        seen.append((args[4], args[3], reading))  # sentence text, its emotion words, the reading
        return reading

    emotions.apply_scope = recording  # type: ignore[assignment]
    emotions.READ_SITUATIONS = False
    out = []
    try:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            seen.clear()
            result = pipeline.analyse(row["text"], only={"emotions"})
            top = emotions.top_emotion(list(result.findings))
            clean = all(untouched(reading, words) for _, words, reading in seen)
            sentences = [text for text, _, _ in seen]
            mine = [writers_situation(t, [tok.tag_ for tok in nlp(t)]) for t in sentences]
            out.append(
                {
                    "plausible": row["plausible"],
                    "top": top,
                    "may": top == emotions.NEUTRAL and clean,
                    "sentences": sentences,
                    "mine": mine,
                }
            )
    finally:
        emotions.apply_scope = original  # type: ignore[assignment]
        emotions.READ_SITUATIONS = True
    return out


def simulate(
    lines: list[dict[str, Any]], head: SituationHead, gates: list[float], encoder: Any
) -> dict[str, Any]:
    from reverie.analysis.encoder import encode_both

    figures: dict[str, Any] = {"n": len(lines), "without": sum(x["top"] in x["plausible"] for x in lines)}
    asked = [x for x in lines if x["may"] and x["sentences"]]
    figures["asked"] = len(asked)
    probs = {}
    for x in asked:
        base, top = encode_both(encoder, x["sentences"])
        probs[id(x)] = head.probabilities(base, top)
    for gate in gates:
        gated = replace(head, gate=gate)
        total, gained, lost = 0, [], []
        for number, x in enumerate(lines, start=1):
            label = x["top"]
            if x["may"] and x["sentences"]:
                answer = implied(gated, probs[id(x)], x["mine"])
                label = answer[1] if answer else label
            ok = label in x["plausible"]
            total += ok
            if ok != (x["top"] in x["plausible"]):
                (gained if ok else lost).append(number)
        figures[str(gate)] = {"plausible": total, "gained": gained, "lost": lost}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--gates", default="0.4,0.5,0.6,0.7,0.8")
    parser.add_argument(
        "--cache", type=Path, help="a JSON file of the analyzer's readings, reused if present"
    )
    args = parser.parse_args()
    from reverie.analysis.onnx_encoder import load_encoder

    manifest = json.loads((MODEL_DIR / "manifest.json").read_text(encoding="utf-8"))
    head = SituationHead.load(MODEL_DIR / "head.npz", manifest["features"], float(manifest["gate"]))
    gates = [float(g) for g in args.gates.split(",")]
    encoder = load_encoder()
    cache: dict[str, Any] = {}
    if args.cache and args.cache.exists():
        cache = json.loads(args.cache.read_text(encoding="utf-8"))
    totals: dict[str, int] = {}
    for path in args.files or SETS:
        if path.name not in cache:
            cache[path.name] = read_lines(path)
            if args.cache:
                args.cache.write_text(json.dumps(cache), encoding="utf-8")
        figures = simulate(cache[path.name], head, gates, encoder)
        json.dump({"file": path.name, **figures}, sys.stdout)
        print(flush=True)
        for key in ("n", "without", *(str(g) for g in gates)):
            value = figures[key]["plausible"] if isinstance(figures[key], dict) else figures[key]
            totals[key] = totals.get(key, 0) + value
    json.dump({"total": totals}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
