"""Analysis of saved entries: after the save commits, never blocking the writer, results stored sealed.

``REVERIE_ANALYSIS`` chooses how: ``background`` enqueues a django-tasks task that a ``reverie worker`` process runs
(several workers may share one PostgreSQL database), ``inline`` runs it right after the commit (tests, scripts),
``off`` not at all. A failed analysis is logged by type only and never touches the entry.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError as DbIntegrityError
from django.db import transaction
from django_tasks import task

from reverie.analysis.findings import Finding
from reverie.clinic.models import Entry, StoredAnalysis, User
from reverie.clinic.services import audit, keys
from reverie.clinic.services.journal import _entry_for, _open_payload
from reverie.clinic.services.policy import Action

log = logging.getLogger("reverie.analysis")
RESULT_PURPOSE = "analysis.result"
RISK_ORDER = ("none", "indicator", "ideation", "behavior", "attempt")

# Called with (entry, stored analysis, result json) after a result is stored; the risk flow subscribes.
after_analysis_hooks: list[Callable[[Entry, StoredAnalysis, dict[str, Any]], None]] = []


def _result_id(entry_id: uuid.UUID, revision: int) -> str:
    return f"{entry_id}#a{revision}"


def analysis_text(doc: dict[str, Any]) -> str:
    """What the analyzers read: the body, then the mindful-choice fields, never the title alone."""
    extra = doc.get("extra") or {}
    parts = [
        str(doc.get("body", "")),
        *(str(extra[k]) for k in ("situation", "urge", "choice") if k in extra),
    ]
    return "\n\n".join(p for p in parts if p.strip())


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
    if stored is not None:  # already read (e.g. the demo's batches before a worker got to it): not twice
        return stored
    doc = _open_payload(entry, entry.client)
    text = analysis_text(doc)
    result = ensure_risk_screen(text, entry.kind, analyse(text, entry.kind).to_json())
    return _store_result(entry, revision, result)


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


def _store_result(entry: Entry, revision: int, result: dict[str, Any]) -> StoredAnalysis | None:
    sealed = keys.seal_for(
        entry.client,
        _result_id(entry.id, revision),
        RESULT_PURPOSE,
        json.dumps(result, ensure_ascii=False).encode(),
    )
    try:
        with transaction.atomic():
            stored = StoredAnalysis.objects.create(
                entry=entry,
                revision=revision,
                analyzers=result.get("analyzers", {}),
                risk_level=_risk_level(result),
                payload=sealed,
            )
    except DbIntegrityError:
        return StoredAnalysis.objects.filter(entry=entry, revision=revision).first()
    for hook in after_analysis_hooks:
        hook(entry, stored, result)
    return stored


def ensure_risk_screen(text: str, kind: str, result: dict[str, Any]) -> dict[str, Any]:
    """Every saved text is screened for risk, even when the pipeline analysed nothing (another language, no
    sentences): the screen reads the raw text. If it cannot run, the notes say so, which the risk flow treats as
    unscreened and answers with the safety resources."""
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


@task()
def analyse_entry_task(entry_id: str, revision: int) -> None:
    try:
        analyse_stored_entry(entry_id, revision)
    except Exception as exc:
        log.error("analysis of one entry failed: %s", type(exc).__name__)


# While set (``held_back``), saved entries are collected here instead of being analysed or enqueued at once.
_held: ContextVar[list[tuple[uuid.UUID, int]] | None] = ContextVar("reverie_analysis_held", default=None)


def schedule(entry_id: uuid.UUID, revision: int) -> None:
    """The journal's after-save hook."""
    mode = settings.REVERIE["REVERIE_ANALYSIS"]
    if mode == "off":
        return
    held = _held.get()
    if held is not None:
        held.append((entry_id, revision))
        return
    if mode == "inline":
        try:
            analyse_stored_entry(entry_id, revision)
        except Exception as exc:
            log.error("analysis of one entry failed: %s", type(exc).__name__)
        return
    from reverie.clinic.services.worker import priority_for

    # Risk work first: an entry whose save-time screen was not "none" is analysed before the backlog.
    analyse_entry_task.using(priority=priority_for(entry_id, revision)).enqueue(str(entry_id), revision)


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


def queue_waiting() -> int:
    """Schedule the analysis of every entry (current revision, not in the trash) with no stored analysis of it, as
    the save path does: risk first (an entry whose save-time screen was not "none", or has none, before the rest).
    After a restore: what was waiting for analysis when the backup was taken is not left unread. Returns how many."""
    from django.db.models import Exists, OuterRef

    from reverie.clinic.models import EntryScreen
    from reverie.clinic.services.worker import QUIET_LEVELS

    done = StoredAnalysis.objects.filter(entry=OuterRef("pk"), revision=OuterRef("revision"))
    quiet = EntryScreen.objects.filter(
        entry=OuterRef("pk"), revision=OuterRef("revision"), level__in=QUIET_LEVELS
    )
    waiting = list(
        Entry.objects.filter(deleted_at__isnull=True)
        .exclude(Exists(done))
        .annotate(quiet=Exists(quiet))
        .order_by("quiet", "written_at", "id")
        .values_list("id", "revision")
    )
    with transaction.atomic():  # one commit for the whole queue
        for entry_id, revision in waiting:
            schedule(entry_id, revision)
    return len(waiting)


def pending_count(client: User) -> int:
    """How many of the client's entries (current revision, not in the trash) have no stored analysis yet."""
    from django.db.models import Exists, OuterRef

    done = StoredAnalysis.objects.filter(entry=OuterRef("pk"), revision=OuterRef("revision"))
    return Entry.objects.filter(client=client, deleted_at__isnull=True).exclude(Exists(done)).count()


@dataclass(frozen=True, slots=True)
class EntryAnalysis:
    revision: int
    result: dict[str, Any]


def open_result(entry: Entry, stored: StoredAnalysis) -> dict[str, Any]:
    """The decrypted result (``reverie.analysis/1`` JSON) of one stored analysis. Callers apply the policy."""
    raw = keys.open_for(entry.client, _result_id(entry.id, stored.revision), RESULT_PURPOSE, stored.payload)
    result: dict[str, Any] = json.loads(raw)
    return result


def stored_findings(entry: Entry, stored: StoredAnalysis) -> list[Finding]:
    return [Finding.from_json(f) for f in open_result(entry, stored).get("findings", [])]


def latest_by_entry(client: User) -> dict[uuid.UUID, StoredAnalysis]:
    """Each of the client's entries → its newest stored analysis."""
    rows = StoredAnalysis.objects.filter(entry__client=client).order_by("entry_id", "revision")
    return {a.entry_id: a for a in rows}


def findings_for(actor: User, entry_id: uuid.UUID | str) -> EntryAnalysis | None:
    """The latest stored analysis of an entry the actor may read (same policy as the entry itself)."""
    entry = _entry_for(actor, entry_id, Action.READ)
    stored = StoredAnalysis.objects.filter(entry=entry).order_by("-revision").first()
    if stored is None:
        return None
    audit.record(actor, "analysis.read", "entry", entry.id, subject=entry.client)
    return EntryAnalysis(stored.revision, open_result(entry, stored))


def current_versions() -> dict[str, str]:
    """Analyzer name → "version:model_hash" of the pipeline as installed now."""
    from reverie.analysis.pipeline import analyse

    return dict(analyse("A short note to learn which analyzers are installed.").analyzers)


def stale_entries() -> list[Entry]:
    versions = current_versions()
    rows = Entry.objects.filter(deleted_at__isnull=True).prefetch_related("analyses")
    stale = []
    for entry in rows:
        latest = max(entry.analyses.all(), key=lambda a: a.revision, default=None)
        if latest is None or latest.revision != entry.revision or latest.analyzers != versions:
            stale.append(entry)
    return stale


def reanalyse(progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute every stored result made by other analyzer versions (after a model changes)."""
    todo = stale_entries()
    for i, entry in enumerate(todo, 1):
        StoredAnalysis.objects.filter(entry=entry).delete()
        analyse_stored_entry(entry.id, entry.revision)
        if progress:
            progress(i, len(todo))
    return len(todo)


def install() -> None:
    from reverie.clinic.services import journal

    if schedule not in journal.after_save_hooks:
        journal.after_save_hooks.append(schedule)
