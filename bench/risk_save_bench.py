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

``--processes N`` (h181) measures fresh processes instead, the cost a one-shot command pays before its first screen
(loading the lexicon, its gates, the sentence model): N rounds, each running, alternated, ``python -c pass`` (the
baseline), ``import reverie.analysis.risk``, a first ``screen()`` on the lexicon alone and one with the sentence
model, and ``reverie journal write`` fed from stdin on a data folder prepared once (production settings; a client
with one entry), with the screen and with the screen replaced by a stub (``unscreened_write``: the save itself). The
write reports the CPU spent until the entry's row is stored (``post_save``) and in all. Figures are medians of the
children's CPU (user + system, from ``getrusage``; far steadier than wall time on a shared machine), each also as a
ratio to the median ``pass``; ``screen_vs_save`` is what the screen adds to the write, (write − unscreened write) ÷
unscreened write, in all and until the entry is stored. ``--src DIR`` (repeatable) runs every command with ``PYTHONPATH=DIR``, the trees
alternated within each round: `--src <main>/src --src <tree>/src` compares code before and after in one run. The
children cache their bytecode (in the data folder, as an installed package does; round 0, not counted, writes it).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
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
    parser.add_argument(
        "--processes", type=int, default=0, help="time this many rounds of fresh processes instead"
    )
    parser.add_argument("--src", action="append", default=[], help="PYTHONPATH of a tree to run (repeatable)")
    args = parser.parse_args()
    if args.processes:
        print(json.dumps(_fresh(args.processes, args.src or [""])))
        return
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


# --- fresh processes (h181): what a one-shot command pays before its first screen ------------------------------------
FRESH_TEXT = (
    "Walked home the long way and thought about what she said at lunch. Tired but calmer than yesterday."
)
_SCREEN = (
    "import time\n"
    "t0 = time.process_time()\n"
    "from reverie.analysis.risk import screen\n"
    "t1 = time.process_time()\n"
    "screen({text!r}, 'free_association', model={model})\n"
    "t2 = time.process_time()\n"
    "print(f'{{t1 - t0}} {{t2 - t1}}')\n"
)
# ``reverie journal write`` as the command runs it, with the CPU spent until the entry's row is stored written to
# REVERIE_BENCH_MARK; REVERIE_BENCH_STUB=1 replaces the screen by a stub (the save itself, nothing screened).
# reverie.cli.runtime (Django set up) is imported first to connect the signal: the command imports it anyway.
_WRITE = (
    "import os, sys, time\n"
    "import reverie.cli.runtime\n"
    "from django.db.models.signals import post_save\n"
    "from reverie.clinic.models import Entry\n"
    "def stored(**_):\n"
    "    if not os.path.exists(os.environ['REVERIE_BENCH_MARK']):\n"
    "        open(os.environ['REVERIE_BENCH_MARK'], 'w').write(str(time.process_time()))\n"
    "post_save.connect(stored, sender=Entry, weak=False)\n"
    "if os.environ.get('REVERIE_BENCH_STUB'):\n"
    "    from reverie.clinic.services import risk_screen\n"
    "    risk_screen.screen_text = lambda text, kind, labels='': risk_screen.Screened('none', {'level': 'none'}, 0.0)\n"
    "from reverie.cli.main import run\n"
    "sys.argv = ['reverie', 'journal', 'write', '-u', 'wren']\n"
    "run()\n"
)
FRESH_COMMANDS = ("pass", "import_risk", "screen_rules", "screen_model", "write", "unscreened_write")


def _child(argv: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, str]:
    """The child's CPU (user + system) and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(argv, env=env, input=stdin, capture_output=True, text=True, timeout=300)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{argv[:3]} failed: {done.stderr[-2000:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done.stdout


def _fresh(rounds: int, trees: list[str]) -> dict[str, object]:
    """Medians over ``rounds`` rounds of each fresh-process command, per tree (see the module docstring)."""
    python = sys.executable
    data = tempfile.mkdtemp(prefix="reverie-bench-fresh-")
    mark = os.path.join(data, "stored-at")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("REVERIE_", "DJANGO_"))}
    base.update(REVERIE_DATA_DIR=data, REVERIE_PASSWORD="a long bench password", REVERIE_ANALYSIS="off")
    base.update(PYTHONWARNINGS="ignore", REVERIE_BENCH_MARK=mark)
    # bytecode cached, as an installed package runs (round 0 writes it; kept out of the trees)
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    base["PYTHONPYCACHEPREFIX"] = os.path.join(data, "pycache")
    cli = [python, "-m", "reverie.cli.main"]
    first = {**base, **({"PYTHONPATH": trees[0]} if trees[0] else {})}
    _child([*cli, "user", "create", "wren"], first)
    _child([*cli, "journal", "write", "-u", "wren"], first, "A first entry, so the data key exists.")
    argv = {
        "pass": [python, "-c", "pass"],
        "import_risk": [python, "-c", "import reverie.analysis.risk"],
        "screen_rules": [python, "-c", _SCREEN.format(text=FRESH_TEXT, model=False)],
        "screen_model": [python, "-c", _SCREEN.format(text=FRESH_TEXT, model=True)],
        "write": [python, "-c", _WRITE],
        "unscreened_write": [python, "-c", _WRITE],
    }
    cpu: dict[str, dict[str, list[float]]] = {t: {c: [] for c in FRESH_COMMANDS} for t in trees}
    split: dict[str, dict[str, list[float]]] = {t: {} for t in trees}
    for n in range(rounds + 1):  # round 0 warms the file cache and is not counted
        for tree in trees:
            env = {**base, **({"PYTHONPATH": tree} if tree else {})}
            for name in FRESH_COMMANDS:
                if name == "unscreened_write":
                    env = {**env, "REVERIE_BENCH_STUB": "1"}
                stdin = f"Round {n}: {FRESH_TEXT}" if "write" in name else None
                if os.path.exists(mark):
                    os.remove(mark)
                seconds, out = _child(argv[name], env, stdin)
                if n == 0:
                    continue
                cpu[tree][name].append(seconds)
                if name.startswith("screen"):
                    imported, screened = map(float, out.split())
                    split[tree].setdefault(f"{name}_import_cpu_s", []).append(imported)
                    split[tree].setdefault(f"{name}_first_screen_cpu_s", []).append(screened)
                if "write" in name:
                    with open(mark) as f:
                        split[tree].setdefault(f"{name}_until_stored_cpu_s", []).append(float(f.read()))
    result: dict[str, object] = {"bench": "risk_save_fresh", "rounds": rounds}
    for tree in trees:
        med = {c: statistics.median(v) for c, v in cpu[tree].items()}
        med.update({k: statistics.median(v) for k, v in split[tree].items()})
        figures: dict[str, float] = {}
        for key, value in med.items():
            figures[key if key.endswith("_s") else f"{key}_cpu_s"] = round(value, 3)
            figures[(key[:-2] if key.endswith("_s") else f"{key}_cpu") + "_vs_pass"] = round(
                value / med["pass"], 2
            )
        # what the screen adds to a command's save, as a ratio to the save itself (the same write with a stub)
        figures["screen_vs_save"] = round(
            (med["write"] - med["unscreened_write"]) / med["unscreened_write"], 3
        )
        figures["screen_vs_save_until_stored"] = round(
            (med["write_until_stored_cpu_s"] - med["unscreened_write_until_stored_cpu_s"])
            / med["unscreened_write_until_stored_cpu_s"],
            3,
        )
        figures["screen_share_of_write"] = round((med["write"] - med["unscreened_write"]) / med["write"], 3)
        result[tree or "PYTHONPATH"] = figures
        print(
            f"{tree or '(installed)'}: pass {med['pass']:.3f} s · import risk {med['import_risk']:.3f} s · "
            f"first screen rules {med['screen_rules']:.3f} s, model {med['screen_model']:.3f} s · write "
            f"{med['write']:.3f} s (stored at {med['write_until_stored_cpu_s']:.3f} s) · unscreened write "
            f"{med['unscreened_write']:.3f} s (CPU, medians)",
            file=sys.stderr,
        )
    result["load_average"] = round(os.getloadavg()[0], 1)
    return result


if __name__ == "__main__":
    main()
