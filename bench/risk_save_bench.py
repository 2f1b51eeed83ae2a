"""The risk screen at the moment of saving, as a share of the save itself.

Run: REVERIE_DATA_DIR=$(mktemp -d) .venv/bin/python bench/risk_save_bench.py [--entries 200] [--very-long 400]
Saves ``--entries`` journal entries (short, medium and long; one in five with risk language) through
``journal.create_entry`` with the worker off, and times, for the same texts, the save as a whole and the screen on
its own (``journal.screen_draft``, what the save calls). Prints one line per length and, last, one JSON object:
``screen_ms`` and ``save_ms`` medians, ``ratio`` = screen / (save without the screen), ``share`` = screen / save,
the first (cold) screen, which loads the model once per process, the rules-only screen (``model=False``) of the same
texts for reference, and the machine's load average (the encoder pass is CPU-bound: read figures with the load).
``--very-long N`` adds a fourth length of N sentences, each a different one (past ``MAX_SENTENCES`` = 256 the
screen reads the rest in further chunks: this is what that costs). ``--notes N`` (h10) also screens N session notes
at the notes' length limit (20,000 characters, about 700 different sentences, a risk sentence at the end) through
the one save-time screen every note, goal and cancellation note now uses (``risk_screen.screen_text``, bounded to
``risk.SAVE_SENTENCES``) and, for reference, unbounded (``risk.screen``, what ``alerts.screen_at_save`` called
before): ``note_screen_ms`` and ``note_unbounded_ms`` medians (no database: the screen alone).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time

os.environ.setdefault("REVERIE_DATA_DIR", tempfile.mkdtemp(prefix="reverie-bench-"))
os.environ["REVERIE_ANALYSIS"] = "off"  # the screen must not depend on the worker: measure the save alone

SENTENCES = (
    "I kept thinking about my mother and the way I go quiet when someone gets close.",
    "Work was long and the meeting ran over again.",
    "In the dream I was on a train that never reached the station.",
    "I felt relieved after talking to my sister, oddly calm for the rest of the day.",
    "My partner said I seemed far away at dinner and I did not know what to answer.",
    "The walk by the river helped more than I expected.",
)
RISKY = (
    "Some nights I think everyone would be better off without me.",
    "I don't want to be alive anymore.",
    "I looked up how many pills it would take.",
)
LENGTHS = {"short": 1, "medium": 8, "long": 40}


def _text(rng: random.Random, sentences: int, risky: bool) -> str:
    parts = [rng.choice(SENTENCES) for _ in range(sentences)]
    if sentences > LENGTHS["long"]:  # very long: no two sentences alike, as in a real long entry
        parts = [f"On day {i + 1}, {p[0].lower()}{p[1:]}" for i, p in enumerate(parts)]
    if risky:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(RISKY))
    return " ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--very-long", type=int, default=0, help="add entries of this many sentences")
    parser.add_argument("--notes", type=int, default=0, help="also time this many session notes at the limit")
    args = parser.parse_args()
    if args.very_long:
        LENGTHS["very_long"] = args.very_long

    import reverie.cli.runtime  # noqa: F401  (sets Django up and migrates)
    from reverie.clinic.services import journal, keys, people
    from reverie.clinic.services.journal import EntryDraft

    keys.ensure_key_file()
    user = people.create_user(f"bench{int(time.time())}", "a long bench password")
    rng = random.Random(12)
    start = time.perf_counter()
    journal.screen_draft(journal.validate(EntryDraft(kind="reflection", body="A first text.")))
    cold_ms = (time.perf_counter() - start) * 1000

    from reverie.analysis.risk import screen as risk_screen

    rules: list[float] = []
    screen: dict[str, list[float]] = {name: [] for name in LENGTHS}
    save: dict[str, list[float]] = {name: [] for name in LENGTHS}
    screen_cpu: list[float] = []  # process CPU time: far less sensitive to the machine's load than wall time
    save_cpu: list[float] = []
    for index in range(args.entries):
        name = list(LENGTHS)[index % len(LENGTHS)]
        draft = EntryDraft(kind="reflection", body=_text(rng, LENGTHS[name], index % 5 == 0))
        start, cpu = time.perf_counter(), time.process_time()
        journal.screen_draft(journal.validate(draft))
        screen[name].append((time.perf_counter() - start) * 1000)
        screen_cpu.append((time.process_time() - cpu) * 1000)
        start = time.perf_counter()
        risk_screen(draft.body, draft.kind, model=False)
        rules.append((time.perf_counter() - start) * 1000)
        start, cpu = time.perf_counter(), time.process_time()
        journal.create_entry(user, draft)
        save[name].append((time.perf_counter() - start) * 1000)
        save_cpu.append((time.process_time() - cpu) * 1000)

    for name in LENGTHS:
        s, v = statistics.median(screen[name]), statistics.median(save[name])
        print(
            f"{name:>6}: screen {s:7.2f} ms · save {v:7.2f} ms · screen/rest of save {s / max(v - s, 1e-9):.2f}"
        )
    all_screen = [x for xs in screen.values() for x in xs]
    all_save = [x for xs in save.values() for x in xs]
    screen_ms, save_ms = statistics.median(all_screen), statistics.median(all_save)
    result = {
        "bench": "risk_save",
        "entries": args.entries,
        "screen_ms": round(screen_ms, 2),
        "save_ms": round(save_ms, 2),
        "ratio": round(screen_ms / max(save_ms - screen_ms, 1e-9), 3),
        "share": round(screen_ms / save_ms, 3),
        "screen_cpu_ms": round(statistics.median(screen_cpu), 2),
        "save_cpu_ms": round(statistics.median(save_cpu), 2),
        "cpu_ratio": round(
            statistics.median(screen_cpu)
            / max(statistics.median(save_cpu) - statistics.median(screen_cpu), 1e-9),
            3,
        ),
        "screen_p95_ms": round(sorted(all_screen)[int(0.95 * (len(all_screen) - 1))], 2),
        "cold_screen_ms": round(cold_ms, 1),
        "rules_only_screen_ms": round(statistics.median(rules), 2),
        "load_average": round(os.getloadavg()[0], 1),
        "by_length": {
            name: {
                "screen_ms": round(statistics.median(screen[name]), 2),
                "save_ms": round(statistics.median(save[name]), 2),
            }
            for name in LENGTHS
        },
        "database": "sqlite" if "REVERIE_DATABASE_URL" not in os.environ else "postgresql",
    }
    if args.notes:
        result.update(_notes(args.notes))
    sys.stdout.flush()
    print(json.dumps(result))


def _notes(count: int) -> dict[str, float]:
    """Medians of the bounded (as saved now) and unbounded screens of ``count`` notes at the length limit."""
    from reverie.analysis.risk import screen
    from reverie.care.services.records import MAX_TEXT
    from reverie.clinic.services.risk_screen import screen_text

    bounded: list[float] = []
    unbounded: list[float] = []
    for n in range(count):
        parts = [f"Week {i} of {n}: work, sleep." for i in range(MAX_TEXT // 20)]
        kept = " ".join(parts)[: MAX_TEXT - 40].rsplit(".", 1)[0]
        note = kept + ". Maybe the bridge tonight."
        start = time.perf_counter()
        screen_text(note, "session_note")
        bounded.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        screen(note, "session_note")
        unbounded.append((time.perf_counter() - start) * 1000)
    return {
        "notes": count,
        "note_screen_ms": round(statistics.median(bounded), 1),
        "note_unbounded_ms": round(statistics.median(unbounded), 1),
    }


if __name__ == "__main__":
    main()
