"""The risk screen at the moment of saving: every saved text is screened before the save returns.

The journal's save paths (write, edit, import — and so the web, the API, the CLI and CLI recovery, which all call
them) screen the text with :func:`reverie.analysis.risk.screen` and store the result sealed with the client's key
(``EntryScreen``, one per entry revision, format ``reverie.screen/2``: with the names of the entry's files it read,
so that its evidence is read against the words it screened; ``/1``, without them, is still read) in the save's own
transaction. Subscribers
(the care app's alerts) then raise the alert and leave the check-in in that same transaction. None of this depends
on ``REVERIE_ANALYSIS``, the worker, its backlog or the language check; the full analysis still runs afterwards
and may only upgrade the alert (``care.services.alerts.on_analysis``).

If the screen itself fails, the entry is still saved and the level is ``unscreened`` (the risk flow answers that
with the safety resources, as for a positive screen). If a subscriber fails (the alert cannot be written), the
entry and its screen are still saved, the screen is marked as owing its alert (``EntryScreen.signalled``) and
:func:`settle_owed` tells the subscribers again later: the worker's upkeep thread, the client's next save and
``reverie doctor``. A screen made on the lexicon alone (the sentence model not installed) is recorded as such
(``EntryScreen.rules_only``) and ``reverie doctor`` says so. Logs name the error type only, never the text.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from reverie.clinic.models import Entry, EntryScreen, User
from reverie.clinic.services import keys

log = logging.getLogger("reverie.risk_screen")
SCREEN_FORMAT = "reverie.screen/2"  # /1: no "files" (read with the entry's files of today)
SCREEN_PURPOSE = "entry.screen"
UNSCREENED = "unscreened"
RISKY = ("ideation", "behavior", "attempt")


@dataclass(frozen=True, slots=True)
class Screened:
    """One text's screen, made before the save's transaction: the level and the JSON-safe data (no words), with the
    names of the entry's files it read (``files``, in the order read: the screened text ends with them; stored sealed
    with the screen so that its spans are read against these names, never against the files of a later revision)."""

    level: str
    data: Mapping[str, Any]
    seconds: float
    model_alone: bool = False  # flagged on the sentence model's reading alone, no explicit words
    rules_only: bool = False  # made on the lexicon alone (the sentence model is not installed)
    files: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScreenSignal:
    """What subscribers receive inside the save's transaction (content-free)."""

    client: User
    entry_id: uuid.UUID
    revision: int
    level: str
    written_at: datetime
    model_alone: bool = False
    # the earlier revision whose words this one keeps (an edit that changed no words); None: new words
    words_revision: int | None = None
    # the entry of that revision when it is another one ("save again" copies the words); None: this entry
    words_entry: uuid.UUID | None = None


# Called inside the save's transaction after the screen is stored; the care app's risk flow subscribes.
after_screen_hooks: list[Callable[[ScreenSignal], None]] = []
# Retries of alerts owed by saves outside the journal (the care app's goals and notes): each takes the client (or
# ``None``: everyone), retries, and returns how many are still owed. Called by :func:`settle_owed`.
settle_hooks: list[Callable[[User | None], int]] = []


def screened_text(parts: Iterable[str]) -> str:
    """What the screen reads of several texts saved together: each its own paragraph, the empty ones left out.
    Which fields of an entry are the person's words is :func:`reverie.clinic.services.journal.persons_words`."""
    return "\n\n".join(p for p in parts if p and p.strip())


# What the warm-up screens: everyday words, long enough for the sentence model to read them (so its encoder loads)
WARM_TEXT = "A quiet evening: I walked home after work and thought about the long day and the people in it."
QUIET_WAIT = 30.0  # the longest the warm-up waits for the pages being answered before its next step
# the warm-up's first step waits this long after start-up, so a browser opened with the server (its first page under
# way by then) is answered first
WARM_DELAY = 1.0
_loaded = threading.Event()  # set once the screen's lexicon, sentence model and encoder are in this process
_loading = threading.Lock()  # held by whoever loads: a warm-up step, or a save that came first
_pages = threading.Condition()  # the requests this process is answering, while a warm-up runs
_in_flight = 0
_STARTED, _FINISHED = (
    "reverie-risk-warm-up-started",
    "reverie-risk-warm-up-finished",
)  # the page counters' ids


def _load_steps() -> list[Callable[[], object]]:
    """What the save-time screen loads on first use, in steps (each cached once done): the risk lexicon (its
    patterns are compiled on first use since h181, docs/risk.md "How the lexicon loads": the import is now mostly
    numpy), the sentence model, its encoder, one screen of everyday words."""

    def lexicon() -> object:
        from reverie.analysis import risk

        return risk

    def model() -> object:
        from reverie.analysis.risk import load_model

        return load_model()

    def encoder() -> object:
        from reverie.analysis.risk import sentence_model_installed

        return sentence_model_installed()  # loads the encoder the sentence model reads with

    def first_screen() -> object:
        from reverie.analysis.risk import screen

        return screen(WARM_TEXT)

    return [lexicon, model, encoder, first_screen]


def _step(step: Callable[[], object]) -> None:
    try:
        step()
    except Exception as exc:  # the screen then loads on use as before, and says its own faults
        log.warning("the risk screen could not be loaded ahead of the first save: %s", type(exc).__name__)


def ready() -> None:
    """Load what the save-time screen reads (:func:`_load_steps`) once in this process. The first caller loads; a
    caller arriving meanwhile (a save racing ``reverie serve``'s warm-up, or two saves) waits for the step under way
    instead of loading a second copy; afterwards it costs one flag read. Never raises: a failure is logged by its
    type and the screen loads on use as before (review r128: the first save after start-up took 3-4.6 s, the screen
    loading its model inside it)."""
    if _loaded.is_set():
        return
    with _loading:
        if _loaded.is_set():
            return
        for step in _load_steps():
            _step(step)
        _loaded.set()


def _request_started(**_: object) -> None:
    global _in_flight
    with _pages:
        _in_flight += 1


def _request_finished(**_: object) -> None:
    global _in_flight
    with _pages:
        _in_flight = max(0, _in_flight - 1)
        _pages.notify_all()


def _when_quiet(limit: float = QUIET_WAIT) -> None:
    """Wait until this process answers no request (at most ``limit`` seconds): a warm-up step holds Python's lock
    for seconds at a time, and a page answered meanwhile would take twice as long."""
    deadline = time.monotonic() + limit
    with _pages:
        while _in_flight > 0 and (left := deadline - time.monotonic()) > 0:
            _pages.wait(left)


def _warm_up_between_pages() -> None:
    """:func:`ready`, step by step, each step when no page is being answered; the lock is held only during a step,
    so a save that comes first finishes the loading itself and never waits on the warm-up's pauses."""
    try:
        time.sleep(WARM_DELAY)
        for step in _load_steps():
            _when_quiet()
            with _loading:
                if _loaded.is_set():
                    return
                _step(step)
        ready()  # every step is cached now: this only marks it loaded
    finally:
        _stop_counting_pages()


def _stop_counting_pages() -> None:
    """Once the warm-up is over, pages are no longer counted (no lock taken for every request from then on)."""
    from django.core.signals import request_finished, request_started

    request_started.disconnect(dispatch_uid=_STARTED)
    request_finished.disconnect(dispatch_uid=_FINISHED)


def warm_up() -> threading.Thread:
    """Load the save-time screen in the background as a web process starts (``reverie serve``, each process of
    ``--processes N``): start-up does not wait for it, a page being answered is not slowed by it (it pauses between
    steps while one is), and the first save finds the screen loaded, or waits only for the step under way."""
    from django.core.signals import request_finished, request_started

    request_started.connect(_request_started, dispatch_uid=_STARTED)
    request_finished.connect(_request_finished, dispatch_uid=_FINISHED)
    thread = threading.Thread(target=_warm_up_between_pages, name="reverie-risk-warm-up", daemon=True)
    thread.start()
    return thread


def screen_text(text: str, kind: str, labels: str = "") -> Screened:
    """Screen one text now (``labels``: the labels saved with it, read after it,
    :func:`reverie.analysis.risk.screen_with_labels`). The one save-time screen: the journal's saves and every text
    saved outside it (session notes, cancellation notes, goals: :func:`reverie.care.services.alerts.screen_at_save`)
    call it, so each has the same bound: the sentence model reads at most ``SAVE_SENTENCES`` of each text (the first
    and the last half; the lexicon reads all, the worker's analysis every sentence). Never raises: a failing screen
    reads ``unscreened``."""
    start = time.perf_counter()
    if not text.strip() and not labels.strip():
        return Screened("none", {"level": "none"}, time.perf_counter() - start)
    ready()  # loaded once per process, never twice at once
    try:
        from reverie.analysis.risk import SAVE_SENTENCES, screen_with_labels

        result = screen_with_labels(text, labels, kind, max_sentences=SAVE_SENTENCES)
        return Screened(
            result.level,
            result.to_data(),
            time.perf_counter() - start,
            result.model_alone,
            result.rules_only,
        )
    except Exception as exc:
        log.error("risk screen at save failed: %s", type(exc).__name__)
        return Screened(
            UNSCREENED, {"level": UNSCREENED, "error": type(exc).__name__}, time.perf_counter() - start
        )


def _record_id(entry_id: uuid.UUID, revision: int) -> str:
    return f"{entry_id}#s{revision}"


def store(
    entry: Entry,
    screened: Screened,
    *,
    written_at: datetime,
    words_revision: int | None = None,
    words_entry: uuid.UUID | None = None,
) -> EntryScreen:
    """Store the screen of the entry's current revision sealed and tell the subscribers. Call inside the save's
    transaction; storing the same revision twice keeps the first. ``words_revision``: the earlier revision whose
    words this one keeps unchanged (the risk flow alerts once per words, not per revision)."""
    existing = EntryScreen.objects.filter(entry=entry, revision=entry.revision).first()
    if existing is not None:
        return existing
    doc = {
        "format": SCREEN_FORMAT,
        "revision": entry.revision,
        **screened.data,
        "level": screened.level,
        "files": list(screened.files),
    }
    row = EntryScreen(
        entry=entry,
        revision=entry.revision,
        level=screened.level,
        screened_at=timezone.now(),
        words_revision=words_revision,
        words_entry=words_entry,
        rules_only=screened.rules_only,
    )
    row.payload = keys.seal_for(
        entry.client,
        _record_id(entry.id, entry.revision),
        SCREEN_PURPOSE,
        json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode(),
    )
    row.save(force_insert=True)
    signal = ScreenSignal(
        entry.client,
        entry.id,
        entry.revision,
        screened.level,
        written_at,
        screened.model_alone,
        words_revision,
        words_entry,
    )
    if not _tell(signal):
        row.signalled = False
        row.save(update_fields=["signalled"])
    return row


def _tell(signal: ScreenSignal) -> bool:
    """Tell every subscriber, each in its own savepoint: one that fails leaves nothing half written and never
    undoes the save (the words are kept; the screen then owes its alert). Subscribers must be idempotent (the care
    app's: one alert per revision, one check-in per alert). False when any failed."""
    told = True
    for hook in after_screen_hooks:
        try:
            with transaction.atomic():
                hook(signal)
        except Exception as exc:
            log.error("risk alert at save failed, owed and retried: %s", type(exc).__name__)
            told = False
    return told


def owed(client: User | None = None) -> QuerySet[EntryScreen]:
    """Screens whose subscribers were not all told (their alert is owed), the client's or everyone's."""
    rows = EntryScreen.objects.filter(signalled=False).select_related("entry", "entry__client")
    return rows if client is None else rows.filter(entry__client=client)


def settle_owed(client: User | None = None) -> int:
    """Tell the subscribers again of every screen that owes its alert (one transaction each); how many are still
    owed, the alerts saves outside the journal owe included (:data:`settle_hooks`). One row that fails (its key
    cannot be read now) stays owed and the others go on; the log names the row's id and the error type only."""
    for row in list(owed(client)):
        try:
            with transaction.atomic():
                _settle_one(row)
        except Exception as exc:  # this person's screen cannot be read now: it stays owed, the others go on
            log.error("owed risk alert of screen %s still not raised: %s", row.pk, type(exc).__name__)
    elsewhere = 0
    for hook in settle_hooks:
        try:
            elsewhere += hook(client)
        except Exception as exc:
            log.error("retrying owed risk alerts failed: %s", type(exc).__name__)
    return owed(client).count() + elsewhere


def _settle_one(row: EntryScreen) -> None:
    """Tell the subscribers again of one owed screen. The ``written_at`` of a revision is when it was saved (its
    kept version's time once edited since; else the entry's first save, or its last edit)."""
    from reverie.analysis.risk import data_model_alone
    from reverie.errors import IntegrityError

    entry = row.entry
    kept = entry.revisions.filter(number=row.revision).first()
    when = kept.saved_at if kept else entry.written_at if row.revision == 1 else entry.updated_at
    try:
        alone = row.level in RISKY and data_model_alone(open_screen(entry, row))
    except IntegrityError:
        alone = False
    signal = ScreenSignal(
        entry.client, entry.id, row.revision, row.level, when, alone, row.words_revision, row.words_entry
    )
    with transaction.atomic():
        if _tell(signal):
            EntryScreen.objects.filter(pk=row.pk).update(signalled=True)


def open_screen(entry: Entry, row: EntryScreen) -> dict[str, Any]:
    """The decrypted ``reverie.screen/2`` (or ``/1``) document of one stored screen. Callers apply the policy."""
    raw = keys.open_for(entry.client, _record_id(entry.id, row.revision), SCREEN_PURPOSE, row.payload)
    doc: dict[str, Any] = json.loads(raw)
    return doc


def screened_files(doc: Mapping[str, Any]) -> tuple[str, ...] | None:
    """The names of the files a stored screen read (``reverie.screen/2``), or None for a ``/1`` screen stored
    without them (then the entry's files of today are the best reading left)."""
    files = doc.get("files")
    if not isinstance(files, list):
        return None
    return tuple(str(f) for f in files)


@dataclass(frozen=True, slots=True)
class ScreenHealth:
    """What ``reverie doctor`` says of the save-time screen (counts only, never words)."""

    owed: int  # screens still owing their alert after a retry
    rules_only: int  # screens made on the lexicon alone
    model_missing: (
        bool  # the sentence model or the encoder is not installed now: saves are screened on rules alone
    )
    support_damaged: bool = (
        False  # the risk support file is there but damaged: the floor is off, the model's flags stand (r43)
    )
    # the risk model file (sentence or level artefact) that is there but damaged: saves are screened on the
    # lexicon floors alone (h46)
    model_damaged: Path | None = None


def health() -> ScreenHealth:
    """Retry the owed alerts, then count what is left and the screens made on rules alone; check the model and its
    support file."""
    from reverie.analysis.risk import (
        MODEL_DAMAGED,
        SUPPORT_DAMAGED,
        model_state,
        sentence_model_installed,
        support_state,
    )

    still = settle_owed()
    rules = EntryScreen.objects.filter(rules_only=True).count()
    state, damaged = model_state()
    return ScreenHealth(
        still,
        rules,
        state != MODEL_DAMAGED and not sentence_model_installed(),
        state != MODEL_DAMAGED
        and support_state() == SUPPORT_DAMAGED,  # a model that does not open: that alone
        damaged if state == MODEL_DAMAGED else None,
    )
