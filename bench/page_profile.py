"""The load bench's pages one by one, in process: time, queries, writes, decryptions and audit events per page.

Run: .venv/bin/python bench/page_profile.py [--entries 300] [--data-dir DIR] [--profile PATH] [--top 40]
The same data as bench/web_load.py (its set-up: a client with ``--entries`` entries, every third shared, their
therapist with five open alerts), made once in ``--data-dir`` (a fresh temporary folder by default; an existing one
is reused). Each page is fetched once to warm up, then five times through Django's test client: the median time,
and for the last fetch the queries (and how many of them write), the decryptions (``keys.open_for`` calls) and the
audit events. ``--profile PATH`` adds a cProfile of the last fetch of that page (cumulative, ``--top`` lines).
Counting wraps two functions of this process only; nothing is written outside the data folder.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--data-dir", default="")
    parser.add_argument("--profile", default="", help="a page path to profile, e.g. /journal/")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    data = Path(args.data_dir or tempfile.mkdtemp(prefix="reverie-pages-"))
    os.environ["REVERIE_DATA_DIR"] = str(data)
    os.environ.setdefault("REVERIE_ANALYSIS", "off")
    import web_load

    import reverie.cli.runtime  # noqa: F401  (sets Django up and migrates)

    made = data / "page-profile-setup.json"
    if not made.exists():
        made.write_text(json.dumps(web_load._setup(args.entries)))
    setup: dict[str, Any] = json.loads(made.read_text())

    from django.conf import settings
    from django.db import connection
    from django.test import Client

    # The test client's host name, in this process only (the settings add it for no one: review r31).
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from django.test.utils import CaptureQueriesContext

    from reverie.clinic.services import audit, keys

    counts = {"opened": 0, "audited": 0}
    real_open, real_record_many = keys.open_for, audit.record_many

    def counting_open(*a: Any, **k: Any) -> bytes:
        counts["opened"] += 1
        return real_open(*a, **k)

    def counting_record_many(*a: Any, **k: Any) -> Any:
        events = real_record_many(*a, **k)  # audit.record appends through it too
        counts["audited"] += len(events)
        return events

    keys.open_for = counting_open  # type: ignore[assignment]
    audit.record_many = counting_record_many  # type: ignore[assignment]
    entry = f"/journal/{setup['entry_ids'][5]}/"
    pages = {
        "client": ["/", "/journal/", "/journal/?page=2", "/journal/?q=mother", "/insights/", entry],
        "therapist": ["/", "/courses/", f"/clients/{setup['client_id']}/insights/", "/week/"],
    }
    profile = cProfile.Profile()
    report = []
    for role, paths in pages.items():
        browser = Client()
        browser.cookies["sessionid"] = setup["cookies"][role]
        for path in paths:
            browser.get(path)
            times = []
            for attempt in range(5):
                counts.update(opened=0, audited=0)
                last = attempt == 4
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    if last and path == args.profile:
                        profile.enable()
                    response = browser.get(path)
                    if last and path == args.profile:
                        profile.disable()
                    times.append(time.perf_counter() - started)
            sql = [q["sql"].split(None, 1)[0].upper() for q in queries.captured_queries]
            row = {
                "role": role,
                "page": "/journal/<id>/" if path == entry else path,
                "status": response.status_code,
                "median_ms": round(sorted(times)[2] * 1000, 1),
                "queries": len(sql),
                "writes": sum(1 for s in sql if s in ("INSERT", "UPDATE", "DELETE")),
                "decryptions": counts["opened"],
                "audit_events": counts["audited"],
            }
            report.append(row)
            print(
                f"{role:9} {row['page'][:34]:36} {row['status']} {row['median_ms']:7.1f} ms  queries "
                f"{row['queries']:3} (writes {row['writes']})  decryptions {row['decryptions']:3}  "
                f"audit events {row['audit_events']}",
                file=sys.stderr,
            )
    if args.profile:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.top)
        print(out.getvalue(), file=sys.stderr)
    print(json.dumps({"entries": args.entries, "load_average": os.getloadavg()[0], "pages": report}))


if __name__ == "__main__":
    main()
