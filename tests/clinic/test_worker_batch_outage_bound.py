"""`reverie worker --batch` gives up a database that stays busy after at most ``BATCH_OUTAGE_S`` (2 minutes) of
waiting, with the plain error (E540), so a scheduled run never hangs; a daemon worker waits on (docs/deploy.md,
``clinic.services.worker`` "Outages"; review r124, left untested by h153). The bound is a module constant, not a
setting, so the worker's clock is the one stand-in (time is this test's process edge): a fake ``time`` whose
``sleep`` moves its ``monotonic`` on, and a database that answers busy to every try, each try costing SQLite's
30-s busy wait (clinic/settings.py) as a real one does. Nothing waits for real."""

from __future__ import annotations

import logging

import pytest
from django.db.utils import OperationalError

from reverie.clinic.services import worker
from reverie.errors import DatabaseBusy, failure_of

BUSY_WAIT_S = 30.0  # each try of a busy SQLite database waits this long before it answers busy


class FakeTime:
    """``time`` as the worker module reads it: ``sleep`` only moves ``monotonic`` on."""

    def __init__(self) -> None:
        self.now = 1_000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    fake = FakeTime()
    monkeypatch.setattr(worker, "time", fake)
    return fake


class Busy:
    """A database busy to every try (or until ``until`` on the fake clock): each try waits the busy wait first."""

    def __init__(self, clock: FakeTime, until: float | None = None) -> None:
        self.clock = clock
        self.until = until
        self.tries: list[float] = []  # when each try began

    def __call__(self, *args: object, **kwargs: object) -> None:
        self.tries.append(self.clock.now)
        if self.clock.now - self.tries[0] > 3600:  # not an exception the worker waits out: the test fails
            raise AssertionError("still trying a busy database after an hour")
        if self.until is not None and self.clock.now >= self.until:
            return
        self.clock.now += BUSY_WAIT_S
        raise OperationalError("database is locked")


def _gave_up(clock: FakeTime, busy: Busy, raised: pytest.ExceptionInfo[OperationalError]) -> None:
    """The run ended with the busy error as it came (E540 at the command line's exit point), after waiting at most
    ``BATCH_OUTAGE_S`` from the first busy answer, having tried again meanwhile."""
    assert isinstance(failure_of(raised.value), DatabaseBusy)
    first_answer = busy.tries[0] + BUSY_WAIT_S
    assert len(busy.tries) >= 3  # it waited, and tried again, more than once
    assert sum(clock.slept) <= worker.BATCH_OUTAGE_S
    waited_when_stopping = busy.tries[-1] + BUSY_WAIT_S - first_answer
    assert waited_when_stopping <= worker.BATCH_OUTAGE_S + BUSY_WAIT_S  # the last try's own busy wait at most
    assert clock.now - first_answer == waited_when_stopping  # nothing after the last try: it ended


def test_a_batch_run_started_on_a_busy_database_ends_within_its_bound(
    clock: FakeTime, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Its start (the lease, before anything is claimed): `run_worker(batch=True)` ends with the busy error."""
    busy = Busy(clock)
    monkeypatch.setattr(worker, "renew_lease", busy)
    with caplog.at_level(logging.WARNING, logger="reverie.worker"), pytest.raises(OperationalError) as raised:
        worker.run_worker(batch=True, worker_id="batch-h155")
    _gave_up(clock, busy, raised)
    said = caplog.text
    assert "the database is busy (OperationalError): waiting 1 s, then trying again" in said
    assert "the database is still busy after" in said and "stopping this --batch run" in said


def test_a_batch_run_whose_poll_meets_a_busy_database_ends_within_its_bound(
    clock: FakeTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its poll (django-tasks-db's loop, ``BEGIN EXCLUSIVE`` outside the library's own retry): the same bound. The
    whole database is busy: the poll, and the putting back of this worker's own tasks tried before each new poll."""
    from django_tasks_db.management.commands.db_worker import Worker

    busy = Busy(clock)
    monkeypatch.setattr(Worker, "run", busy)
    monkeypatch.setattr(worker, "_put_back_own", busy)
    polling = worker._worker_class()(
        queue_names=["default"],
        interval=1.0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="batch-h155",
        excluded_queue_names=[],
    )
    with pytest.raises(OperationalError) as raised:
        polling.run()
    _gave_up(clock, busy, raised)


def test_a_daemon_worker_waits_out_a_busy_database_past_the_batch_bound(
    clock: FakeTime, caplog: pytest.LogCaptureFixture
) -> None:
    """Without ``--batch`` there is no bound: busy for 10 minutes, the worker waits (pauses growing to 30 s) and
    goes on once the database answers."""
    busy = Busy(clock, until=clock.now + 600)
    with caplog.at_level(logging.WARNING, logger="reverie.worker"):
        worker._until_it_answers(busy, limit=None)
    assert clock.now >= busy.until
    assert max(clock.slept) == worker.LONGEST_WAIT_S
    assert "the database answers again after" in caplog.text


def test_a_batch_run_whose_poll_fails_on_while_its_put_back_answers_ends_within_its_bound(
    clock: FakeTime, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The poll answers busy to every try while the put-back of this worker's own tasks, tried before each new poll,
    answers (a short row update on PostgreSQL gets through where the poll does not): the put-back answering ended
    the outage and the next failed poll began a new one, so the 2 minutes were counted afresh each round and the run
    never ended (h161). The bound now counts from the first failure until the poll itself answers."""
    from django_tasks_db.management.commands.db_worker import Worker

    busy = Busy(clock)
    put_back: list[float] = []
    monkeypatch.setattr(Worker, "run", busy)
    monkeypatch.setattr(worker, "_put_back_own", lambda worker_id: put_back.append(clock.now) or 0)
    polling = worker._worker_class()(
        queue_names=["default"],
        interval=1.0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="batch-h161",
        excluded_queue_names=[],
    )
    with caplog.at_level(logging.WARNING, logger="reverie.worker"), pytest.raises(OperationalError) as raised:
        polling.run()
    _gave_up(clock, busy, raised)
    assert (
        len(put_back) == len(busy.tries) - 1
    )  # it was put back before each new poll, and answered each time
    assert "answers again" not in caplog.text  # the poll never answered
