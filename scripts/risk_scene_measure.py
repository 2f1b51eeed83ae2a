"""Measure h152's scene gate (docs/risk.md, "2.11.0: a unit that only sets a scene"): the screen before the gate
(``risk._scene_alarms`` answering nothing, as 2.10.3 reads) and with it, on the same lines, in one run with one
memoised encoder; the gate alone (``gate``); the candidate (``after``: the gate, and a scene fragment at either end
of a run of short fragments read apart where the rest keeps three words); and, with ``--unglued``, every short scene
fragment read apart (considered, not shipped). Prints counts and line ids only (no line text).

Usage (from the project root)::

    .venv/bin/python scripts/risk_scene_measure.py OUT.json [--fixture PATH] [--unglued] [--only NAME ...]

Sources: every seen batch (``tests/analysis_risk/challenge_*.jsonl``; never ``unmeasured/``), the demo's 40 entries
(``reverie.insights.demo_texts``, as the demo writes them), the written bank (``scripts/risk_paraphrases.jsonl``,
``risk_paraphrases_r12.jsonl``, ``risk_bank_r26.jsonl``, ``risk_bank_r28.jsonl``: genuine where the level is not
``none``; ``risk_everyday_bank.jsonl``: every line a negative) and, with ``--fixture``, a JSON-lines file of lines
written for the measurement (``text``, ``group``, ``expect``; genuine where ``expect`` is not ``none``).

For each source: genuine flagged and false alarms before and after; the lines that move (id, genuine or not, level
before and after); and, on the reading before, the model-alone raises (no lexicon phrase at ideation or above in the
entry) whose raising unit is made only of scene words (``risk_lexicon.scene_only``), genuine and negative, and the
raising units that hold a short scene fragment glued to other fragments.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis import risk  # noqa: E402
from reverie.analysis import risk_lexicon as lex  # noqa: E402
from reverie.analysis.evaluation.risk import (  # noqa: E402
    _memo_encoder,
    challenge_batches,
    read_challenge,
)

BANK = (
    "risk_paraphrases.jsonl",
    "risk_paraphrases_r12.jsonl",
    "risk_bank_r26.jsonl",
    "risk_bank_r28.jsonl",
    "risk_everyday_bank.jsonl",
)
GATE = risk._scene_alarms
UNITS = risk.model_units


def no_gate(*args: Any, **kwargs: Any) -> set[int]:
    return set()


def glued(text: str, *, clauses: bool = True) -> list[tuple[int, int]]:
    """``risk.model_units`` as 2.10.3 reads: every run of short fragments one unit, a scene fragment in it too."""
    units: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for sentence in risk.sentence_spans(text):
        for span in risk.clause_spans(text, sentence) if clauses else [sentence]:
            if risk._words(text, span) < lex.MIN_MODEL_WORDS:
                run.append(span)
                continue
            risk._end_run(text, None, run, units)
            units.append(span)
    risk._end_run(text, None, run, units)
    return units


def unglued(text: str, *, clauses: bool = True) -> list[tuple[int, int]]:
    """Every short scene fragment its own unit, however short the rest of its run (considered, not shipped)."""
    norm = lex.normalise(text)
    units: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for sentence in risk.sentence_spans(text):
        for span in risk.clause_spans(text, sentence) if clauses else [sentence]:
            if risk._words(text, span) >= lex.MIN_MODEL_WORDS or lex.scene_only(norm, *span):
                risk._end_run(text, None, run, units)
                units.append(span)
            else:
                run.append(span)
    risk._end_run(text, None, run, units)
    return units


READINGS = {
    "before": (no_gate, glued),  # 2.10.3
    "gate": (GATE, glued),  # the scene gate alone
    "after": (GATE, UNITS),  # the candidate: the gate and a scene fragment apart at a run's end
    "unglued": (GATE, unglued),  # considered: every scene fragment apart
}


def sources(fixture: Path | None, only: list[str]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """(name, items): each item ``id``, ``text``, ``genuine``, ``expect`` (the lowest acceptable level)."""
    for name, path in challenge_batches().items():
        yield (
            f"batch:{name}",
            [
                {"id": i["id"], "text": i["text"], "genuine": i["group"] == "genuine", "expect": i["expect"]}
                for i in read_challenge(path)
            ],
        )
    from reverie.insights.demo_texts import synthetic_texts

    demo = [t for t in synthetic_texts(n_entries=40, n_sessions=0, varied=True) if t.source == "entry"]
    yield (
        "demo",
        [
            {"id": f"demo-{t.id}", "text": t.text, "kind": t.kind, "genuine": False, "expect": "none"}
            for t in demo
        ],
    )
    for file in BANK:
        rows = [
            json.loads(line) for line in (ROOT / "scripts" / file).read_text(encoding="utf-8").splitlines()
        ]
        yield (
            f"bank:{file}",
            [
                {
                    "id": f"{file}:{n + 1}",
                    "text": r["text"],
                    "genuine": r.get("level", "none") != "none",
                    "expect": r.get("level", "none"),
                }
                for n, r in enumerate(rows)
            ],
        )
    if fixture is not None:
        rows = [json.loads(line) for line in fixture.read_text(encoding="utf-8").splitlines() if line.strip()]
        yield (
            f"fixture:{fixture.stem}",
            [
                {
                    "id": f"{fixture.stem}:{n + 1}:{r['group']}",
                    "text": r["text"],
                    "genuine": r["expect"] != "none",
                    "expect": r["expect"],
                }
                for n, r in enumerate(rows)
            ],
        )


def screened(items: list[dict[str, Any]], encoder: Any, code: str) -> list[risk.RiskScreen]:
    risk._scene_alarms, risk.model_units = READINGS[code]  # type: ignore[assignment]
    try:
        return [risk.screen(i["text"], i.get("kind", "free_association"), encoder=encoder) for i in items]
    finally:
        risk._scene_alarms = GATE  # type: ignore[assignment]
        risk.model_units = UNITS  # type: ignore[assignment]


def figures(items: list[dict[str, Any]], got: list[risk.RiskScreen]) -> dict[str, int]:
    lv = risk.LEVELS
    pairs = list(zip(items, got, strict=True))
    return {
        "genuine": sum(i["genuine"] for i in items),
        "negative": sum(not i["genuine"] for i in items),
        "genuine_flagged": sum(g.flagged for i, g in pairs if i["genuine"]),
        "genuine_at_expected": sum(
            lv.index(g.level) >= lv.index(i["expect"]) for i, g in pairs if i["genuine"]
        ),
        "false_alarms": sum(g.flagged for i, g in pairs if not i["genuine"]),
        "model_alone_false_alarms": sum(g.flagged and g.model_alone for i, g in pairs if not i["genuine"]),
    }


def scene_raises(item: dict[str, Any], result: risk.RiskScreen) -> dict[str, int]:
    """On the reading before the gate: model triggers whose unit is made only of scene words, and those whose unit
    holds a short scene fragment glued to others; each counted once per line."""
    text = item["text"]
    norm = lex.normalise(text)
    out = {"scene_unit": 0, "glued_scene_fragment": 0}
    if not (result.flagged and result.model_alone):
        return out
    for t in result.triggers:
        if t.rule != "model":
            continue
        s, e = t.span.start, t.span.end
        if lex.scene_only(norm, s, e):
            out["scene_unit"] = 1
            continue
        pieces = [p for p in risk.sentence_spans(text) if s <= p[0] and p[1] <= e]
        if len(pieces) > 1 and any(
            len(lex.WORD.findall(norm[a:b])) < lex.MIN_MODEL_WORDS and lex.scene_only(norm, a, b)
            for a, b in pieces
        ):
            out["glued_scene_fragment"] = 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--fixture", type=Path)
    parser.add_argument(
        "--unglued", action="store_true", help="also the reading that keeps scene fragments apart"
    )
    parser.add_argument("--only", nargs="*", default=[], help="source names to read (default: all)")
    args = parser.parse_args()
    encoder = _memo_encoder(True)
    if encoder is None:
        raise SystemExit("the sentence model or the encoder is not installed")
    codes = ["before", "gate", "after", *(["unglued"] if args.unglued else [])]
    report: dict[str, Any] = {"sources": {}, "moved": {c: [] for c in codes[1:]}, "scene_raises": []}
    for name, items in sources(args.fixture, args.only):
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        got = {code: screened(items, encoder, code) for code in codes}
        entry: dict[str, Any] = {code: figures(items, got[code]) for code in codes}
        tally = {"scene_unit_genuine": 0, "scene_unit_negative": 0, "glued_genuine": 0, "glued_negative": 0}
        for item, before in zip(items, got["before"], strict=True):
            found = scene_raises(item, before)
            side = "genuine" if item["genuine"] else "negative"
            tally[f"scene_unit_{side}"] += found["scene_unit"]
            tally[f"glued_{side}"] += found["glued_scene_fragment"]
            if found["scene_unit"] or found["glued_scene_fragment"]:
                report["scene_raises"].append({"id": item["id"], "genuine": item["genuine"], **found})
        entry["before_model_alone_raises"] = tally
        for code in codes[1:]:
            for item, a, b in zip(items, got["before"], got[code], strict=True):
                if a.level != b.level:
                    report["moved"][code].append(
                        {"id": item["id"], "genuine": item["genuine"], "before": a.level, "after": b.level}
                    )
        report["sources"][name] = entry
        print(name, json.dumps(entry), flush=True)
    args.out.write_text(json.dumps(report, indent=1))
    print("moved:", json.dumps(report["moved"]))
    print("scene raises:", json.dumps(report["scene_raises"]))


if __name__ == "__main__":
    main()
