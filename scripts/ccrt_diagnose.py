"""Per-file figures and the mechanisms of unmatched and spurious episodes on the vignette files (a diagnostic).

    .venv/bin/python scripts/ccrt_diagnose.py --out /tmp/diag.json [FILE ...]

Runs the analysis (people, timeframes, episodes) on each vignette file, scores it as ``reverie eval episodes``
does, and sorts every unmatched expected episode and every spurious found one by mechanism:

- unmatched, ``merged``: fewer episodes are found with that role than expected (one found took two);
- unmatched, ``role misread``: no mention of the role in the text, and an unmatched found episode of another
  role beside it (the person was read with another role);
- unmatched, ``not found``: no mention of the role and nothing beside it;
- unmatched, ``other person``: the role is mentioned, no episode with it, and an episode with someone the
  vignette does not expect beside it (the episode went to another person);
- unmatched, ``no interaction``: the role is mentioned and nothing beside it (the rules dropped the episode);
- spurious: ``text without episode``, ``split`` (more found with that role than expected), ``role swap`` (beside
  an unmatched expected one), ``extra person``.

Writes per text the expected and found episodes and the person mentions' roles (no text) to ``--out``; prints
the per-file figures and counts as JSON. Reads only the files named (default: every seen vignette file).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reverie.analysis.ccrt import EpisodeCode  # noqa: E402
from reverie.analysis.evaluation.episodes import (  # noqa: E402
    ANALYZERS,
    align,
    read_vignettes,
    score,
    vignette_files,
)

FIXTURES = ROOT / "tests" / "fixtures"
FILES = tuple(path.name for path in vignette_files(FIXTURES))  # every seen vignette file, in order


def mechanisms(expected: list[EpisodeCode], found: list[EpisodeCode], roles: set[str]) -> Counter[str]:
    pairs = align(expected, found)
    matched_e = {id(e) for e, _ in pairs}
    matched_f = {id(f) for _, f in pairs}
    lost = [e for e in expected if id(e) not in matched_e]
    extra = [f for f in found if id(f) not in matched_f]
    want = Counter(e.other for e in expected)
    got = Counter(f.other for f in found)
    out: Counter[str] = Counter()
    for e in lost:
        if got[e.other]:
            out["unmatched: merged"] += 1
        elif e.other not in roles:
            out["unmatched: role misread" if extra else "unmatched: not found"] += 1
        else:
            out["unmatched: other person" if extra else "unmatched: no interaction"] += 1
    for f in extra:
        if not expected:
            out["spurious: text without episode"] += 1
        elif want[f.other] and got[f.other] > want[f.other]:
            out["spurious: split"] += 1
        elif lost:
            out["spurious: role swap"] += 1
        else:
            out["spurious: extra person"] += 1
    return out


def run(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from reverie.analysis.pipeline import analyse_many

    rows = read_vignettes(path)
    results = analyse_many([(row["text"], row["kind"]) for row in rows], only=ANALYZERS)
    found_all, expected_all, texts = [], [], []
    counts: Counter[str] = Counter()
    for row, result in zip(rows, results, strict=True):
        found = [EpisodeCode.from_data(f.data) for f in result.of_kind("episode")]
        expected = [
            EpisodeCode(str(e["other"]), e.get("w"), e.get("ro"), e.get("rs")) for e in row["episodes"]
        ]
        roles = {f.label for f in result.of_kind("person") if f.label != "self"}
        counts.update(mechanisms(expected, found, roles))
        found_all.append(found)
        expected_all.append(expected)
        texts.append(
            {
                "expected": [[e.other, e.w, e.ro, e.rs] for e in expected],
                "found": [[f.other, f.w, f.ro, f.rs] for f in found],
                "roles": sorted(roles),
            }
        )
    figures = score(expected_all, found_all)
    figures["mechanisms"] = dict(sorted(counts.items()))
    return figures, texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", default=list(FILES))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    report, dump = {}, {}
    for name in args.files:
        path = Path(name) if "/" in name else FIXTURES / name
        figures, texts = run(path)
        keep = ("expected", "found", "matched", "spurious", "w_accuracy", "ro_accuracy", "rs_accuracy")
        report[path.name] = {k: figures[k] for k in (*keep, "mechanisms")}
        dump[path.name] = texts
        print(json.dumps({path.name: report[path.name]}), flush=True)
    if args.out:
        args.out.write_text(json.dumps(dump), encoding="utf-8")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
