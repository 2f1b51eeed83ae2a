"""The audit trail at size: the privacy page's chain check (incremental) against a full ``reverie audit verify``.

Run: .venv/bin/python bench/audit_bench.py [--events 100000] [--database-url postgresql://…]

It makes a throw-away data folder (SQLite there unless ``--database-url`` names a PostgreSQL server, whose database
it then uses as is: give it an empty one), migrates, writes N keyed events (digests computed as ``audit.record``
does, inserted in batches), then measures:

- full_verify_s: ``audit.verify()``, every digest recomputed (what the page did on every view before);
- page_view_s: the median of 5 GETs of ``/account/audit/`` (its chain check is ``verify_incremental``), each after
  10 new events were appended, so every view has something new to check;
- incremental_s: the median of 5 ``verify_incremental()`` calls after 10 new events each;
- append_ms: the mean time of one ``audit.record`` in its own transaction (head row lock, anchor file update).

Prints one line per figure and, last, one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args(argv)

    folder = tempfile.mkdtemp(prefix="reverie-audit-bench-")
    os.environ.update(
        REVERIE_DATA_DIR=folder,
        REVERIE_ANALYSIS="off",
        REVERIE_DATABASE_URL=args.database_url,
        DJANGO_SETTINGS_MODULE="reverie.clinic.settings",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    # The test client's host name, in this process only (the settings add it for no one: review r31).
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

    from reverie.clinic.models import AuditEvent, AuditHead
    from reverie.clinic.services import audit, keys, people

    call_command("migrate", verbosity=0, interactive=False)
    keys.ensure_key_file()
    user = people.create_user("bench-reader", "a long bench password")
    key_id, key = audit._active_chain_key()

    head = AuditHead.objects.get(pk=1)
    prev, count = head.hash, head.count
    start = datetime(2026, 1, 1, tzinfo=UTC)
    batch: list[AuditEvent] = []
    t0 = time.perf_counter()
    for i in range(args.events):
        event = AuditEvent(
            at=start + timedelta(seconds=i),
            actor_id=user.pk,
            subject_id=user.pk if i % 10 == 0 else None,
            action="entry.read",
            record_type="entry",
            record_id=f"bench-{i}",
            outcome="ok",
            prev_hash=prev,
            digest_version=audit.KEYED,
            key_id=key_id,
        )
        event.hash = audit._digest_v2(key, prev, audit._event_fields(event), key_id)
        prev = event.hash
        batch.append(event)
        if len(batch) == 5000:
            AuditEvent.objects.bulk_create(batch)
            batch.clear()
    if batch:
        AuditEvent.objects.bulk_create(batch)
    last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    AuditHead.objects.filter(pk=1).update(count=count + args.events, last_id=last, hash=prev)
    print(f"wrote {args.events} events in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    t0 = time.perf_counter()
    check = audit.verify()
    full = time.perf_counter() - t0
    assert check.ok, check.problem
    print(f"full verify: {full:.2f} s for {check.events} events")

    def append(n: int) -> None:
        for i in range(n):
            with transaction.atomic():
                audit.record(user, "entry.read", "entry", f"more-{i}", subject=user)

    web = Client()
    web.force_login(user)
    page_times, incremental_times = [], []
    for _ in range(5):
        append(10)
        t0 = time.perf_counter()
        response = web.get("/account/audit/")
        page_times.append(time.perf_counter() - t0)
        assert response.status_code == 200 and b"do not match" not in response.content
    for _ in range(5):
        append(10)
        t0 = time.perf_counter()
        inc = audit.verify_incremental()
        incremental_times.append(time.perf_counter() - t0)
        assert inc.ok and inc.checked == 10
    t0 = time.perf_counter()
    append(200)
    append_ms = (time.perf_counter() - t0) / 200 * 1000
    figures = {
        "events": args.events,
        "database": "postgresql" if args.database_url else "sqlite",
        "full_verify_s": round(full, 3),
        "page_view_s": round(statistics.median(page_times), 4),
        "incremental_s": round(statistics.median(incremental_times), 4),
        "append_ms": round(append_ms, 2),
    }
    print(
        f"page view (incremental check): {figures['page_view_s']} s; check alone {figures['incremental_s']} s"
    )
    print(f"one append (head lock + anchor file): {figures['append_ms']} ms")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
