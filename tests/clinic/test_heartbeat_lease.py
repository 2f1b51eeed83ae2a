"""Review r38: the worker's heartbeat keeps the lease of a live worker, whatever else a beat does."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone

from reverie import settings as reverie_settings

LEASE = 6  # a beat every 2 s


@pytest.fixture
def short_lease() -> Iterator[None]:
    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config(
        {**original.values, "REVERIE_ANALYSIS": "background", "REVERIE_TASK_LEASE_SECONDS": LEASE}
    )
    try:
        yield
    finally:
        settings.REVERIE = original


@pytest.mark.django_db(transaction=True)
def test_a_live_workers_lease_never_lapses_while_its_heartbeat_probes_the_analyzers(
    short_lease: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A live worker's lease stays renewed while the same heartbeat thread loads the analyzers for the re-analysis probe (slow on first use)."""
    import reverie.analysis.pipeline as pipeline
    from reverie.clinic.services import analysis, worker
    from reverie.workers.models import WorkerLease

    class _Probe:
        analyzers = {"risk": "1.0:x"}

    def slow_first_use(*args: Any, **kwargs: Any) -> Any:
        time.sleep(
            1.0
        )  # per kind: the models loading on the heartbeat thread (tens of seconds on a busy host)
        return _Probe()

    monkeypatch.setattr(pipeline, "analyse", slow_first_use)
    monkeypatch.setattr(analysis, "_versions", {})
    worker.renew_lease("alive")
    beat = worker._Heartbeat("alive", None)
    beat.start()
    lapsed_at = None
    try:
        deadline = time.monotonic() + 3 * LEASE
        while time.monotonic() < deadline and lapsed_at is None:
            expires = WorkerLease.objects.get(worker_id="alive").expires_at
            if expires < timezone.now():
                lapsed_at = expires
            time.sleep(0.2)
    finally:
        beat.stopping.set()
        beat.join(timeout=30)
    assert lapsed_at is None, (
        "the lease of a live worker ran out: its running task would be requeued and run twice"
    )
