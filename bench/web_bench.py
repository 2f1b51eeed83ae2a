"""Page render times on the embedded default (SQLite) with a year of daily entries.

Run: REVERIE_DATA_DIR=$(mktemp -d) .venv/bin/python bench/web_bench.py [--days 365]
Prints one line per page (median and p95 over repeated requests) and, last, one JSON object. A bare request for a
static-free page (the login form) is measured in the same run as the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta

os.environ.setdefault("REVERIE_DATA_DIR", tempfile.mkdtemp(prefix="reverie-bench-"))
os.environ.setdefault("REVERIE_ANALYSIS", "off")


def _timed(client, path: str, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=365)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    from django.conf import settings
    from django.test import Client
    from django.utils import timezone

    import reverie.cli.runtime  # noqa: F401  (sets Django up and migrates)
    from reverie.clinic.services import journal, keys, people
    from reverie.clinic.services.journal import EntryDraft, Feeling

    # The test client's host name, in this process only (the settings add it for no one: review r31).
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

    keys.ensure_key_file()
    user = people.create_user(f"bench{int(time.time())}", "a long bench password")
    start = timezone.now() - timedelta(days=args.days)
    body = (
        "Today I kept thinking about my mother and the way I go quiet when someone gets close. " * 12
    ).strip()
    for day in range(args.days):
        journal.create_entry(
            user,
            EntryDraft(
                kind="free_association",
                body=body,
                happened_at=start + timedelta(days=day),
                feelings=(Feeling("sadness", 3), Feeling("relief", 2)),
            ),
        )
    entry_id = journal.list_entries(user, limit=1)[0].id
    client = Client()
    client.force_login(user)
    pages = {
        "baseline /login/": "/login/",
        "home (write)": "/",
        "journal list": "/journal/",
        "journal search": "/journal/?q=mother",
        "entry": f"/journal/{entry_id}/",
        "export page": "/export/",
    }
    report = {}
    for name, path in pages.items():
        p50, p95 = _timed(client if "login" not in path else Client(), path, args.repeat)
        report[name] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
        print(f"{name:18s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms", file=sys.stderr)
    print(json.dumps({"days": args.days, "pages": report}))


if __name__ == "__main__":
    main()
