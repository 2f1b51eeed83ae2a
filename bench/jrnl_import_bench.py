"""Peak memory of reading a large jrnl plain-text journal, and of `reverie journal import` refusing one over the cap.

Run: .venv/bin/python bench/jrnl_import_bench.py [--mib 95] [--over-mib 191] [--seed 64]
Writes a jrnl file of about ``--mib`` MiB (seeded entries of 1 to 12 sentences, jrnl's default time format) and
reads it in a child process with `interchange.load_report` under the journal cap (ten times the shipped 10 MiB
attachment limit: 100 MiB), the parse every door of an import runs before anything is stored; its peak RSS comes
from wait4. Then writes a file of ``--over-mib`` MiB (h64 measured 191 MiB peaking at about 600 MiB) and runs
`reverie journal import` on it in a fresh data folder: it is refused before it is read, and its peak RSS is printed
beside the message. A full import at the cap is not timed here: each entry is screened and stored, which takes
hours for 300,000 entries. JSON last.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = [
    "today",
    "I",
    "felt",
    "tired",
    "and",
    "a",
    "little",
    "lost",
    "after",
    "the",
    "meeting",
    "with",
    "my",
    "sister",
    "about",
    "the",
    "house",
    "we",
    "talked",
    "for",
    "hours",
    "and",
    "nothing",
    "was",
    "decided",
    "I",
    "walked",
    "home",
    "through",
    "the",
    "park",
    "the",
    "light",
    "was",
    "soft",
    "and",
    "I",
    "thought",
    "of",
    "my",
    "father",
]
READ = """
import sys
from reverie.journal.interchange import MediaLimits, load_report
data = open(sys.argv[1], "rb").read()
report = load_report(data, media_limits=MediaLimits(journal=100 * 2**20))
print(len(report.journal.entries), len(report.problems))
"""


def write_jrnl(path: Path, mib: float, seed: int) -> int:
    """A jrnl file of about ``mib`` MiB; returns its number of entries."""
    rng = random.Random(seed)
    moment, count, size, target = datetime(2000, 1, 1, 8, 0), 0, 0, int(mib * 2**20)
    with path.open("w", encoding="utf-8", newline="") as out:
        while size < target:
            sentences = [
                " ".join(rng.choices(WORDS, k=rng.randint(5, 18))).capitalize() + "." for _ in range(12)
            ]
            title, body = sentences[0], " ".join(sentences[1 : rng.randint(1, 12)])
            tag = " @work" if rng.random() < 0.2 else ""
            stamp = f"[{moment:%Y-%m-%d %I:%M:%S %p}] {title}{tag}"  # jrnl's default format, %F %r
            text = f"{stamp}\n{body}\n\n" if body else f"{stamp}\n\n"
            size += out.write(text)
            moment += timedelta(minutes=rng.randint(30, 1500))
            count += 1
    return count


def peak_of(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Peak RSS (MiB) of a child process, its exit status and its output."""
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = child.stdout.read() if child.stdout else ""
    _, status, usage = os.wait4(child.pid, 0)
    return round(usage.ru_maxrss / 1024, 1), os.waitstatus_to_exitcode(status), output.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=float, default=95.0)
    parser.add_argument("--over-mib", type=float, default=191.0)
    parser.add_argument("--seed", type=int, default=64)
    args = parser.parse_args()
    report: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="reverie-jrnl-") as folder:
        env = {**os.environ, "REVERIE_DATA_DIR": str(Path(folder) / "data"), "REVERIE_ANALYSIS": "off"}
        env["REVERIE_PASSWORD"] = "a long bench password"
        env.pop("REVERIE_MAX_ATTACHMENT_BYTES", None)  # the shipped 10 MiB: the cap is 100 MiB
        path = Path(folder) / "journal.txt"
        entries = write_jrnl(path, args.mib, args.seed)
        peak, code, out = peak_of([sys.executable, "-c", READ, str(path)], env)
        report.update(
            read_file_mib=round(path.stat().st_size / 2**20, 1),
            read_entries=entries,
            read_peak_rss_mib=peak,
            read_ok=code == 0 and out.split()[:1] == [str(entries)],
        )
        print(f"load_report of {report['read_file_mib']} MiB ({entries} entries): peak RSS {peak} MiB")
        write_jrnl(path, args.over_mib, args.seed)
        cli = [sys.executable, "-m", "reverie.cli.main"]
        subprocess.run([*cli, "user", "create", "bench"], env=env, check=True, capture_output=True)
        peak, code, out = peak_of([*cli, "journal", "import", str(path), "-u", "bench"], env)
        report.update(
            refused_file_mib=round(path.stat().st_size / 2**20, 1),
            refused_exit=code,
            refused_peak_rss_mib=peak,
            refused_words=out.splitlines()[-1] if out else "",
        )
        print(f"journal import of {report['refused_file_mib']} MiB: exit {code}, peak RSS {peak} MiB: {out}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
