"""The background workers: django-tasks' database worker, with leases so no task is ever stuck, and risk first.

``reverie worker`` runs :func:`run_worker`; ``reverie serve`` starts one as a child (:func:`start_background_worker`)
and stops it when it stops. In clinic mode run ``reverie worker`` on as many machines as needed, all pointed at the
same PostgreSQL: each claims a task with ``SELECT … FOR UPDATE SKIP LOCKED`` (django-tasks-db), so a task goes to
exactly one worker at a time.

Leases. django-tasks-db 0.13 has none: a worker killed mid-task leaves its task "running" for ever. Here every
worker holds a row in ``WorkerLease`` that a heartbeat thread renews every third of ``REVERIE_TASK_LEASE_SECONDS``
and does nothing else (no slow work can make a live worker's lease lapse). A second thread, the upkeep, runs the
chores at the same pace, each round after the last has ended; first :func:`requeue_expired`: a running task whose worker's lease has run out (and that
started at least one lease ago) goes back to the queue; after ``MAX_ATTEMPTS`` lost workers it is marked failed
instead (a task that kills every worker must not kill them all), and an analysis task so failed is recorded
(``AnalysisFailure``, error "WorkerLost") for ``reverie doctor``. Delivery is therefore at least once; the analysis
task is idempotent (one stored analysis per entry revision; its after-analysis hooks rerun until marked done).
A worker child that ``reverie serve`` stops by force (:func:`stop_worker`) puts its task back itself: not counted
as a lost worker.

Stopping. The first SIGTERM or SIGINT lets the task under way finish, then the worker stops. A second one
(systemd's stop reaches both ``reverie serve`` and its worker child, which ``serve`` also stops; Ctrl+C twice)
stops it now: the task is cut short (:class:`ForcedStop`, a ``BaseException``, so no ``except Exception`` of a task
swallows it) and goes back to the queue, stopped, not failed, not counted as a lost worker
(:func:`_settle_failed`). django-tasks-db's own worker would ``sys.exit(1)`` inside the task and mark it failed,
never retried. A task that fails any other way keeps in its row its exception's class and the frames it went
through, never its message (which could quote an entry); the upkeep records an analysis task failed with nothing
recorded as a failed try, which it retries (``analysis.record_unrecorded_failures``).

Outages. A database that answers busy (SQLite's write lock held past the 30-s busy wait by a long import, a
restore, another program; a serialization failure) or cannot be reached (PostgreSQL restarting) never ends a worker:
its start (lease, requeue), its poll (django-tasks-db's ``BEGIN EXCLUSIVE``, outside the library's own retry) and
the recording of a task's end wait it out with growing pauses (1 s doubling to 30 s), one warning a try naming the
failure's kind and type, never a message; a task whose end could not be recorded goes back to the queue. The
heartbeat and upkeep threads already skip a round. A ``--batch`` run waits out one outage for at most
``BATCH_OUTAGE_S`` (2 minutes), then ends with the plain error (E540 busy, exit 13; E560 out of reach, exit 15), so a
scheduled run never hangs (review r124); the 2 minutes count from the first failure until the poll itself answers,
whatever answered between (the put-back of this worker's own tasks before each new poll, h161).

Priority. The queue is taken highest priority first. The full analysis of an entry whose save-time risk screen was
not "none" (or that has no screen) is risk work and is enqueued at ``RISK_PRIORITY``; every other analysis at
``ANALYSIS_PRIORITY``: a risky entry never waits behind a backlog.

Version bumps. Each upkeep round also queues a batch of entries analysed by an older analyzer version
(:func:`reverie.clinic.services.analysis.queue_outdated`): below every new save's analysis, risk first among
themselves, at most a batch queued at a time, never an entry twice.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import FrameType
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.utils import timezone

log = logging.getLogger("reverie.worker")

RISK_PRIORITY = 50
ANALYSIS_PRIORITY = 0
QUIET_LEVELS = frozenset({"none"})
MAX_ATTEMPTS = 3
LOST_WORKER = "reverie.clinic.services.worker.WorkerLost"
STOP_GRACE_SECONDS = 10.0


# --- priority ------------------------------------------------------------------------------------------------------


def priority_for(entry_id: uuid.UUID | str, revision: int) -> int:
    """The queue priority of one entry revision's analysis: risk work first (see the module's doc)."""
    from reverie.clinic.models import EntryScreen

    level = (
        EntryScreen.objects.filter(entry_id=entry_id, revision=revision)
        .values_list("level", flat=True)
        .first()
    )
    return ANALYSIS_PRIORITY if level in QUIET_LEVELS else RISK_PRIORITY


# --- leases --------------------------------------------------------------------------------------------------------


def lease_seconds() -> int:
    return int(settings.REVERIE["REVERIE_TASK_LEASE_SECONDS"])


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{secrets.token_hex(4)}"


def renew_lease(worker_id: str, now: datetime | None = None) -> None:
    from reverie.workers.models import WorkerLease

    now = now or timezone.now()
    expires = now + timedelta(seconds=lease_seconds())
    WorkerLease.objects.update_or_create(
        worker_id=worker_id,
        defaults={"renewed_at": now, "expires_at": expires},
        create_defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": now,
            "renewed_at": now,
            "expires_at": expires,
        },
    )


def release_lease(worker_id: str) -> None:
    from reverie.workers.models import WorkerLease

    WorkerLease.objects.filter(worker_id=worker_id).delete()


@dataclass(frozen=True, slots=True)
class Requeued:
    requeued: int
    failed: int


def requeue_expired(now: datetime | None = None) -> Requeued:
    """Put back in the queue every running task whose worker's lease ran out; fail those that lost too many."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from reverie.workers.models import WorkerLease

    now = now or timezone.now()
    lease = timedelta(seconds=lease_seconds())
    requeued = failed = 0
    lost: list[tuple[str, list[object]]] = []
    with transaction.atomic():
        live = set(WorkerLease.objects.filter(expires_at__gt=now).values_list("worker_id", flat=True))
        stale = (
            DBTaskResult.objects.select_for_update(skip_locked=True)
            .filter(status=TaskResultStatus.RUNNING, started_at__lt=now - lease)
            .order_by("started_at")
        )
        for row in stale:
            owner = row.worker_ids[-1] if row.worker_ids else ""
            if owner in live:
                continue  # a long task of a worker that is still alive
            if len(row.worker_ids) >= MAX_ATTEMPTS:
                row.status = TaskResultStatus.FAILED
                row.finished_at = now
                row.exception_class_path = LOST_WORKER
                row.traceback = (
                    f"The worker running this task stopped {len(row.worker_ids)} times; not retried."
                )
                row.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                failed += 1
                lost.append((row.task_path, list((row.args_kwargs or {}).get("args") or [])))
            else:
                row.status = TaskResultStatus.READY
                row.started_at = None
                row.save(update_fields=["status", "started_at"])
                requeued += 1
        WorkerLease.objects.filter(expires_at__lt=now - 10 * lease).delete()
    _record_lost(lost)
    if requeued or failed:
        log.warning(
            "tasks of stopped workers: %d requeued, %d failed after %d tries", requeued, failed, MAX_ATTEMPTS
        )
    return Requeued(requeued, failed)


def _record_lost(lost: list[tuple[str, list[object]]]) -> None:
    """Record the analysis tasks failed for lost workers as failed for good (``reverie doctor`` reports them)."""
    from reverie.clinic.services import analysis

    tasks = {
        analysis.analyse_entry_task.module_path: analysis.ANALYSE,
        analysis.reanalyse_entry_task.module_path: analysis.REANALYSE,
    }
    for task_path, args in lost:
        if task_path not in tasks or len(args) < 2:
            continue
        try:
            analysis.record_failure(
                str(args[0]), int(str(args[1])), tasks[task_path], "WorkerLost", final=True
            )
        except Exception as exc:  # the task row still says it failed
            log.warning("recording a lost analysis task failed: %s", type(exc).__name__)


def requeue_stopped(worker_id: str) -> int:
    """Put back in the queue the tasks a worker was running when it was stopped on purpose (``stop_worker``'s
    SIGKILL), without counting that worker as lost; release its lease. Returns how many."""
    with transaction.atomic():
        requeued = _put_back_own(worker_id)
        release_lease(worker_id)
    return requeued


def _put_back_own(worker_id: str) -> int:
    """Put back in the queue the tasks marked running by ``worker_id`` (its last claim), not counted as a lost
    worker: a worker stopped on purpose, or one whose task's end could not be recorded (the database away)."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    requeued = 0
    with transaction.atomic():
        for row in DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING):
            if row.worker_ids and row.worker_ids[-1] == worker_id:
                row.status = TaskResultStatus.READY
                row.started_at = None
                row.worker_ids = row.worker_ids[:-1]
                row.save(update_fields=["status", "started_at", "worker_ids"])
                requeued += 1
    return requeued


# --- a database that is busy or out of reach: waited out ----------------------------------------------------------

FIRST_WAIT_S = 1.0
LONGEST_WAIT_S = 30.0
BATCH_OUTAGE_S = 120.0  # how long `reverie worker --batch` waits out one outage before it ends (E540 / E560)


class _Outage:
    """One stretch of time in which the database answers busy (a write lock held past the 30-s busy wait, a
    serialization failure, a lost connection) or cannot be reached. A worker is a daemon: it waits, with growing
    pauses, and tries again, logging each wait by the failure's kind and type, never its message (review r124).
    ``limit`` (a ``--batch`` run's) bounds the whole wait: past it, the last error goes up as it came (E540, E560)."""

    def __init__(self, limit: float | None) -> None:
        self.limit = limit
        self.began = time.monotonic()
        self.pause = FIRST_WAIT_S
        self.tries = 0

    def wait(self, exc: DatabaseError) -> None:
        """Sleep before the next try when ``exc`` is the database busy or out of reach; else, or once past the
        limit, raise ``exc``."""
        from reverie.errors import DatabaseBusy, DatabaseUnreachable, failure_of

        failure = failure_of(exc)
        if not isinstance(failure, (DatabaseBusy, DatabaseUnreachable)):
            raise exc
        connection.close()  # a fresh connection for the next try
        waited = time.monotonic() - self.began
        if self.limit is not None and waited + self.pause > self.limit:
            log.warning(
                "the database is still %s after %.0f s (%s): stopping this --batch run",
                _kind(failure),
                waited,
                type(exc).__name__,
            )
            raise exc
        self.tries += 1
        log.warning(
            "the database is %s (%s): waiting %.0f s, then trying again",
            _kind(failure),
            type(exc).__name__,
            self.pause,
        )
        time.sleep(self.pause)
        self.pause = min(self.pause * 2, LONGEST_WAIT_S)

    def over(self) -> None:
        log.warning("the database answers again after %.0f s: working on", time.monotonic() - self.began)


def _kind(failure: object) -> str:
    from reverie.errors import DatabaseUnreachable

    return "out of reach" if isinstance(failure, DatabaseUnreachable) else "busy"


def _until_it_answers(step: Callable[[], object], *, limit: float | None) -> None:
    """Run ``step`` (one transaction), waiting out a busy or unreachable database (:class:`_Outage`)."""
    outage: _Outage | None = None
    while True:
        try:
            step()
        except DatabaseError as exc:
            outage = outage or _Outage(limit)
            outage.wait(exc)
            continue
        if outage is not None:
            outage.over()
        return


def _upkeep_step(step: Callable[[], object], failed: str) -> None:
    """Run one upkeep step; anything it raises (a record that cannot be written, the database away) is logged by
    its type as "``failed`` failed", never its message: the upkeep thread must never die of it, its next round
    retries."""
    try:
        step()
    except Exception as exc:
        log.warning("%s failed: %s", failed, type(exc).__name__)


def _settle_erasures() -> None:
    """Retry what committed erasures still owe (emptying the WAL once no reader holds it; erasure_owed)."""
    from reverie.clinic.services import erasure_owed

    _upkeep_step(erasure_owed.settle, "retrying what erasures owe")


def _settle_owed_alerts() -> None:
    """Retry the risk alerts that saves still owe (a subscriber failed at save; risk_screen.settle_owed)."""
    from reverie.clinic.services import risk_screen

    _upkeep_step(risk_screen.settle_owed, "retrying owed risk alerts")


def _queue_outdated() -> None:
    """Queue a batch of entries analysed by an older analyzer version (after an upgrade; analysis.queue_outdated):
    below new saves, risk first, never an entry twice."""
    from reverie.clinic.services import analysis

    # and first the analyses that failed, whose wait is over (a bounded number of tries)
    _upkeep_step(analysis.retry_failed, "retrying failed analyses")
    _upkeep_step(analysis.queue_outdated, "queueing re-analysis")


SESSIONS_SWEEP_S = 600.0  # expired web sessions are deleted at most this often (one indexed DELETE)
_sessions_swept_at: float | None = None


def _clear_expired_sessions() -> None:
    """Delete the web sessions that have expired (Django's ``clearsessions``: every session ends 12 hours after its
    sign-in at the latest), at most every :data:`SESSIONS_SWEEP_S`. Nothing else deleted them: a row per sign-in
    stayed for good, those of an erased or closed account too (its id, its sign-in times; review r136)."""
    global _sessions_swept_at
    now = time.monotonic()
    if _sessions_swept_at is not None and now - _sessions_swept_at < SESSIONS_SWEEP_S:
        return
    _sessions_swept_at = now
    from django.contrib.sessions.backends.db import SessionStore

    _upkeep_step(SessionStore.clear_expired, "deleting expired web sessions")


def _restrip_pictures() -> None:
    """Store again, stripped, a batch of the files stored before today's picture_metadata.strip (journal.restrip_pictures:
    their listed size then is the size served)."""
    from reverie.clinic.services import journal

    _upkeep_step(journal.restrip_pictures, "re-stripping stored pictures")


class _Heartbeat(threading.Thread):
    """Renews this worker's lease, and nothing else (so no other work can ever make a live worker's lease lapse);
    stops the worker if its parent is gone."""

    def __init__(self, worker_id: str, parent_pid: int | None) -> None:
        super().__init__(name="reverie-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.parent_pid = parent_pid
        self.stopping = threading.Event()

    def run(self) -> None:
        every = max(1.0, lease_seconds() / 3)
        due = time.monotonic() + every
        try:
            while not self.stopping.wait(0.5):
                if self.parent_pid is not None and os.getppid() != self.parent_pid:
                    log.warning("the serving process is gone: stopping this worker")
                    os.kill(os.getpid(), signal.SIGTERM)
                    return
                if time.monotonic() < due:
                    continue
                due = time.monotonic() + every
                try:
                    renew_lease(self.worker_id)
                except DatabaseError as exc:  # the database is away: others will requeue if it lasts
                    log.warning("lease renewal failed: %s", type(exc).__name__)
                    connection.close()
        finally:
            connection.close()


class _Upkeep(threading.Thread):
    """The worker's chores, on their own thread at the heartbeat's pace (each round waits for the last to end):
    requeue dead workers' tasks, settle what erasures and risk alerts still owe, delete expired web sessions, re-strip
    a batch of pictures stored before today's strip, top up the re-analysis batch.
    Any of them may be slow (a sweep over many entries, a database that waits on a lock); none delays the lease (:class:`_Heartbeat`)."""

    def __init__(self) -> None:
        super().__init__(name="reverie-upkeep", daemon=True)
        self.stopping = threading.Event()

    def run(self) -> None:
        every = max(1.0, lease_seconds() / 3)
        try:
            while not self.stopping.wait(every):
                try:
                    requeue_expired()
                except DatabaseError as exc:  # the database is away: the next round retries
                    log.warning("requeueing stopped workers' tasks failed: %s", type(exc).__name__)
                    connection.close()
                    continue
                _settle_erasures()
                _settle_owed_alerts()
                _clear_expired_sessions()
                _restrip_pictures()
                if self.stopping.is_set():
                    return
                _queue_outdated()
        finally:
            connection.close()


def run_worker(
    *,
    interval: float = 1.0,
    batch: bool = False,
    max_tasks: int | None = None,
    parent_pid: int | None = None,
    worker_id: str | None = None,
) -> None:
    """Run tasks until stopped (SIGTERM/SIGINT: finish the current task, then stop; a second one: stop now, that
    task back in the queue)."""
    for name in ("django_tasks", "django_tasks_db"):  # one line per task is noise; warnings still show
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().getEffectiveLevel()))
    worker_id = worker_id or new_worker_id()
    limit = BATCH_OUTAGE_S if batch else None
    # before claiming anything, so no one takes this worker for dead; a database busy or away is waited out
    _until_it_answers(functools.partial(renew_lease, worker_id), limit=limit)
    _until_it_answers(requeue_expired, limit=limit)
    heartbeat = _Heartbeat(worker_id, parent_pid)
    heartbeat.start()
    upkeep = _Upkeep()
    upkeep.start()
    worker = _worker_class()(
        queue_names=["default"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    worker.configure_signals()
    try:
        worker.run()
    finally:
        heartbeat.stopping.set()
        upkeep.stopping.set()
        heartbeat.join(timeout=5)
        upkeep.join(timeout=5)  # a daemon: one still loading the analyzers is not waited for
        with contextlib.suppress(DatabaseError):  # else the lease simply expires
            release_lease(worker_id)


# --- stopping: a second signal puts the task back --------------------------------------------------------------


class ForcedStop(BaseException):
    """A worker stopped a second time mid-task: the task is cut short and goes back to the queue (not failed)."""


def _settle_failed(row: Any, worker_id: str, exc: BaseException) -> None:
    """What the worker does in place of django-tasks-db's ``set_failed``: a task cut short by a forced stop goes back
    to the queue (not failed, not counted as a lost worker); any other failure is stored failed with its exception's
    class and frames, never its message (which could quote an entry)."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    if isinstance(exc, ForcedStop):
        for last_try in (False, True):
            try:
                put_back = DBTaskResult.objects.filter(pk=row.pk, status=TaskResultStatus.RUNNING).update(
                    status=TaskResultStatus.READY,
                    started_at=None,
                    worker_ids=list(row.worker_ids)[:-1] if row.worker_ids else [],
                )
            except DatabaseError as again:  # a connection cut mid-statement: once more on a fresh one
                connection.close()
                if last_try:  # still running: its lease runs out and the next worker requeues it
                    log.warning("putting the stopped task back failed: %s", type(again).__name__)
                    return
                continue
            if put_back:
                log.warning("the task under way was stopped and put back in the queue")
            return
        return
    row.status = TaskResultStatus.FAILED
    row.finished_at = timezone.now()
    row.exception_class_path = f"{type(exc).__module__}.{type(exc).__qualname__}"
    frames = "".join(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
    row.traceback = (
        f"Traceback (most recent call last):\n{frames}{type(exc).__qualname__} (message not kept)\n"
    )
    row.return_value = None
    row.save(update_fields=["status", "return_value", "finished_at", "exception_class_path", "traceback"])


@functools.cache
def _worker_class() -> type[Any]:
    """django-tasks-db's worker, with a truthful second stop (the module's doc, "Stopping")."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.utils import retry

    class ReverieWorker(Worker):
        forced = False
        running: bool
        running_task: bool

        def shutdown(self, signum: int, frame: FrameType | None) -> None:
            said = signal.strsignal(signum) or f"signal {signum}"
            if self.running:
                self.running = False
                if not self.running_task:
                    log.warning("%s: stopping", said)
                    sys.exit(0)
                log.warning(
                    "%s: stopping once the task under way is done (stop again to stop now: that task then"
                    " goes back to the queue)",
                    said,
                )
                return
            self.reset_signals()  # a third signal ends the process at once (its lease then requeues the task)
            if not self.running_task:
                sys.exit(1)
            log.warning("%s again: stopping now; the task under way goes back to the queue", said)
            self.forced = True
            raise ForcedStop from None  # never chained to an exception being handled (its message could quote)

        outage: _Outage | None = None

        def run(self) -> None:
            """django-tasks-db's loop, outliving a database that is busy or out of reach (review r124): its poll
            begins ``BEGIN EXCLUSIVE`` outside the library's own "keep trying" (a write lock held past the 30-s
            busy wait ended the worker, E540, exit 13); a lost PostgreSQL connection ended it too. Such a failure
            is waited out (:class:`_Outage`; bounded in a ``--batch`` run) and the loop begins again; a task whose
            end could not be recorded meanwhile is put back in the queue (still running under this live lease,
            nothing else would). Any other failure ends the worker as before.

            A ``--batch`` run's outage lasts until the poll itself answers (a task claimed, or the run ending): the
            put-back answering is not the poll answering, and counting afresh after it let a poll that failed on
            and on outlive the bound for ever (h161). A daemon has no bound: its wait starts afresh once the
            put-back answers, as each outage is its own."""
            while True:
                try:
                    if self.outage is not None:
                        _put_back_own(self.worker_id)
                        if self.outage.limit is None:
                            self._answered()
                    super().run()
                    self._answered()
                    return
                except DatabaseError as exc:
                    self.outage = self.outage or _Outage(BATCH_OUTAGE_S if self.batch else None)
                    self.outage.wait(exc)

        def _answered(self) -> None:
            """The database answers again: the outage, if any, is over."""
            if self.outage is not None:
                self.outage.over()
                self.outage = None

        def run_task(self, db_task_result: Any) -> None:
            self._answered()  # the poll claimed this task
            # An instance attribute in place of the model's method: the library calls it for every failure.
            # Retried as the library's own (SQLite's writer lock past its wait would otherwise end the worker).
            db_task_result.set_failed = retry()(
                functools.partial(_settle_failed, db_task_result, self.worker_id)
            )
            super().run_task(db_task_result)
            if self.forced:
                sys.exit(1)

    return ReverieWorker


# --- the worker child of ``reverie serve`` -------------------------------------------------------------------------


def start_background_worker() -> subprocess.Popen[bytes]:
    """Start ``reverie worker`` as a child in its own session (a terminal's Ctrl+C reaches only ``serve``, which
    then stops the child once, gracefully); the child also stops by itself if ``serve`` dies."""
    worker_id = new_worker_id()
    process = subprocess.Popen(  # noqa: S603 (our own interpreter and module, fixed arguments)
        [
            sys.executable,
            *("-m", "reverie.cli.main", "worker", "--parent-pid", str(os.getpid())),
            *("--worker-id", worker_id),
        ],
        start_new_session=True,
    )
    _child_ids[process.pid] = worker_id
    atexit.register(stop_worker, process)
    return process


_child_ids: dict[int, str] = {}  # pid of a worker child -> its worker id (given to it, so serve can requeue)

RESTART_FIRST_S = 1.0  # the pause before starting another worker child; doubled while they keep ending
RESTART_LONGEST_S = 60.0
STAYED_UP_S = 300.0  # a child that ran this long was well: the next restart waits the first pause again
TOO_OFTEN = 5  # children ended within TOO_OFTEN_S: said plainly in the log (still restarted)
TOO_OFTEN_S = 300.0

serve_log = logging.getLogger("reverie.serve")


class WorkerChild:
    """``reverie serve``'s one analysis worker, watched (review r124): a child that ends while ``serve`` runs (killed
    for memory, the analysis being the heaviest work; ended by a failure it could not outlive) is started again after
    a pause (1 s, doubling while children keep ending, at most a minute; back to 1 s after one stayed up 5 minutes),
    each end and restart logged by pid and exit status, never anything a task read. When ``TOO_OFTEN`` end within
    ``TOO_OFTEN_S`` the log says so plainly, and ``serve`` goes on serving and restarting. A child that ended well
    (exit 0: stopped on purpose by a signal sent to it, as a whole unit's stop also sends) is not started again, and
    the log says so. A dead child's task is not put back at once: its lease runs out and the next worker requeues
    it, counted as a lost worker, so a task that kills every worker is given up after three."""

    def __init__(self, start: Callable[[], subprocess.Popen[bytes]] | None = None) -> None:
        self._start = start or start_background_worker
        self._lock = threading.Lock()  # a start and ``stop`` never cross
        self._stopping = threading.Event()
        self._ends: list[float] = []
        self._pause = RESTART_FIRST_S
        self.process = self._start()
        self._started = time.monotonic()
        self._thread = threading.Thread(target=self._watch, name="reverie-worker-watch", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._stopping.wait(0.5):
            code = self.process.poll()
            if code is None:
                continue
            if code == 0:
                serve_log.warning(
                    "the analysis worker (pid %d) was stopped; it is not started again until reverie serve is"
                    " restarted (saved entries wait for their analysis meanwhile)",
                    self.process.pid,
                )
                return
            now = time.monotonic()
            if now - self._started >= STAYED_UP_S:
                self._pause = RESTART_FIRST_S
            self._ends = [t for t in self._ends if now - t < TOO_OFTEN_S] + [now]
            serve_log.warning(
                "the analysis worker (pid %d) ended (%s); starting another in %.0f s",
                self.process.pid,
                _exit_words(code),
                self._pause,
            )
            if len(self._ends) == TOO_OFTEN:
                serve_log.error(
                    "the analysis worker has ended %d times in %d minutes: Reverie goes on serving and keeps"
                    " starting it again (at most once a minute), but until one stays up saved entries wait for"
                    " their analysis (the risk screen made at each save is not affected). The lines above and"
                    " the worker's own say why; `reverie doctor` counts what waits.",
                    len(self._ends),
                    round(TOO_OFTEN_S / 60),
                )
            if self._stopping.wait(self._pause):
                return
            self._pause = min(self._pause * 2, RESTART_LONGEST_S)
            with self._lock:
                if self._stopping.is_set():
                    return
                self.process = self._start()
                self._started = time.monotonic()
            serve_log.warning("started another analysis worker (pid %d)", self.process.pid)

    def stop(self) -> None:
        """Stop watching, then stop the child running now (:func:`stop_worker`)."""
        self._stopping.set()
        with self._lock:
            process = self.process
        self._thread.join(timeout=5)
        stop_worker(process)


def _exit_words(code: int) -> str:
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
        return f"killed by signal {-code}"
    return f"exit status {code}"


def stop_worker(process: subprocess.Popen[bytes], grace: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM once (the worker finishes its task and stops), SIGKILL after ``grace`` seconds: a task cut short
    goes back to the queue at once (:func:`requeue_stopped`), not counted as a lost worker, never marked failed
    (if the database cannot be reached then, the next worker requeues it when its lease runs out)."""
    worker_id = _child_ids.pop(process.pid, None)
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
        if worker_id is not None:
            try:
                requeue_stopped(worker_id)
            except DatabaseError as exc:  # its lease runs out and the next worker requeues it (one attempt)
                log.warning("requeueing the stopped worker's task failed: %s", type(exc).__name__)
