"""Write src/reverie/analysis/regex_gate_literals.json: the gates of every pattern compiled through
``reverie.analysis.regex_gate.compile`` (the modules that import ``lazy_re`` as ``re``), so a process reads them
instead of parsing each pattern, and compiles a pattern only when a text may match it (h181, see
:mod:`reverie.analysis.regex_gate`). Run after changing any of those patterns (the test
tests/analysis_core/test_regex_gate_literals.py fails until then; a stale file is only slower, never wrong):

    PYTHONPATH=src .venv/bin/python scripts/regex_gate_literals.py [--check]

``--check`` writes nothing and exits 1 when the file is stale. The file holds, per pattern, a hash of its flags and
source (never the source) with its flags once compiled and its two gates, and the header the reader checks.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys

from reverie.analysis import regex_gate

# the modules whose patterns go through regex_gate.compile (each imports reverie.analysis.lazy_re as re)
MODULES = ("reverie.analysis.risk_lexicon", "reverie.analysis.risk")


def expected() -> str:
    """The file's text for the patterns of :data:`MODULES` as they are now."""
    for name in MODULES:
        importlib.import_module(name)
    patterns = {
        regex_gate.store_key(source, flags): regex_gate.to_json(regex_gate.analyse(source, flags))
        for source, flags, module in regex_gate.seen
        if module in MODULES
    }
    lines = [f"{json.dumps(key)}: {json.dumps(value)}" for key, value in sorted(patterns.items())]
    # one pattern a line: a changed pattern is a changed line
    header = json.dumps(regex_gate.store_header())[:-1]
    return header + ', "patterns": {\n' + ",\n".join(lines) + "\n}}\n"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale; write nothing")
    args = parser.parse_args()
    text = expected()
    current = regex_gate.STORE.read_text(encoding="utf-8") if regex_gate.STORE.exists() else ""
    if args.check:
        print("up to date" if current == text else f"stale: run {sys.argv[0]}")
        return 0 if current == text else 1
    regex_gate.STORE.write_text(text, encoding="utf-8")
    print(f"{regex_gate.STORE.name}: {len(json.loads(text)['patterns'])} patterns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
