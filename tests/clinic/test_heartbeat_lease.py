"""Review r38: the worker's heartbeat keeps the lease of a live worker, whatever else a beat does."""

from __future__ import annotations

import time
from collections.abc import Iterator

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
def test_a_live_workers_lease_never_lapses_while_its_upkeep_is_slow(
    short_lease: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A live worker's lease stays renewed while its upkeep is slow (a re-analysis sweep over many entries, models
    loading on first use: tens of seconds on a busy host). r84: this test once slowed ``pipeline.analyse``, which the
    heartbeat no longer reaches, so it could not fail; it now slows a chore the upkeep does run, and checks it ran."""
    from reverie.clinic.services import worker
    from reverie.workers.models import WorkerLease

    slowed: list[float] = []

    def slow_sweep() -> None:
        slowed.append(time.monotonic())
        time.sleep(2 * LEASE)  # longer than a whole lease

    monkeypatch.setattr(worker, "_queue_outdated", slow_sweep)
    worker.renew_lease("alive")
    beat = worker._Heartbeat("alive", None)
    upkeep = worker._Upkeep()
    beat.start()
    upkeep.start()
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
        upkeep.stopping.set()
        beat.join(timeout=30)
        upkeep.join(timeout=30)
    assert slowed, "the upkeep never reached its slow chore: this test would prove nothing"
    assert lapsed_at is None, (
        "the lease of a live worker ran out: its running task would be requeued and run twice"
    )
