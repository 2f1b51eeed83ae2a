"""Analysis of saved entries: after the save commits, never blocking the writer, results stored sealed.

``REVERIE_ANALYSIS`` chooses how: ``background`` enqueues a django-tasks task that a ``reverie worker`` process runs
(several workers may share one PostgreSQL database), ``inline`` runs it right after the commit (tests, scripts),
``off`` not at all. A failed analysis is logged by type only and never touches the entry; it is recorded
(:class:`~reverie.clinic.models.AnalysisFailure`: tries, the error's type) and the worker's upkeep thread retries it
(:func:`retry_failed`) up to ``MAX_TRIES`` times, waiting longer each time; ``reverie doctor`` reports the rest. In
``inline`` mode, where no worker runs, each save runs the same sweep before its own analysis (:func:`retry_inline`;
a failed hook is retried there at once).

The after-analysis hooks (the risk flow) run in one transaction with the stored analysis's ``hooks_done`` mark:
a worker that dies, or a hook that fails, after the store leaves the mark unset, and the next run of the task
(requeued by the lease, or retried) runs them again; the upkeep thread also queues one left unset with no failure
recorded (the demo's batch path). They are idempotent (one alert per revision's words). ``reverie doctor`` exits
non-zero when they are owed and their retries were given up (:func:`hooks_given_up`).
"""

from __future__ import annotations

import functools
import json
import logging
import threading
import uuid
from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError as DbIntegrityError
from django.db import transaction
from django.db.models import F, QuerySet
from django_tasks import task

from reverie.analysis.findings import Finding
from reverie.clinic.models import AnalysisFailure, Entry, StoredAnalysis, User
from reverie.clinic.services import audit, keys
from reverie.clinic.services.journal import _entry_for, _open_payload
from reverie.clinic.services.policy import Action, visible_entries

log = logging.getLogger("reverie.analysis")
RESULT_PURPOSE = "analysis.result"
RISK_ORDER = ("none", "indicator", "ideation", "behavior", "attempt")

# Called with (entry, stored analysis, result json) after a result is stored; the risk flow subscribes.
after_analysis_hooks: list[Callable[[Entry, StoredAnalysis, dict[str, Any]], None]] = []


def _result_id(entry_id: uuid.UUID, revision: int) -> str:
    return f"{entry_id}#a{revision}"


def analysis_text(doc: Mapping[str, Any]) -> str:
    """What the analyzers read: the body, then the mindful-choice fields, never the title alone."""
    extra = doc.get("extra") or {}
    parts = [
        str(doc.get("body", "")),
        *(str(extra[k]) for k in ("situation", "urge", "choice") if k in extra),
    ]
    return "\n\n".join(p for p in parts if p.strip())


def carry_forward(entry: Entry, old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """A new revision of ``entry`` (just saved, locked, inside its transaction) whose payload ``new`` replaced
    ``old``: when what the analyzers read is unchanged (:func:`analysis_text`, the kind: a file added or removed, a
    tag, feeling, person, title or date edited), the stored analysis of the revision before becomes this one's, as
    it stands: its findings, analyzer versions (an outdated one is still redone) and ``hooks_done`` (hooks owed are
    still owed, once, and run for the new revision: the risk flow records their alert under the revision the new
    revision's save-time screen names, :func:`reverie.care.services.alerts.on_analysis`: the first revision that held
    the words when the edit kept them (a tag, the date, a file), the new revision itself when it did not (a title
    edit)), with its recorded failures (their tries still count). Returns whether it did; then no
    analysis is queued (the journal's ``after_save(queue_analysis=False)``), though the save's after-save work
    still runs (inline mode's retry sweep, :func:`schedule`). Nothing to carry (changed words, or no analysis stored
    yet): False, and the save queues one as before."""
    previous = entry.revision - 1
    if analysis_text(old) != analysis_text(new):
        return False
    stored = StoredAnalysis.objects.select_for_update().filter(entry=entry, revision=previous).first()
    if stored is None:
        return False
    raw = keys.open_for(entry.client, _result_id(entry.id, previous), RESULT_PURPOSE, stored.payload)
    sealed = keys.seal_for(entry.client, _result_id(entry.id, entry.revision), RESULT_PURPOSE, raw)
    StoredAnalysis.objects.filter(pk=stored.pk).update(revision=entry.revision, payload=sealed)
    AnalysisFailure.objects.filter(entry=entry, revision=previous).update(revision=entry.revision)
    return True


def _risk_level(result: dict[str, Any]) -> str:
    levels = [f["label"] for f in result.get("findings", []) if f.get("kind") == "risk"]
    return max(levels, key=lambda lv: RISK_ORDER.index(lv) if lv in RISK_ORDER else 0, default="none")


def analyse_stored_entry(entry_id: uuid.UUID | str, revision: int) -> StoredAnalysis | None:
    """Analyse one revision of an entry and store the sealed result. Returns None when it is gone or stale."""
    from reverie.analysis.pipeline import analyse

    entry = Entry.objects.select_related("client").filter(pk=entry_id).first()
    if entry is None or entry.revision != revision or entry.deleted_at is not None:
        return None
    stored = StoredAnalysis.objects.filter(entry=entry, revision=revision).first()
    if stored is not None and not _replacing.get():  # already read (e.g. the demo's batches): not twice
        if not stored.hooks_done:  # stored, but the worker died or a hook failed before the hooks committed
            _run_hooks(entry, stored, open_result(entry, stored))
        return stored
    doc = _open_payload(entry, entry.client)
    text = analysis_text(doc)
    result = ensure_risk_screen(text, entry.kind, analyse(text, entry.kind).to_json())
    return _store_result(entry, revision, result, replaces=stored)


def analyse_stored_entries(pairs: Sequence[tuple[uuid.UUID, int]], *, batch: int = 8) -> Iterator[int]:
    """:func:`analyse_stored_entry` for many entries, their sentences encoded together in batches (the demo).

    Yields how many are done after each batch. Entries gone or edited since are skipped, as one by one.
    """
    from reverie.analysis.pipeline import analyse_many

    done = 0
    for first in range(0, len(pairs), batch):
        chunk = []
        for entry_id, revision in pairs[first : first + batch]:
            entry = Entry.objects.select_related("client").filter(pk=entry_id).first()
            if entry is None or StoredAnalysis.objects.filter(entry=entry, revision=revision).exists():
                continue  # gone, or already analysed (inline mode analyses at the save): not read twice
            if entry.revision == revision and entry.deleted_at is None:
                chunk.append((entry, analysis_text(_open_payload(entry, entry.client))))
        results = analyse_many([(text, entry.kind) for entry, text in chunk])
        for (entry, text), found in zip(chunk, results, strict=True):
            _store_result(entry, entry.revision, ensure_risk_screen(text, entry.kind, found.to_json()))
        done += len(pairs[first : first + batch])
        yield done


def _store_result(
    entry: Entry, revision: int, result: dict[str, Any], *, replaces: StoredAnalysis | None = None
) -> StoredAnalysis | None:
    """Store one revision's sealed result. ``replaces``: the analysis it supersedes (a re-analysis), swapped out in
    the same transaction, so the old findings stay until the new ones are stored (and stay if this fails)."""
    sealed = keys.seal_for(
        entry.client,
        _result_id(entry.id, revision),
        RESULT_PURPOSE,
        json.dumps(result, ensure_ascii=False).encode(),
    )
    try:
        with transaction.atomic():
            if (
                replaces is not None
                and not StoredAnalysis.objects.filter(pk=replaces.pk, revision=revision).delete()[0]
            ):
                # another worker swapped it first: theirs is kept, not both; or a revision that kept the words
                # carried it forward meanwhile (:func:`carry_forward`): it stays the new revision's
                return StoredAnalysis.objects.filter(entry=entry, revision=revision).first()
            stored = StoredAnalysis.objects.create(
                entry=entry,
                revision=revision,
                analyzers=stored_versions(result),
                risk_level=_risk_level(result),
                payload=sealed,
                hooks_done=False,
            )
    except DbIntegrityError:
        return StoredAnalysis.objects.filter(entry=entry, revision=revision).first()
    _run_hooks(entry, stored, result)
    return stored


def _run_hooks(entry: Entry, stored: StoredAnalysis, result: dict[str, Any]) -> None:
    """Run the after-analysis hooks and mark them done, all in one transaction: either their effects and the mark
    commit, or neither (a failure propagates and the task is retried; a rerun finds the mark unset)."""
    with transaction.atomic():
        for hook in after_analysis_hooks:
            hook(entry, stored, result)
        StoredAnalysis.objects.filter(pk=stored.pk).update(hooks_done=True)
    stored.hooks_done = True


def ensure_risk_screen(text: str, kind: str, result: dict[str, Any]) -> dict[str, Any]:
    """Every saved text is screened for risk, even when the pipeline analysed nothing (another language, no
    sentences): the screen reads the raw text. The pipeline itself runs the risk analyzer on any text that is not
    blank (pipeline.ALWAYS_RUN, review r71), so this is a backstop, through the same analyzer, for a result without
    a risk finding (the analyzer could not be built there). If it cannot run, the notes say so, which the risk flow
    treats as unscreened and answers with the safety resources."""
    if any(f.get("kind") == "risk" for f in result.get("findings", [])) or not text.strip():
        return result
    try:
        from reverie.analysis.document import Document
        from reverie.analysis.risk import build_risk_analyzer

        findings = build_risk_analyzer().run(Document(text=text, kind=kind, sentences=[]))
        result["findings"] = [*result.get("findings", []), *(f.to_json() for f in findings)]
    except Exception as exc:
        log.error("risk screen failed: %s", type(exc).__name__)
        result["notes"] = [*result.get("notes", []), "The risk analyzer could not run."]
    return result


ANALYSE = "analyse"
REANALYSE = "reanalyse"
# Tries of one entry revision's analysis (or re-analysis, per analyzer versions) before giving up, and the wait
# before the next try: 1 minute after the first failure, then 4 times longer.
MAX_TRIES = 3
RETRY_AFTER_SECONDS = 60
# A stored analysis whose hooks are owed and that no failure records (the demo's batch path, a worker lost between
# the store and the hooks' commit): the upkeep thread queues it once it is this old (the hooks of one still running
# commit well within it), at most HOOKS_OWED_BATCH a round.
HOOKS_GRACE_SECONDS = 60
HOOKS_OWED_BATCH = 20


def record_failure(
    entry_id: uuid.UUID | str,
    revision: int,
    task: str,
    error: str,
    *,
    versions: dict[str, str] | None = None,
    final: bool = False,
) -> None:
    """Count one failed try of an entry revision's analysis (``task``: ANALYSE or REANALYSE, the latter for the
    analyzer ``versions`` it ran under: new versions start the count again). ``error``: the exception's type name,
    never its message. ``final``: no more tries (a task that stopped its worker MAX_TRIES times)."""
    from django.utils import timezone

    if not Entry.objects.filter(pk=entry_id).exists():
        return  # erased since: nothing is owed
    with transaction.atomic():
        row = (
            AnalysisFailure.objects.select_for_update()
            .filter(entry_id=entry_id, revision=revision, task=task)
            .first()
        )
        if row is None:
            row = AnalysisFailure(entry_id=entry_id, revision=revision, task=task)
        elif task == REANALYSE and versions is not None and row.versions != versions:
            row.attempts = 0
        row.attempts = MAX_TRIES if final else row.attempts + 1
        row.versions = versions or {}
        row.last_error = error[:100]
        row.failed_at = timezone.now()
        row.save()


def _attempt(task: str, entry_id: str, revision: int, run: Callable[[], object]) -> None:
    """Run one try of a task; on success forget its earlier failures, on failure record it (type only) for the
    retry and for ``reverie doctor``. Never raises an ``Exception`` (its message could quote the entry)."""
    try:
        run()
    except Exception as exc:
        log.error(
            "%s of one entry failed: %s", "analysis" if task == ANALYSE else "re-analysis", type(exc).__name__
        )
        try:
            versions = _versions_of(entry_id) if task == REANALYSE else None
            record_failure(entry_id, revision, task, type(exc).__name__, versions=versions)
        except Exception as again:  # the database is away: the task is lost for now, as before; logged
            log.error("recording a failed analysis failed: %s", type(again).__name__)
        return
    AnalysisFailure.objects.filter(entry_id=entry_id, revision=revision, task=task).delete()


def _versions_of(entry_id: uuid.UUID | str) -> dict[str, str]:
    kind = Entry.objects.filter(pk=entry_id).values_list("kind", flat=True).first()
    try:
        return current_versions(kind) if kind else {}
    except Exception:  # the analyzers cannot be loaded: counted without versions
        return {}


@task()
def analyse_entry_task(entry_id: str, revision: int) -> None:
    _attempt(ANALYSE, entry_id, revision, lambda: analyse_stored_entry(entry_id, revision))


# While set (``replacing``), analyse_stored_entry redoes a revision already analysed and swaps the new result in.
_replacing: ContextVar[bool] = ContextVar("reverie_analysis_replacing", default=False)


@contextmanager
def replacing() -> Iterator[None]:
    token = _replacing.set(True)
    try:
        yield
    finally:
        _replacing.reset(token)


# While set (``held_back``), saved entries are collected here instead of being analysed or enqueued at once.
_held: ContextVar[list[tuple[uuid.UUID, int]] | None] = ContextVar("reverie_analysis_held", default=None)


def schedule(entry_id: uuid.UUID, revision: int, queue_analysis: bool = True) -> None:
    """The journal's after-save hook, run after every save. ``queue_analysis`` False: the revision carried its
    predecessor's analysis forward (:func:`carry_forward`), nothing to read; inline mode still runs its retry sweep
    (what an earlier save owes is retried at every save), the background mode enqueues nothing (its worker sweeps)."""
    mode = settings.REVERIE["REVERIE_ANALYSIS"]
    if mode == "off":
        return
    held = _held.get()
    if held is not None:
        if queue_analysis:
            held.append((entry_id, revision))
        return
    if mode == "inline":
        _sweep_inline()  # no worker retries what failed at an earlier save: this one does, first
        if queue_analysis:
            _attempt(ANALYSE, str(entry_id), revision, lambda: analyse_stored_entry(entry_id, revision))
        return
    if not queue_analysis:
        return  # a worker runs: nothing to read here, and its own sweep retries what is owed
    from reverie.clinic.services.worker import priority_for

    # Risk work first: an entry whose save-time screen was not "none" is analysed before the backlog.
    analyse_entry_task.using(priority=priority_for(entry_id, revision)).enqueue(str(entry_id), revision)


def _sweep_inline() -> None:
    """:func:`retry_inline` after an inline save; never fails the save (a failure is logged by type)."""
    try:
        retry_inline()
    except Exception as exc:
        log.error("the inline retry sweep failed: %s", type(exc).__name__)


def in_background() -> bool:
    """Whether a ``reverie worker`` analyses saved entries (``REVERIE_ANALYSIS=background``)."""
    return bool(settings.REVERIE["REVERIE_ANALYSIS"] == "background")


@contextmanager
def held_back() -> Iterator[list[tuple[uuid.UUID, int]]]:
    """Saves inside this block are not analysed or enqueued one by one; on leaving it they are scheduled as usual
    (the demo: a worker does not compete with the page while it is still writing). Yields the held entries.

    Also when the block ends early (an error, or the demo page closed mid-way): what was saved is still analysed."""
    held: list[tuple[uuid.UUID, int]] = []
    token = _held.set(held)
    try:
        yield held
    finally:
        _held.reset(token)
        with transaction.atomic():  # one commit for the whole queue
            for entry_id, revision in held:
                schedule(entry_id, revision)


def _waiting() -> list[tuple[uuid.UUID, int]]:
    """Entries (current revision, not in the trash) with no stored analysis of it (or one whose after-analysis
    hooks did not commit), risk first (an entry whose save-time screen was not "none", or has none, before the
    rest), then oldest first."""
    from django.db.models import Exists, OuterRef

    from reverie.clinic.models import EntryScreen
    from reverie.clinic.services.worker import QUIET_LEVELS

    done = StoredAnalysis.objects.filter(entry=OuterRef("pk"), revision=OuterRef("revision"), hooks_done=True)
    quiet = EntryScreen.objects.filter(
        entry=OuterRef("pk"), revision=OuterRef("revision"), level__in=QUIET_LEVELS
    )
    return list(
        Entry.objects.filter(deleted_at__isnull=True)
        .exclude(Exists(done))
        .annotate(quiet=Exists(quiet))
        .order_by("quiet", "written_at", "id")
        .values_list("id", "revision")
    )


def queue_waiting() -> int:
    """Schedule the analysis of every entry (current revision, not in the trash) with no stored analysis of it, as
    the save path does: risk first (an entry whose save-time screen was not "none", or has none, before the rest);
    then the first batch of entries analysed by an older analyzer version (:func:`queue_outdated`; the worker's
    upkeep thread queues the rest). After a restore or an upgrade: nothing is left unread or stale. Returns how many."""
    waiting = _waiting()
    with transaction.atomic():  # one commit for the whole queue
        for entry_id, revision in waiting:
            schedule(entry_id, revision)
    try:
        outdated = queue_outdated()
    except Exception as exc:  # the analyzers cannot be loaded here: the worker's upkeep thread tries again
        log.error("queueing re-analysis failed: %s", type(exc).__name__)
        outdated = 0
    return len(waiting) + outdated


def pending_count(client: User, reader: User | None = None) -> int:
    """How many of ``client``'s entries that ``reader`` (the client themself when None) may read, at their current
    revision and not in the trash, have no stored analysis yet: the client counts all of theirs; a linked therapist
    only those shared with them within the link, by the policy's reading rule (``policy.visible_entries``). A
    therapist learns nothing of the entries not shared with them, not even how many are waiting."""
    from django.db.models import Exists, OuterRef

    done = StoredAnalysis.objects.filter(entry=OuterRef("pk"), revision=OuterRef("revision"))
    return visible_entries(reader or client).filter(client=client).exclude(Exists(done)).count()


@dataclass(frozen=True, slots=True)
class EntryAnalysis:
    revision: int
    result: dict[str, Any]


def open_result(entry: Entry, stored: StoredAnalysis) -> dict[str, Any]:
    """The decrypted result (``reverie.analysis/1`` JSON) of one stored analysis. Callers apply the policy."""
    raw = keys.open_for(entry.client, _result_id(entry.id, stored.revision), RESULT_PURPOSE, stored.payload)
    result: dict[str, Any] = json.loads(raw)
    return result


def stored_findings(
    entry: Entry, stored: StoredAnalysis, answered: Container[uuid.UUID] | None = None
) -> list[Finding]:
    """The findings every summary of the entry is built from (the patterns pages, the PDF, the dream series, the
    feelings calendar): the stored analysis without what its client marked "doesn't fit" on the entry page (the
    one rule, :func:`reverie.insights.observations.put_away`). ``answered``: the client's entries with a "doesn't
    fit" answer (:func:`reverie.clinic.services.observations.put_away_versions`, read once for many entries), so
    an entry without one is not asked about."""
    from reverie.clinic.services.observations import put_away_keys
    from reverie.insights.observations import put_away

    findings = open_result(entry, stored).get("findings", [])
    if answered is not None and entry.id not in answered:
        return [Finding.from_json(f) for f in findings]
    return [Finding.from_json(f) for f in put_away(findings, put_away_keys(entry))]


def current_analysis(entry: Entry) -> StoredAnalysis | None:
    """The stored analysis of the entry's current revision, or None while it is still being read (never an
    earlier revision's: its spans point into text an edit has changed, its findings count words taken out). The
    one rule for every reader: the API, the CLI, the entry page, the patterns and calendars. A revision that kept
    what the analyzers read (a file added, a tag edited) took its predecessor's analysis at its save
    (:func:`carry_forward`), so it has one at once and nothing is read again."""
    return StoredAnalysis.objects.filter(entry=entry, revision=entry.revision).first()


def latest_by_entry(
    client: User, entry_ids: Sequence[uuid.UUID] | None = None
) -> dict[uuid.UUID, StoredAnalysis]:
    """Each of the client's entries (or of ``entry_ids`` among them) → the stored analysis of its current revision
    (:func:`current_analysis`); an entry edited since its last analysis is left out until it is read again."""
    rows = StoredAnalysis.objects.filter(entry__client=client, revision=F("entry__revision"))
    if entry_ids is not None:
        rows = rows.filter(entry_id__in=entry_ids)
    return {a.entry_id: a for a in rows}


def findings_for(actor: User, entry_id: uuid.UUID | str) -> EntryAnalysis | None:
    """The stored analysis of the current revision of an entry the actor may read (same policy as the entry
    itself); None while it is pending (not analysed yet, or edited since: a new analysis is queued on each save)."""
    entry = _entry_for(actor, entry_id, Action.READ)
    stored = current_analysis(entry)
    if stored is None:
        return None
    audit.record(actor, "analysis.read", "entry", entry.id, subject=entry.client)
    return EntryAnalysis(stored.revision, open_result(entry, stored))


# Re-analysis after a version bump: queued below every new save's analysis (risk first among themselves), so a
# backlog of old entries never delays a new one; at most REANALYSIS_BATCH queued at a time (the worker's upkeep tops up).
REANALYSIS_RISK_PRIORITY = -40
REANALYSIS_PRIORITY = -50
REANALYSIS_BATCH = 20

# The stored versions map (StoredAnalysis.analyzers), format 2: analyzer name → "version:model_hash" for those
# that ran, "skipped:<why>" for those that apply to the entry's kind and did not run (pipeline.NO_SENTENCES …;
# since r41 "failed@<version:hash>" and "unavailable@<encoder>" name what they held under: a reader that does not
# know "@" still reads a skip), and FORMAT_KEY → VERSIONS_FORMAT. Format 1 (no FORMAT_KEY) named the analyzers that ran only.
FORMAT_KEY = "#format"
VERSIONS_FORMAT = "2"
SKIPPED = "skipped:"

_versions: dict[
    tuple[object, str], dict[str, str]
] = {}  # (pipeline.declared_versions, kind) -> versions: they
_versions_lock = threading.Lock()  # never change in a running process


def stored_versions(result: dict[str, Any]) -> dict[str, str]:
    """The versions map stored with an analysis result (format 2): who ran, who was skipped and why."""
    skipped = {name: f"{SKIPPED}{why}" for name, why in (result.get("skipped") or {}).items()}
    return {**skipped, **(result.get("analyzers") or {}), FORMAT_KEY: VERSIONS_FORMAT}


def current_versions(kind: str = "free_association") -> dict[str, str]:
    """Analyzer name → "version:model_hash" of the analyzers installed now that read entries of ``kind`` (the dream
    coder reads dreams only), in the stored map's format: what an analysis of a text with sentences stores today.
    From the analyzers' declarations (:func:`reverie.analysis.pipeline.declared_versions`): no model is loaded."""
    from reverie.analysis import pipeline

    key = (pipeline.declared_versions, kind)
    with _versions_lock:
        known = _versions.get(key)
    if known is None:
        known = {**pipeline.declared_versions(kind), FORMAT_KEY: VERSIONS_FORMAT}
        with _versions_lock:
            _versions[key] = known
    return dict(known)


def is_outdated(stored: dict[str, str], current: dict[str, str]) -> bool:
    """Whether an analysis was made by an analyzer that has another version now (a bump or a new model), or
    lacks one that reads its kind now and did not exist then (added by an upgrade: it never read the entry), or
    skipped one for a reason that no longer holds (:func:`_skip_outdated`).

    A map of format 1 did not record skips, so there an absent analyzer counts only where some analyzer ran (a
    text with no sentences stored an empty map). A re-analysis stores a map naming every analyzer of
    :func:`current_versions`, each skip with what it held under, so it always ends staleness."""
    from reverie.analysis.pipeline import ENCODER_KEY

    recorded = stored.get(FORMAT_KEY) == VERSIONS_FORMAT or any(k != FORMAT_KEY for k in stored)
    for name, now in current.items():
        then = stored.get(name)
        if name == FORMAT_KEY:
            continue
        if then is not None and then.startswith(SKIPPED):
            if _skip_outdated(then[len(SKIPPED) :], now, current.get(ENCODER_KEY, "")):
                return True
            continue
        if then is None:
            # the encoder is recorded only where an analyzer read embeddings: those analyzers speak for it
            if recorded and name != ENCODER_KEY:
                return True
        elif then != now:
            return True
    return False


def _skip_outdated(why: str, now: str, encoder_now: str) -> bool:
    """Whether an analyzer skipped for ``why`` (the stored mark without "skipped:") must read the entry again.

    No sentences and the time bound depend on the text alone: they still hold. "failed@<version:hash>" holds
    while the analyzer is that version (``now``); "unavailable@<encoder>" while the encoder installed is the
    one named ("" for none). A mark without "@" was stored before they named it (review r41): the analyzer is
    read again once, and the mark it then stores names its version, so no entry is redone for ever."""
    from reverie.analysis.pipeline import FAILED, UNAVAILABLE, UNDER

    reason, marked, under = why.partition(UNDER)
    if reason == FAILED:
        return not marked or under != now
    if reason == UNAVAILABLE:
        return bool(encoder_now) and (not marked or under != encoder_now)
    return False


@dataclass(frozen=True, slots=True)
class _Outdated:
    entry_id: uuid.UUID
    revision: int
    risky: bool


def _outdated() -> list[_Outdated]:
    """Entries (current revision, not in the trash) whose stored analysis is outdated, risk first (its stored risk
    level or its save-time screen above "none", or no screen, as :func:`queue_waiting`), then oldest first."""
    from django.db.models import Exists, OuterRef, Q

    from reverie.clinic.models import EntryKind, EntryScreen
    from reverie.clinic.services.worker import QUIET_LEVELS

    current = {kind: current_versions(kind) for kind in EntryKind.values}
    quiet = EntryScreen.objects.filter(
        entry=OuterRef("entry_id"), revision=OuterRef("revision"), level__in=QUIET_LEVELS
    )
    up_to_date = Q()
    for kind, versions in current.items():  # the vast majority, left out in the database
        up_to_date |= Q(entry__kind=kind, analyzers=versions)
    rows = (
        StoredAnalysis.objects.filter(entry__deleted_at__isnull=True, revision=F("entry__revision"))
        .exclude(up_to_date)
        .annotate(quiet=Exists(quiet))
        .values_list(
            "entry_id", "revision", "entry__kind", "analyzers", "risk_level", "quiet", "entry__written_at"
        )
    )
    found = [
        (written_at, _Outdated(entry_id, revision, risky=level not in QUIET_LEVELS or not screen_quiet))
        for entry_id, revision, kind, analyzers, level, screen_quiet, written_at in rows
        if is_outdated(analyzers or {}, current.get(kind, {}))
    ]
    found.sort(key=lambda row: (not row[1].risky, row[0], str(row[1].entry_id)))
    return [row for _, row in found]


def outdated_count() -> int:
    """How many entries wait for re-analysis (analysed by an older analyzer version): ``reverie doctor``."""
    return len(_outdated())


def stale_entries() -> list[Entry]:
    """The entries ``reverie reanalyse`` redoes: those with no analysis of their current revision, then those
    analysed by an older analyzer version; risk first in each, as :func:`queue_waiting`."""
    ids = [entry_id for entry_id, _ in _waiting()] + [row.entry_id for row in _outdated()]
    entries = Entry.objects.in_bulk(ids)
    return [entries[entry_id] for entry_id in ids if entry_id in entries]


def reanalyse_entry(entry_id: uuid.UUID | str, revision: int) -> StoredAnalysis | None:
    """Redo one entry revision's analysis when an analyzer that made it has another version now; the old findings
    are swapped for the new in one transaction (kept if it fails). Idempotent: an up-to-date one is left alone."""
    entry = Entry.objects.filter(pk=entry_id, revision=revision, deleted_at__isnull=True).first()
    stored = StoredAnalysis.objects.filter(entry_id=entry_id, revision=revision).first()
    if entry is not None and stored is not None and not stored.hooks_done:
        return analyse_stored_entry(entry.id, revision)  # its hooks first (a re-analysis that failed in them)
    if entry is None or stored is None or not is_outdated(stored.analyzers, current_versions(entry.kind)):
        return None
    with replacing():
        return analyse_stored_entry(entry.id, revision)


@task()
def reanalyse_entry_task(entry_id: str, revision: int) -> None:
    _attempt(REANALYSE, entry_id, revision, lambda: reanalyse_entry(entry_id, revision))


def _queued(task_path: str) -> set[str]:
    """The entry ids of the tasks of ``task_path`` queued or running now."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(
        task_path=task_path,
        status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING],
    ).values_list("args_kwargs", flat=True)
    return {str(row["args"][0]) for row in rows if row.get("args")}


def _queued_reanalyses() -> set[str]:
    return _queued(reanalyse_entry_task.module_path)


def _retry_due(attempts: int, failed_at: Any, now: Any) -> bool:
    """Whether a failed try may be retried now: under MAX_TRIES, and its wait (growing 4 times a try) is over."""
    from datetime import timedelta

    wait = timedelta(seconds=RETRY_AFTER_SECONDS * 4 ** max(0, attempts - 1))
    return bool(attempts < MAX_TRIES and failed_at <= now - wait)


def _same_versions(kind: str, versions: dict[str, str]) -> bool:
    """Whether a re-analysis failure was counted under the analyzer versions installed now (or unknown ones)."""
    try:
        return not versions or versions == current_versions(kind)
    except Exception as exc:  # the analyzers cannot be loaded: the failure counts as it stands
        log.warning("reading the analyzer versions failed: %s", type(exc).__name__)
        return True


def _held_reanalyses(now: Any) -> set[uuid.UUID]:
    """Entries whose re-analysis under the analyzer versions installed now failed and is not due again (it waits,
    or failed MAX_TRIES times): a poison entry never takes the batch's place from the others."""
    rows = AnalysisFailure.objects.filter(task=REANALYSE, revision=F("entry__revision")).values_list(
        "entry_id", "entry__kind", "versions", "attempts", "failed_at"
    )
    held = set()
    for entry_id, kind, versions, attempts, failed_at in rows:
        if not _same_versions(kind, versions):
            continue  # failed under other versions: the count starts again
        if not _retry_due(attempts, failed_at, now):
            held.add(entry_id)
    return held


def _owing_hooks() -> QuerySet[StoredAnalysis]:
    """Stored analyses of an entry's current revision, not in the trash, whose after-analysis hooks are owed."""
    return StoredAnalysis.objects.filter(
        hooks_done=False, revision=F("entry__revision"), entry__deleted_at__isnull=True
    )


def _hooks_owed(now: Any, queued: set[str]) -> list[tuple[uuid.UUID, int]]:
    """Stored analyses (current revision, not in the trash) whose after-analysis hooks are owed, stored more than
    HOOKS_GRACE_SECONDS ago, that no failure records (those wait for their retry or were given up) and no task
    holds: oldest first, at most HOOKS_OWED_BATCH."""
    from datetime import timedelta

    from django.db.models import Exists, OuterRef

    failed = AnalysisFailure.objects.filter(entry=OuterRef("entry_id"), revision=OuterRef("revision"))
    rows = (
        _owing_hooks()
        .filter(created_at__lte=now - timedelta(seconds=HOOKS_GRACE_SECONDS))
        .exclude(Exists(failed))
        .order_by("created_at", "id")
        .values_list("entry_id", "revision")
    )
    owed: list[tuple[uuid.UUID, int]] = []
    for entry_id, revision in rows.iterator():
        if str(entry_id) not in queued:
            owed.append((entry_id, revision))
            if len(owed) == HOOKS_OWED_BATCH:
                break
    return owed


def hooks_given_up() -> int:
    """How many stored analyses (current revision, not in the trash) owe their after-analysis hooks (the risk
    alert) and whose every recorded try failed MAX_TRIES times: nothing retries them (``reverie doctor`` fails)."""
    owed = set(_owing_hooks().values_list("entry_id", "revision"))
    if not owed:
        return 0
    fewest: dict[tuple[uuid.UUID, int], int] = {}
    rows = AnalysisFailure.objects.filter(entry_id__in={entry_id for entry_id, _ in owed}).values_list(
        "entry_id", "revision", "attempts"
    )
    for entry_id, revision, attempts in rows:
        key = (entry_id, revision)
        fewest[key] = min(attempts, fewest.get(key, attempts))
    return sum(1 for key in owed if fewest.get(key, 0) >= MAX_TRIES)


def retry_failed(now: Any = None) -> int:
    """Queue again the analyses that failed and whose wait is over (at most MAX_TRIES tries in all; the worker's
    upkeep thread calls this): risk first, as a save's; also a re-analysis whose hooks failed after its store (the
    analysis task runs the hooks owed), and any stored analysis whose hooks are owed with no failure recorded
    (:func:`_hooks_owed`: the demo's batch path, a lost worker), once HOOKS_GRACE_SECONDS old. The task runs the
    hooks only where still owed, so an alert is raised once. Background mode only. Returns how many were queued."""
    from django.utils import timezone

    from reverie.clinic.services.worker import priority_for

    if not in_background():
        return 0
    queued = _queued(analyse_entry_task.module_path)
    record_unrecorded_failures(queued)
    due = _due(now or timezone.now(), queued)
    with transaction.atomic():
        for entry_id, revision in due:
            analyse_entry_task.using(priority=priority_for(entry_id, revision)).enqueue(
                str(entry_id), revision
            )
    return len(due)


# The most recent failed analysis task rows :func:`record_unrecorded_failures` reads a round (older ones were read
# by earlier rounds).
UNRECORDED_SCAN = 1000


def record_unrecorded_failures(queued: set[str]) -> int:
    """Record as a failed try (error: the exception's class name) each analysis task row that failed with nothing
    recorded for it, of an entry revision which still waits for its analysis and no task holds: a worker stopped in
    a way that left its task failed (killed while putting it back, a django-tasks-db worker, a ``BaseException``
    that no ``_attempt`` catches). A row counts once: only one that finished after the revision's failure on record
    (none, or an earlier try's) is a try not yet counted, and counting it moves the failure's time past it. The
    sweep (:func:`_due`) then retries it within MAX_TRIES and gives up after that, as for a recorded failure
    (``reverie doctor`` reports it), so no way out of a worker leaves an entry unanalysed for good, nor retried for
    ever. Returns how many were recorded."""
    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = set(_waiting())
    if not waiting:
        return 0
    # Each revision's failure on record: its count and when it was last counted (a row that finished before that
    # was counted already, or by ``_attempt``'s own record of the try it ran).
    recorded: dict[tuple[uuid.UUID, int], tuple[int, Any]] = {
        (entry_id, revision): (attempts, failed_at)
        for entry_id, revision, attempts, failed_at in AnalysisFailure.objects.filter(
            task=ANALYSE
        ).values_list("entry_id", "revision", "attempts", "failed_at")
    }
    rows = DBTaskResult.objects.filter(
        task_path=analyse_entry_task.module_path, status=TaskResultStatus.FAILED
    ).order_by("-finished_at")[:UNRECORDED_SCAN]
    found = 0
    for args_kwargs, failed_as, finished_at in rows.values_list(
        "args_kwargs", "exception_class_path", "finished_at"
    ):
        args = (args_kwargs or {}).get("args") or []
        try:
            key = (uuid.UUID(str(args[0])), int(str(args[1])))
        except (IndexError, ValueError):
            continue
        if key not in waiting or str(key[0]) in queued:
            continue
        attempts, counted_at = recorded.get(key, (0, None))
        if attempts >= MAX_TRIES:
            continue  # given up: nothing more to count or retry
        if counted_at is not None and (finished_at is None or finished_at <= counted_at):
            continue  # counted already (or the try that ``_attempt`` recorded itself)
        record_failure(key[0], key[1], ANALYSE, str(failed_as).rsplit(".", 1)[-1] or "Stopped")
        recorded[key] = (attempts + 1, counted_at)  # older rows of this scan are tries of their own
        found += 1
    if found:
        log.warning("analysis tasks failed with nothing recorded: %d recorded, to retry", found)
    return found


def _due(now: Any, queued: set[str], *, hooks_at_once: bool = False) -> list[tuple[uuid.UUID, int]]:
    """The upkeep sweep's list (:func:`retry_failed`, :func:`retry_inline`): analyses that failed and whose wait is
    over, and stored analyses whose hooks are owed with no failure recorded (:func:`_hooks_owed`), none a task
    holds. ``hooks_at_once``: a failed hook run of a stored analysis (cheap: the text is not read again) is due at
    once, under MAX_TRIES tries, without the wait. Forgets the failures of revisions edited since."""
    AnalysisFailure.objects.exclude(revision=F("entry__revision")).delete()  # edited since: that try is moot
    waiting = set(_waiting())
    owing = set(_owing_hooks().values_list("entry_id", "revision")) if hooks_at_once else set()
    rows = AnalysisFailure.objects.filter(entry__deleted_at__isnull=True).values_list(
        "entry_id", "revision", "attempts", "failed_at"
    )
    due = list(
        dict.fromkeys(
            (entry_id, revision)
            for entry_id, revision, attempts, failed_at in rows
            if (entry_id, revision) in waiting
            and str(entry_id) not in queued
            and (
                _retry_due(attempts, failed_at, now)
                or ((entry_id, revision) in owing and attempts < MAX_TRIES)
            )
        )
    )
    return due + [pair for pair in _hooks_owed(now, queued) if pair not in due]


_sweeping: ContextVar[bool] = ContextVar("reverie_analysis_sweeping", default=False)


def retry_inline(now: Any = None) -> int:
    """Inline mode's upkeep sweep, run at each save before its own analysis (:func:`schedule`): no worker runs there, so
    without it a failed analysis or a failed after-analysis hook (the risk alert) would wait for a process that
    never comes. The same list as the worker's (:func:`_due`), run here one by one through the same bounded tries,
    a failed hook run at the next save without the wait (the analysis is stored; only the hooks run again, where
    still owed: the alert is raised once). Inline mode only. Returns how many were tried."""
    from django.utils import timezone

    if settings.REVERIE["REVERIE_ANALYSIS"] != "inline" or _sweeping.get():
        return 0
    token = _sweeping.set(True)
    try:
        due = _due(now or timezone.now(), set(), hooks_at_once=True)[:HOOKS_OWED_BATCH]
        for entry_id, revision in due:
            _attempt(
                ANALYSE,
                str(entry_id),
                revision,
                functools.partial(analyse_stored_entry, entry_id, revision),
            )
    finally:
        _sweeping.reset(token)
    return len(due)


@dataclass(frozen=True, slots=True)
class AnalysisHealth:
    """What ``reverie doctor`` says of the analysis of saved entries (counts and error type names only)."""

    waiting: int  # entries (current revision, not in the trash) with no analysis yet, or whose hooks are owed
    retrying: int  # of those, ones whose analysis failed and the worker will try again
    given_up: int  # of those, ones whose analysis failed MAX_TRIES times (or stopped the worker as often)
    errors: dict[str, int]  # the last error's type → how many of those failed
    # entries whose re-analysis under the versions installed now failed MAX_TRIES times, and their errors' types
    reanalysis_given_up: int
    reanalysis_errors: dict[str, int]
    # stored analyses whose hooks (the risk alert) are owed and whose retries were given up (:func:`hooks_given_up`)
    hooks_given_up: int = 0


def health() -> AnalysisHealth:
    waiting = set(_waiting())
    retrying = given_up = 0
    errors: dict[str, int] = {}
    rows = AnalysisFailure.objects.filter(task=ANALYSE).values_list(
        "entry_id", "revision", "attempts", "last_error"
    )
    for entry_id, revision, attempts, error in rows:
        if (entry_id, revision) not in waiting:
            continue
        if attempts >= MAX_TRIES:
            given_up += 1
        else:
            retrying += 1
        errors[error] = errors.get(error, 0) + 1
    re_given_up = 0
    re_errors: dict[str, int] = {}
    re_rows = AnalysisFailure.objects.filter(
        task=REANALYSE, attempts__gte=MAX_TRIES, revision=F("entry__revision"), entry__deleted_at__isnull=True
    ).values_list("entry__kind", "versions", "last_error")
    for kind, versions, error in re_rows:
        if not _same_versions(kind, versions):
            continue
        re_given_up += 1
        re_errors[error] = re_errors.get(error, 0) + 1
    return AnalysisHealth(len(waiting), retrying, given_up, errors, re_given_up, re_errors, hooks_given_up())


# The key of the PostgreSQL advisory lock that serialises topping up the re-analysis batch ("reverie-rq").
REANALYSIS_QUEUE_LOCK_KEY = 0x7265762D7271


def _lock_reanalysis_queue() -> None:
    """Hold, until the caller's transaction ends, the one lock under which the re-analysis batch is read and
    topped up, so that two workers' upkeep threads (every process on every machine sharing the database) never
    both find an entry not queued and both queue it (review r94): PostgreSQL's transaction-level advisory lock, the
    second waits and then reads what the first queued. SQLite needs none: every transaction there begins IMMEDIATE
    (settings.py), so the write lock taken at ``atomic()`` already holds a second worker's read until the first
    commits."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REANALYSIS_QUEUE_LOCK_KEY])


def queue_outdated(batch: int | None = None) -> int:
    """Queue the re-analysis of entries analysed by an older analyzer version: risk first, below every new save's
    analysis, never more than ``batch`` (``REANALYSIS_BATCH``) queued at a time (an entry already queued is not queued twice; the
    worker's upkeep thread tops the batch up; two workers topping it up at once take turns,
    :func:`_lock_reanalysis_queue`). ``inline`` mode redoes a batch at once; ``off`` queues nothing but
    counts. Returns how many were queued now."""
    batch = REANALYSIS_BATCH if batch is None else batch
    mode = settings.REVERIE["REVERIE_ANALYSIS"]
    from django.utils import timezone

    if mode != "background":
        held = _held_reanalyses(timezone.now()) if mode == "inline" else set()
        chosen = [row for row in _outdated() if row.entry_id not in held][:batch]
        if mode == "inline":
            for row in chosen:
                entry_id, revision = str(row.entry_id), row.revision
                _attempt(
                    REANALYSE, entry_id, revision, functools.partial(reanalyse_entry, entry_id, revision)
                )
        return len(chosen)
    with transaction.atomic():  # one commit for the whole batch, read and queued under one lock
        _lock_reanalysis_queue()
        outdated = _outdated()
        queued = _queued_reanalyses()
        held = _held_reanalyses(timezone.now())
        chosen = [row for row in outdated if str(row.entry_id) not in queued and row.entry_id not in held][
            : max(0, batch - len(queued))
        ]
        for row in chosen:
            priority = REANALYSIS_RISK_PRIORITY if row.risky else REANALYSIS_PRIORITY
            reanalyse_entry_task.using(priority=priority).enqueue(str(row.entry_id), row.revision)
    return len(chosen)


@dataclass(frozen=True, slots=True)
class Reanalysed:
    done: int
    failed: int


def reanalyse(progress: Callable[[int, int], None] | None = None) -> Reanalysed:
    """Analyse every entry still waiting and redo every one analysed by an older analyzer version (after an
    upgrade), risk first. Each entry's old findings are swapped for the new in one transaction, so one that fails
    keeps them; the run goes on and counts it (the failure is logged by type only)."""
    todo = stale_entries()
    done = failed = 0
    for i, entry in enumerate(todo, 1):
        try:
            with replacing():
                analyse_stored_entry(entry.id, entry.revision)
            done += 1
            AnalysisFailure.objects.filter(entry=entry, revision=entry.revision).delete()
        except Exception as exc:
            failed += 1
            log.error("re-analysis of one entry failed: %s", type(exc).__name__)
        if progress:
            progress(i, len(todo))
    return Reanalysed(done, failed)


def install() -> None:
    from reverie.clinic.services import journal

    if schedule not in journal.after_save_hooks:
        journal.after_save_hooks.append(schedule)
