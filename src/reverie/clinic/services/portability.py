"""A person's data leaves and enters Reverie here: export, import and erasure of one's own journal."""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, TypeVar

from django.db import DatabaseError, transaction
from django.db import IntegrityError as DbIntegrityError
from django.db.models import Q
from django.utils import timezone

from reverie.clinic.models import Attachment, Entry, EntryRevision, ObservationFeedback, User
from reverie.clinic.services import (
    audit,
    erasure_owed,
    keys,
    observations,
    people,
    picture_metadata,
    purged,
    risk_screen,
    signin,
    throttle,
)
from reverie.clinic.services.journal import (
    AttachmentDraft,
    EarlierVersion,
    EntryDraft,
    Feeling,
    _payload_bytes,
    _record_id,
    _require_client,
    _revision_bytes,
    _store_attachment,
    after_save,
    labels_without_commas,
    require_own,
    revisions,
    screen_draft,
    screen_saved,
    without_commas,
)
from reverie.clinic.services.local_time import (
    DEFAULT,
    EARLIEST,
    LATEST,
    in_years,
    known_zone,
    set_time_zone,
    within_years,
    zone_name,
    zone_of,
)
from reverie.clinic.services.portability_hooks import before_erase_hooks, export_record_hooks
from reverie.errors import (
    AuthenticationFailed,
    ConfigurationError,
    IntegrityError,
    InvalidInput,
    NotFound,
    PermissionDenied,
    ReverieError,
    StaleEdit,
    failure_of,
)
from reverie.insights.observations import ANALYZERS
from reverie.journal.interchange import (
    SCHEMA,
    PortableAttachment,
    PortableEntry,
    PortableFeeling,
    PortableFit,
    PortableJournal,
    PortableLeftOut,
    PortableRevision,
    file_place,
)

Progress = Callable[[int, int], None]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An entry an export had to leave out, named for its owner: date, kind and (when it opens) title; no text."""

    happened_at: datetime
    kind: str
    title: str  # "" when the entry itself does not open
    reason: str  # plain words: why it could not be exported
    damaged: bool = True  # False: the person trashed it while the export ran (in the trash, not lost)
    is_entry: bool = True  # False: part of the course record (``kind`` then says which: "Safety plan", ...)

    def line(self, zone: tzinfo | None = None) -> str:
        from reverie.journal.kinds import KIND_WORDS

        day = within_years(self.happened_at).astimezone(zone or UTC).strftime("%Y-%m-%d %H:%M")
        kind = KIND_WORDS.get(self.kind, self.kind)
        named = f" “{self.title}”" if self.title else ""
        return f"{day} · {kind}{named}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Exported:
    """An export and what it had to leave out (each named to the person, never in a log)."""

    journal: PortableJournal
    left_out: tuple[LeftOut, ...] = ()
    # entries in the file whose stored date was out of range (saved before local_time.check_year): the file gives
    # the nearest date in range (``within_years``), and the person is told which (``moved_words``)
    dates_moved: tuple[LeftOut, ...] = ()


DATE_MOVED = (
    "its date is out of range (saved as {stored}, UTC), so the file gives the nearest date in range; "
    "give its real date on edit."
)


LOST_KEY = "it was sealed under a key that no longer exists, so it cannot be opened."
ALTERED = "it does not open (its stored copy was altered or damaged)."
ALTERED_FILE = "one of its files or earlier versions does not open (its stored copy was altered or damaged)."
TRASHED_MEANWHILE = "it was moved to the trash (or deleted) while the export ran."


def _readable_title(entry: Entry) -> str:
    from reverie.clinic.services.journal import _open_payload

    try:
        return str(_open_payload(entry, entry.client).get("title", ""))
    except (IntegrityError, ValueError):
        return ""


def _portable(actor: User, entry: Entry) -> PortableEntry | LeftOut:
    """The entry in portable form, or what to tell its owner when it (or one of its files) cannot be opened."""
    try:
        return _opened_portable(actor, entry)
    except NotFound:
        # trashed or deleted elsewhere (another tab, device, the API) after the export listed it: its files and
        # earlier versions are no longer the person's to read. Left out and named; the rest exports (r18).
        if Entry.objects.filter(pk=entry.pk, client=actor, deleted_at__isnull=True).exists():
            raise
        return LeftOut(
            entry.happened_at, entry.kind, _readable_title(entry), TRASHED_MEANWHILE, damaged=False
        )
    except IntegrityError as exc:
        log.warning("export left out one entry: %s", type(exc).__name__)  # the error's type only, never text
        title = _readable_title(entry)
        reason = ALTERED_FILE if title or _payload_opens(entry) else ALTERED
        return LeftOut(entry.happened_at, entry.kind, title, reason)


def _payload_opens(entry: Entry) -> bool:
    from reverie.clinic.services.journal import _open_payload

    try:
        _open_payload(entry, entry.client)
    except (IntegrityError, ValueError):
        return False
    return True


def _opened_portable(actor: User, entry: Entry) -> PortableEntry | LeftOut:
    from reverie.clinic.services.journal import _view, attachment_data

    view = _view(entry)
    if view.unreadable:  # sealed under a lost data key (reverie doctor): it cannot be exported
        return LeftOut(entry.happened_at, entry.kind, "", LOST_KEY)
    atts = []
    for info in view.attachments:
        name, media_type, data = attachment_data(actor, info.id)
        atts.append(PortableAttachment(filename=name, media_type=media_type, data=data))
    revs = tuple(_portable_revision(version) for version in revisions(actor, entry.id))
    fits = tuple(PortableFit(key, given, at) for key, given, at in observations.answers_of(entry))
    return PortableEntry(
        id=str(entry.id),
        kind=view.kind,
        body=view.body,
        happened_at=view.happened_at,
        written_at=view.written_at,
        feelings=tuple(PortableFeeling(f.name, f.intensity) for f in view.feelings),
        people=view.people,
        tags=view.tags,
        title=view.title,
        shared=view.shared,
        attachments=tuple(atts),
        revisions=revs,
        extra=dict(view.extra),
        fit=fits,
        updated_at=view.updated_at,  # version 10: when the current version was saved
    )


def _portable_revision(version: EarlierVersion) -> PortableRevision:
    """One earlier version in the export: whole (its title, text, feelings, people, tags, fields and, where kept,
    its date), or its text alone where only that was kept."""
    if version.only_text:
        return PortableRevision(body=version.body, written_at=version.saved_at)
    return PortableRevision(
        body=version.body,
        written_at=version.saved_at,
        only_text=False,
        title=version.title,
        feelings=tuple(PortableFeeling(f.name, f.intensity) for f in version.feelings),
        people=version.people,
        tags=version.tags,
        extra=dict(version.extra),
        happened_at=version.happened_at,
    )


def export_journal(actor: User, progress: Progress | None = None) -> PortableJournal:
    """Everything the client wrote (not the trash), decrypted, in Reverie's portable form."""
    return export_with_report(actor, progress).journal


def export_with_report(actor: User, progress: Progress | None = None) -> Exported:
    """The export and the entries it left out: one that cannot be opened (a lost key, an altered entry or file)
    is left out, counted (audit outcome ``partial``) and named to the person; the rest exports."""
    _require_client(actor)
    rows = list(
        Entry.objects.filter(client=actor, deleted_at__isnull=True)
        .select_related("client")
        .order_by("happened_at", "written_at", "id")  # the id: one stable order on every database
    )
    out = []
    left_out = []
    moved = []
    for i, entry in enumerate(rows, 1):
        item = _portable(actor, entry)
        if isinstance(item, LeftOut):
            left_out.append(item)
        else:
            out.append(item)
            if not in_years(
                entry.happened_at
            ):  # the file holds the nearest date in range: said, never silent
                at = entry.happened_at
                reason = DATE_MOVED.format(stored=f"{at.year:04d}-{at.month:02d}-{at.day:02d}")
                moved.append(LeftOut(entry.happened_at, item.kind, item.title, reason, damaged=False))
        if progress:
            progress(i, len(rows))
    record: dict[str, Any] = {}
    for hook in export_record_hooks:  # a part of the record that does not open is left out and named too
        record.update(hook(actor, left_out.append))
    damaged = [item for item in left_out if item.damaged]  # one trashed meanwhile is in the trash, not lost
    outcome = "partial" if damaged else "ok"  # what cannot be opened is left out, and counted
    audit.record(actor, "journal.export", "journal", actor.pk, subject=actor, outcome=outcome)
    journal = PortableJournal(
        schema=SCHEMA,
        exported_at=timezone.now(),
        entries=tuple(out),
        record=record,
        left_out=tuple(
            PortableLeftOut(item.happened_at, item.kind, item.title) for item in damaged if item.is_entry
        ),
        time_zone=zone_name(actor),  # version 10: the person's times read in their own zone after a move
    )  # the file itself says what it lacks (version 5), for a person who keeps only the file; like the trash, an
    # entry trashed while the export ran is named to the person (``Exported.left_out``) but not in the file
    return Exported(journal, tuple(left_out), tuple(moved))


def needs_confirming(left_out: Sequence[LeftOut]) -> bool:
    """Whether an export lacks something the person did not choose to leave out (an entry or record that does not
    open)."""
    return any(item.damaged for item in left_out)


def left_out_words(left_out: Sequence[LeftOut], zone: tzinfo | None = None) -> list[str]:
    """What the web page, the API and the CLI say about entries an export left out (empty when none)."""
    if not left_out:
        return []
    count = len(left_out)
    one = count == 1
    if all(item.damaged and item.is_entry for item in left_out):
        head = (
            f"{count} {'entry' if one else 'entries'} could not be opened and "
            f"{'is' if one else 'are'} not in this export; everything else is:"
        )
    else:  # each line says what and why (trashed while it ran, or does not open)
        noun = (
            ("entry" if one else "entries")
            if all(i.is_entry for i in left_out)
            else ("record" if one else "records")
        )
        head = f"{count} {noun} {'is' if one else 'are'} not in this export; everything else is:"
    return [head, *(item.line(zone) for item in left_out)]


def moved_words(moved: Sequence[LeftOut], zone: tzinfo | None = None) -> list[str]:
    """What the API and the CLI say about entries whose stored date was out of range and that the export dated at
    the nearest date in range (empty when none): a date an export changes is named, never changed silently."""
    if not moved:
        return []
    one = len(moved) == 1
    head = (
        f"{len(moved)} {'entry has' if one else 'entries have'} a date out of range (saved before dates were "
        f"checked); the export gives {'it' if one else 'each'} the nearest date in range:"
    )
    return [head, *(item.line(zone) for item in moved)]


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    skipped: int  # already here: the same id (a repeated import) or the same content (a round trip A→B→A)
    problems: tuple[str, ...] = ()  # entries or files left out, one text-free line each
    differ: int = 0  # entries with the id of one stored here but another content: the stored one was kept
    notes: tuple[str, ...] = ()  # plain sentences about what was not applied (text-free)
    edited: int = (
        0  # created beside an entry here of the same kind, date and title but other words (said in notes)
    )


def _draft(entry: PortableEntry) -> EntryDraft:
    """The draft an imported entry is saved from. A label holding a comma (a jrnl or Day One tag, an export made
    before commas were refused) is kept with each comma replaced by a semicolon
    (:func:`reverie.clinic.services.journal.without_commas`), never refused."""
    return EntryDraft(
        kind=entry.kind,
        body=entry.body,
        happened_at=entry.happened_at,
        title=entry.title,
        feelings=tuple(Feeling(without_commas(f.name), f.intensity) for f in entry.feelings),
        people=labels_without_commas(entry.people),
        tags=labels_without_commas(entry.tags),
        extra=dict(entry.extra),
    )


def _entry_id(actor: User, raw: str) -> tuple[uuid.UUID, bool]:
    """The id an imported entry gets, and whether this person already holds it (skipped: imports repeat safely).

    An exported id that is one of the actor's own entries is that entry. Every other id — free, someone else's, or
    not a UUID at all (jrnl, Day One) — maps to a stable id of this person's own (UUID5 of the person and the id),
    so what an import does never depends on whether *someone else* holds an id: no existence oracle. Ids are never
    taken over from a file as they are.
    """
    try:
        own = Entry.objects.filter(pk=uuid.UUID(raw), client_id=actor.pk).exists()
    except ValueError:
        own = False
    if own:
        return uuid.UUID(raw), True
    mapped = uuid.uuid5(uuid.NAMESPACE_URL, f"reverie-import:{actor.pk}:{raw}")
    existing = Entry.objects.filter(pk=mapped).select_related("client").first()
    if existing is None:
        return mapped, False
    require_own(actor, existing)  # the policy: anyone else's row answers exactly as a missing one
    return mapped, True


def _fingerprint(kind: str, happened_at: datetime, doc: dict[str, Any], files: Iterable[bytes]) -> bytes:
    """A hash of an entry's content (kind, happened-at, everything the person wrote — title, body, feelings, people,
    tags, mindful-choice fields — and its files' bytes), made in memory to compare an imported entry with stored
    ones; never stored. Two entries are the same only when nothing the person wrote differs."""
    digest = hashlib.sha256(b"reverie.import-content/2")
    written = json.dumps(_written(doc), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for part in (kind, _compared_moment(happened_at), written):
        raw = part.encode("utf-8")
        digest.update(len(raw).to_bytes(8, "big") + raw)
    for file_digest in sorted(hashlib.sha256(data).digest() for data in files):
        digest.update(file_digest)
    return digest.digest()


def _compared_moment(happened_at: datetime) -> str:
    """The one view of a date an import compares, on both sides (a stored entry and the file's): the date as Reverie
    reads and exports it (``local_time.within_years``). A date stored out of range (year 1, saved before the year
    check) is exported as the nearest date in range, so the stored entry and its own export compare equal."""
    return within_years(happened_at).astimezone(UTC).isoformat()


def _written(doc: dict[str, Any]) -> dict[str, Any]:
    """What the person wrote, from a stored payload or a draft's, in one form (as ``journal._open_view`` reads it)."""
    return {
        "title": str(doc.get("title", "")),
        "body": str(doc.get("body", "")),
        "feelings": [[str(name), int(level)] for name, level in doc.get("feelings") or []],
        "people": [str(p) for p in doc.get("people") or []],
        "tags": [str(t) for t in doc.get("tags") or []],
        "extra": {str(k): str(v) for k, v in (doc.get("extra") or {}).items()},
    }


def _file_fingerprint(entry: PortableEntry, draft: EntryDraft) -> bytes:
    happened = draft.happened_at or entry.happened_at
    doc = json.loads(_payload_bytes(draft))
    return _fingerprint(
        draft.kind, happened, doc, (picture_metadata.as_stored(draft.kind, a.data) for a in entry.attachments)
    )


def _stored_fingerprint(row: Entry) -> bytes | None:
    """The fingerprint of a stored entry (None when it cannot be opened: it then matches nothing)."""
    opened = _stored_content(row)
    return None if opened is None else opened[0]


def _stored_content(row: Entry) -> tuple[bytes, dict[str, Any]] | None:
    """A stored entry's fingerprint and opened payload (None when it cannot be opened)."""
    from reverie.clinic.services.journal import _open_payload, _opened_attachment

    try:
        doc = _open_payload(row, row.client)
        files = [
            _opened_attachment(row.client, att).data for att in row.attachments.all()
        ]  # opened without a place or camera, as one stored now
        return _fingerprint(row.kind, row.happened_at, doc, files), doc
    except (IntegrityError, ValueError, TypeError):
        return None


_T = TypeVar("_T")


def _chunks(items: Sequence[_T], size: int = 500) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _look(kind: str, happened_at: datetime, doc: dict[str, Any]) -> tuple[str, str, str]:
    """What a person sees of an entry in a list: kind, when, and the title (or, without one, the first line)."""
    title = str(doc.get("title", "")).strip() or str(doc.get("body", "")).strip().partition("\n")[0].strip()
    return kind, _compared_moment(happened_at), title


@dataclass(slots=True)
class _Stored:
    """The stored entries at the moments of a batch: the ids of those of each content (with whether in the trash),
    and how each looks in a list (kind, date, title) to notice an edited copy."""

    found: dict[tuple[bytes, bool], list[uuid.UUID]]
    looks: dict[tuple[str, str, str], set[bytes]]  # each look, with the contents stored under it


def _stored_fingerprints(
    actor: User, moments: Iterable[datetime], skip: Collection[uuid.UUID] = ()
) -> _Stored:
    """The fingerprints of this person's stored entries that happened at one of ``moments`` (only those are opened),
    each with whether that entry is in the trash; entries in ``skip`` (this import's own, those an entry of the
    file holds by id, and those an earlier batch already matched by content) are not counted."""
    found: dict[tuple[bytes, bool], list[uuid.UUID]] = {}  # two equal entries in a file match two here
    looks: dict[tuple[str, str, str], set[bytes]] = {}
    for chunk in _chunks(sorted({within_years(moment) for moment in moments})):
        at = Q(happened_at__in=list(chunk))
        # a date stored out of range reads (and exports) as the nearest edge: compared there, so found there too
        if EARLIEST in chunk:
            at |= Q(happened_at__lt=EARLIEST)
        if LATEST in chunk:
            at |= Q(happened_at__gt=LATEST)
        rows = Entry.objects.filter(at, client=actor).select_related("client")
        for row in rows.prefetch_related("attachments"):
            if row.id in skip:
                continue
            opened = _stored_content(row)
            if opened is not None:
                found.setdefault((opened[0], row.deleted_at is not None), []).append(row.id)
                looks.setdefault(_look(row.kind, row.happened_at, opened[1]), set()).add(opened[0])
    return _Stored(found, looks)


def _match(here: _Stored, fingerprint: bytes, taken: set[uuid.UUID]) -> bool | None:
    """Take one stored entry of this content (a live one first), adding its id to ``taken`` (kept across the
    import's batches): whether it is in the trash, None when none is."""
    for trashed in (False, True):
        ids = here.found.get((fingerprint, trashed))
        if ids:
            taken.add(ids.pop())  # each stored entry accounts for one entry of the file, in the whole import
            return trashed
    return None


@dataclass(frozen=True, slots=True)
class _Place:
    """Where an entry of the file goes: its id, the stored entry holding that id (None: free), the stored one's
    fingerprint, and whether the entry's own id is held by a stored entry that no longer opens."""

    id: uuid.UUID
    row: Entry | None
    fingerprint: bytes | None
    moved: bool


def _claimed(actor: User, entries: Iterable[PortableEntry]) -> set[uuid.UUID]:
    """The stored entries of this person that entries of the file hold by id (as :func:`_entry_id` maps them), read
    in bulk before the first batch. Each is that entry of the file, skipped as already here, so it is never also
    the stored copy of *another* entry of the file by content: two identical entries in a file, one of them here
    under its id, add the other (before, both were skipped)."""
    pairs = []
    for entry in entries:
        try:
            own: uuid.UUID | None = uuid.UUID(entry.id)
        except ValueError:
            own = None
        pairs.append((own, uuid.uuid5(uuid.NAMESPACE_URL, f"reverie-import:{actor.pk}:{entry.id}")))
    candidates = sorted({one for pair in pairs for one in pair if one is not None}, key=str)
    held: set[uuid.UUID] = set()
    for chunk in _chunks(candidates):
        held.update(Entry.objects.filter(client_id=actor.pk, pk__in=list(chunk)).values_list("pk", flat=True))
    return {own if own in held else mapped for own, mapped in pairs if own in held or mapped in held}


def _place(actor: User, entry_id: uuid.UUID, held: bool) -> _Place:
    """An entry held here by one that no longer opens (altered, damaged, a lost key) goes to a new id of its own,
    stable (UUID5 of the person and that id) so that importing the file again adds it once; the stored one is left
    as it is, for ``reverie doctor``."""
    row = Entry.objects.select_related("client").get(pk=entry_id) if held else None
    moved = False
    while row is not None:
        fingerprint = _stored_fingerprint(row)
        if fingerprint is not None:
            return _Place(entry_id, row, fingerprint, moved)
        moved = True
        entry_id = uuid.uuid5(uuid.NAMESPACE_URL, f"reverie-import-unopened:{actor.pk}:{entry_id}")
        row = Entry.objects.filter(pk=entry_id).select_related("client").first()
        if row is not None:
            require_own(actor, row)  # the policy: anyone else's row answers exactly as a missing one
    return _Place(entry_id, None, None, moved)


def import_journal(
    actor: User,
    data: bytes,
    progress: Progress | None = None,
    *,
    all_or_nothing: bool = False,
    media_in_all: int | None = None,
) -> ImportReport:
    """Import Reverie's export, jrnl's JSON or Day One's zip or JSON. A bad entry is reported and left out (its
    line in ``problems``, never its text); with ``all_or_nothing`` a bad entry stores none.

    Nothing stored is ever overwritten. An entry is skipped as already here when this person holds its id (a
    repeated import; when the stored one's content differs, it is counted in ``differ`` and said in ``notes``) or
    an entry of the same content (kind, happened-at, everything written, files: a round trip A→B→A, where ids
    change; each entry here answers for one entry of the file, so a file's second identical copy of an entry held
    here by id is added); one already here in the trash is said in ``notes`` (restoring it brings it back). An entry whose id
    is held by a stored one that no longer opens is imported as a new entry beside it (said in ``notes``).
    ``media_in_all``: what a Day One zip's photos and recordings may unpack to in all; by default the web server's
    cap (``import_check.media_limits``), the command line passes ``import_check.LOCAL_MEDIA_IN_ALL``. Each file
    stays within the attachment limit either way. The journal (a jrnl plain-text file, a Day One zip's journal
    ``.json`` files) stays within ``import_check.journal_limit``, the same on every door."""
    from reverie.clinic.services import import_check

    _require_client(actor)
    revision_commas: dict[str, int] = {}
    journal, drafts, problems = import_check.usable(
        actor, data, all_or_nothing=all_or_nothing, media_in_all=media_in_all, revision_commas=revision_commas
    )
    # the file's safety plan, read whole before an entry commits: a bad one is said, never an error half-way (r53)
    plan = _file_plan(journal.record)
    tally = _Tally(claimed=_claimed(actor, journal.entries), revision_commas=revision_commas)
    rows = list(zip(journal.entries, drafts, strict=True))
    # Committed in batches, so a long import never holds the database (SQLite: every other writer) for minutes; a
    # re-run after a crash skips what was committed (the same ids). All or nothing stays one transaction.
    size = max(len(rows), 1) if all_or_nothing else IMPORT_BATCH
    batches = [rows[start : start + size] for start in range(0, len(rows), size)]
    screened = [_screens(actor, batches[0])] if all_or_nothing and batches else []
    # The account erased meanwhile (another tab, the command line): said as the erasure, as every other save of
    # theirs is (review r124), never as a clash to try again; the database refuses the rows themselves.
    with people.unless_erased(actor):
        try:
            with transaction.atomic() if all_or_nothing else nullcontext():
                for number, batch in enumerate(batches):
                    # each batch's risk screen is made before its transaction
                    screens = screened[number] if all_or_nothing else _screens(actor, batch)
                    with transaction.atomic():
                        _import_batch(actor, batch, screens, number * size, tally, progress, len(rows))
                    tally.committed, tally.committed_created = number * size + len(batch), tally.created
                # the file's safety plan: restored whole or not at all, after its entries
                with transaction.atomic():
                    notes = _import_notes(journal, tally)
                    plan_note = _restore_safety_plan(actor, plan)
                    if plan_note:
                        notes.append(plan_note)
                    zone_note = _restore_time_zone(actor, journal, created=tally.created)
                    if zone_note:
                        notes.append(zone_note)
                    if not tally.audited:  # a file of no entries (its safety plan alone)
                        audit.record(actor, "journal.import", "journal", actor.pk, subject=actor)
        except (ReverieError, DatabaseError) as failed:
            said = failure_of(failed)
            if said is None or all_or_nothing or not tally.committed:
                raise  # nothing of the file was stored: said as it came
            said.message = _cut_off_words(tally, len(rows), said.message)  # its kind (busy, full...) kept
            said.args = (said.message,)
            if said is failed:
                raise
            raise said from failed
    return ImportReport(
        created=tally.created,
        skipped=tally.skipped,
        problems=(*problems, *tally.left_out),
        differ=tally.differ,
        notes=tuple(notes),
        edited=tally.edited,
    )


# Entries committed together: a 10,000-entry import is 50 short transactions, not one of minutes.
IMPORT_BATCH = 200


@dataclass(slots=True)
class _Tally:
    """What an import has done so far, across its batches."""

    created: int = 0
    skipped: int = 0
    differ: int = 0
    moved: int = 0
    trashed: int = 0
    edited: int = 0
    unshared: int = 0  # created from an entry the file marks shared: imported not shared (said in notes)
    # created dated at the edge of the years kept (local_time.EARLIEST/LATEST): where an export puts an entry whose
    # stored date was out of range, so possibly not its real date (said in notes)
    at_edge: int = 0
    left_out: list[str] = field(default_factory=list)
    # entries this import created: never the model of an edited copy
    ours: set[uuid.UUID] = field(default_factory=set)
    # the import's audit event, committed with its first batch (so an interrupted import is audited too)
    audited: bool = False
    # entries of the file dealt with in batches committed (stored here: created or already here), and of them
    # those created: what an import cut off part-way says is now here (``_cut_off_words``)
    committed: int = 0
    committed_created: int = 0
    # each entry of the file that differs from the one here with its id (kept): named in the notes, never its text
    differing: list[str] = field(default_factory=list)
    # stored entries held by id by an entry of the file (``_claimed``): never another entry's copy by content
    claimed: set[uuid.UUID] = field(default_factory=set)
    # stored entries already taken as the copy of an entry of the file by content: each answers for one entry in
    # the whole import, whichever batch that entry falls in (r14: before, once per batch)
    matched: set[uuid.UUID] = field(default_factory=set)
    # labels (feelings, people, tags, in the entry or its earlier versions) created with each comma made a
    # semicolon (``without_commas``), and the entries holding them by index and date: said in notes, never the words
    commas: int = 0
    comma_entries: list[str] = field(default_factory=list)
    revision_commas: dict[str, int] = field(default_factory=dict)  # by entry id (``import_check.usable``)


def _screens(
    actor: User, rows: Sequence[tuple[PortableEntry, EntryDraft]]
) -> dict[int, risk_screen.Screened]:
    """The risk screen of each entry of a batch that may be created (its id not held here), made outside the
    batch's transaction; an entry held here by id is skipped, so a repeated import does not screen it again."""
    return {
        index: screen_draft(draft, [att.filename for att in entry.attachments])
        for index, (entry, draft) in enumerate(rows)
        if not _entry_id(actor, entry.id)[1]
    }


def _import_batch(
    actor: User,
    rows: Sequence[tuple[PortableEntry, EntryDraft]],
    screens: dict[int, risk_screen.Screened],
    offset: int,
    tally: _Tally,
    progress: Progress | None = None,
    total: int = 0,
) -> None:
    """One batch of an import, inside its own transaction."""
    if not tally.audited:
        audit.record(actor, "journal.import", "journal", actor.pk, subject=actor)
        tally.audited = True
    places = [_place(actor, *_entry_id(actor, entry.id)) for entry, _ in rows]
    new_moments = (  # only entries not held by id are compared by content: only those moments are opened
        draft.happened_at or entry.happened_at
        for (entry, draft), place in zip(rows, places, strict=True)
        if place.row is None
    )
    # a stored entry an entry of the file holds by id is that entry: it is not compared by content with the others
    held = {place.row.id for place in places if place.row is not None}
    here = _stored_fingerprints(actor, new_moments, skip=tally.ours | tally.claimed | tally.matched | held)
    for index, ((entry, draft), place) in enumerate(zip(rows, places, strict=True), offset):
        if place.row is not None:
            tally.skipped += 1  # its answers stay as they are
            tally.trashed += place.row.deleted_at is not None  # kept: restoring it brings it back
            if place.fingerprint != _file_fingerprint(entry, draft):
                # edited since (here or there): the one here is kept, never overwritten
                _differs(tally, entry, index)
        elif (
            in_trash := _match(here, fingerprint := _file_fingerprint(entry, draft), tally.matched)
        ) is not None:
            tally.skipped += 1  # the same words here under another id (exported from here, imported back)
            tally.trashed += in_trash
        else:
            happened = draft.happened_at or entry.happened_at
            # the same kind, date and title as one here, other words: an edited copy (jrnl's ids come from the
            # words, so an entry edited there arrives as a new one); kept, and said
            look = _look(draft.kind, happened, json.loads(_payload_bytes(draft)))
            try:
                with transaction.atomic():  # a savepoint: the same file imported at the same moment (below)
                    row = _store_imported(actor, entry, draft, place.id)
            except DbIntegrityError:
                # another import of the same entry (a double-submitted form, the web and the CLI together)
                # committed it after this batch looked: it is already here, as on a repeated import
                if not _already_here(actor, entry, draft, place.id, tally, index):
                    raise
                if progress:
                    progress(index + 1, total)
                continue
            tally.edited += bool(here.looks.get(look, set()) - {fingerprint})
            tally.ours.add(row.id)
            tally.left_out += _store_fits(row, entry, index)
            screened = (
                screens[index - offset]
                if index - offset in screens
                else screen_draft(draft, [att.filename for att in entry.attachments])
            )
            screen_saved(row, screened, written_at=row.updated_at)
            after_save(row)  # analysed as a saved entry is (qa34 point 5: imports never were)
            tally.created += 1
            _count_commas(tally, entry, index, row.happened_at, zone_of(actor))
            tally.unshared += entry.shared
            tally.at_edge += happened in (EARLIEST, LATEST)
            tally.moved += place.moved  # the one here does not open: the file's copy is a new entry beside it
        if progress:
            progress(index + 1, total)


def _already_here(
    actor: User, entry: PortableEntry, draft: EntryDraft, entry_id: uuid.UUID, tally: _Tally, index: int
) -> bool:
    """Count an entry another import stored at the same moment (its insert met that one's primary key) as a
    repeated import's is: skipped, said when it differs or is in the trash. False when this person holds no entry
    of that id (another integrity error: the caller raises it as it was)."""
    row = Entry.objects.filter(pk=entry_id, client_id=actor.pk).select_related("client").first()
    if row is None:
        return False
    tally.skipped += 1
    tally.trashed += row.deleted_at is not None
    if _stored_fingerprint(row) != _file_fingerprint(entry, draft):
        _differs(tally, entry, index)
    return True


def _differs(tally: _Tally, entry: PortableEntry, index: int) -> None:
    """Count an entry of the file that differs from the one here with its id, named as every other message of an
    import names its part: its place in the file (``entries[11]``, the file's own numbering, whatever was left out
    before it: ``file_place``) and its kind, date and time as the file gives them; never its text."""
    from reverie.journal.kinds import KIND_WORDS

    tally.differ += 1
    what = f"{KIND_WORDS.get(entry.kind, entry.kind)}, {entry.happened_at:%Y-%m-%d %H:%M}"
    tally.differing.append(f"{file_place(entry, index)} ({what})")


def _import_notes(journal: PortableJournal, tally: _Tally) -> list[str]:
    notes = [_differ_words(tally.differing)] if tally.differ else []
    if tally.edited:
        notes.append(_edited_words(tally.edited))
    if journal.left_out:
        notes.append(_made_without_words(len(journal.left_out)))
    if tally.moved:
        notes.append(_moved_words(tally.moved))
    if tally.trashed:
        notes.append(_trashed_words(tally.trashed))
    if tally.unshared:
        notes.append(_unshared_words(tally.unshared))
    if tally.at_edge:
        notes.append(_at_edge_words(tally.at_edge))
    if tally.commas:
        notes.append(_comma_words(tally.commas, tally.comma_entries))
    kept_in_file = _record_kept_in_file(journal.record)
    if kept_in_file:
        notes.append(kept_in_file)
    return notes


def _record_kept_in_file(record: dict[str, Any]) -> str:
    """Check-ins and the course record (sessions, questionnaire answers, goals, notes) are never imported: they belong
    to the other installation's therapy (:func:`_restore_safety_plan`). Said when the file holds them, so nobody
    deletes the old account believing they came across (review r123); the file keeps them."""
    parts = []
    courses = record.get("courses")
    if (
        isinstance(courses, list) and courses
    ):  # the course record is never read on import: a malformed one says nothing
        parts.append("your course of therapy (sessions, questionnaire answers, goals and notes)")
    if record.get("check_ins"):
        parts.append('your answers to "Are you safe?" check-ins')
    if not parts:
        return ""
    return (
        f"The file also holds {' and '.join(parts)}; {'these are' if len(parts) > 1 else 'this is'} not imported, "
        "as it belongs to the therapy where it was written. Keep the file: it is your copy."
    )


def _at_edge_words(count: int) -> str:
    """An entry created at the edge of the years Reverie keeps: an export dates there an entry whose stored date was
    out of range (``Exported.dates_moved``), so the date may not be its own. Kept as the file gives it, and said."""
    what = "1 entry is" if count == 1 else f"{count} entries are"
    return (
        f"{what} dated {EARLIEST:%-d %b %Y %H:%M} or {LATEST:%-d %b %Y %H:%M} UTC, the first or last date Reverie "
        "keeps: an export gives that date to an entry whose date was out of range. The date was kept as in the "
        "file; if it is not the real one, give the real one on edit."
    )


def _unshared_words(count: int) -> str:
    """Sharing is never carried over (a share reaches the therapists linked when it is made): the words are kept,
    not shared, and the person is told so."""
    what = "1 entry was" if count == 1 else f"{count} entries were"
    return (
        f"{what} shared in the file; here {'it is' if count == 1 else 'they are'} kept but not shared. "
        "Share again, once a therapist is linked with you, what they should read."
    )


# The most entries a note names one by one; the rest are counted.
NAMED_IN_A_NOTE = 20


def _differ_words(named: Sequence[str]) -> str:
    """Entries of the file that differ from the ones here with their ids, each named (``entries[11] (Reflection,
    2026-01-12 21:00)``), so the person can find the words of theirs that were not imported."""
    count = len(named)
    if count == 1:
        return f"1 entry in the file differs from the one here; the one here was kept: {_named(named)}."
    return f"{count} entries in the file differ from the ones here; the ones here were kept: {_named(named)}."


def _named(items: Sequence[str]) -> str:
    """Entries a note names one by one, at most :data:`NAMED_IN_A_NOTE`, the rest counted."""
    more = len(items) - NAMED_IN_A_NOTE
    return ", ".join(items[:NAMED_IN_A_NOTE]) + (f" and {more} more" if more > 0 else "")


def _cut_off_words(tally: _Tally, total: int, reason: str) -> str:
    """What an import stopped part-way says (a busy database, a full disk after some batches committed): how many
    of the file's entries are in the journal now, and that importing the same file again brings in the rest and
    never the same entry twice (the ids, or the same content, already here are skipped); then why it stopped."""
    from reverie.text import counted

    done = tally.committed
    if done < total:
        where = f"the first {done} of the file's {counted(total, 'entry', 'entries')} {'is' if done == 1 else 'are'}"
    else:
        where = f"all {counted(total, 'entry', 'entries')} of the file {'is' if total == 1 else 'are'}"
    new = tally.committed_created
    imported = f" ({new} imported just now, the others were already here)" if new != done else ""
    why = reason.removeprefix("Not saved: ")
    return (
        f"The import stopped part-way: {where} in your journal now{imported}, the rest of the file is not. Import "
        f"the same file again to bring in the rest: what is already here is skipped, never doubled. What stopped "
        f"it: {why}"
    )


def _edited_words(count: int) -> str:
    if count == 1:
        return "1 entry looks like an edited copy of an entry already here (same date and title); both were kept."
    return f"{count} entries look like edited copies of entries already here (same date and title); both were kept."


def _made_without_words(count: int) -> str:
    """What an import says of a file whose export left entries out (its ``left_out``, version 5)."""
    if count == 1:
        return "This file was made without 1 entry that could not be opened; it is not in the file."
    return f"This file was made without {count} entries that could not be opened; they are not in the file."


def _moved_words(count: int) -> str:
    if count == 1:
        return (
            "1 entry here could not be opened; its copy in the file was imported as a new entry (the one here was"
            " left as it is: `reverie doctor` says why it does not open)."
        )
    return (
        f"{count} entries here could not be opened; their copies in the file were imported as new entries (the"
        " ones here were left as they are: `reverie doctor` says why they do not open)."
    )


def _count_commas(tally: _Tally, entry: PortableEntry, index: int, happened: datetime, zone: tzinfo) -> None:
    """Count the labels of a created entry that held a comma (a file from before commas were refused, a jrnl or Day
    One tag), stored with each comma a semicolon; the entry is named by its place in the file and its date."""
    from reverie.clinic.services.import_check import labels_of

    changed = sum("," in label for label in labels_of(entry)) + tally.revision_commas.get(entry.id, 0)
    if changed:
        tally.commas += changed
        tally.comma_entries.append(
            f"{file_place(entry, index)} ({within_years(happened).astimezone(zone):%Y-%m-%d})"
        )


def _comma_words(count: int, entries: Sequence[str]) -> str:
    one = count == 1
    return (
        f"{count} {'label' if one else 'labels'} (feelings, people or tags) held a comma, which a label can no "
        f"longer hold; {'its comma was' if one else 'each comma was'} made a semicolon, as Reverie saves them now: "
        f"{_named(entries)}."
    )


def _trashed_words(count: int) -> str:
    if count == 1:
        return "1 of the entries already here is in your trash: restore it there."
    return f"{count} of the entries already here are in your trash: restore them there."


# Before version 10 the export wrote everyone of the plan to call, trusted contacts then professionals, in one
# section, each "name: phone"; version 10 writes the two as they are (care.services.export_record.CONTACT_TITLES).
PLAN_CONTACTS = "People I can call"


def _plan_as_file(plan: Any, *, combined: bool) -> dict[str, Any]:
    """A stored plan as an export writes it (``care.services.export_record.plan_record``), to compare with a
    file's; ``combined``: as a file before version 10 wrote it (one section of contacts, no country)."""
    from reverie.care.services.export_record import SECTIONS, plan_record

    if not combined:
        return plan_record(plan)
    sections: list[dict[str, Any]] = [
        {"title": title, "items": list(getattr(plan, key))} for key, title in SECTIONS if getattr(plan, key)
    ]
    contacts = [f"{c.name}: {c.phone}" for c in (*plan.trusted_contacts, *plan.professionals)]
    if contacts:
        sections.append({"title": PLAN_CONTACTS, "items": contacts})
    return {"sections": sections}


def _contacts(items: list[str]) -> list[dict[str, str]]:
    contacts = []
    for item in items:
        name, colon, phone = item.rpartition(":")
        if not colon:
            raise InvalidInput("A contact of the file's safety plan has no phone number.")
        contacts.append({"name": name.strip(), "phone": phone.strip()})
    return contacts


def _plan_from_sections(sections: list[Any]) -> tuple[dict[str, Any], bool]:
    """The safety plan's document from the export's sections, and whether a file before version 10 listed more
    people to call in its one section than a section holds: the first twelve come back as people to ask for help
    and the rest as professionals (a plan valid when saved is always restorable from its own export)."""
    from reverie.care.services.export_record import CONTACT_TITLES, SECTIONS
    from reverie.programmes.safety import SECTION_MAX_ITEMS

    keys_of = {title: key for key, title in (*SECTIONS, *CONTACT_TITLES)}
    data: dict[str, Any] = {}
    spilled = False
    for section in sections:
        if not isinstance(section, dict) or not isinstance(section.get("items"), list):
            raise InvalidInput("The file's safety plan is not in the export's form.")
        title = section.get("title")
        if not isinstance(title, str):  # r53: a list here was a TypeError after the entries were committed
            raise InvalidInput("A section of the file's safety plan has a title that is not text.")
        if not all(isinstance(item, str) for item in section["items"]):
            raise InvalidInput("A section of the file's safety plan holds an item that is not text.")
        items: list[str] = list(section["items"])
        if title == PLAN_CONTACTS:  # a file before version 10: both lists in one, trusted contacts first
            contacts = _contacts(items)
            data["trusted_contacts"] = contacts[:SECTION_MAX_ITEMS]
            if len(contacts) > SECTION_MAX_ITEMS:
                data["professionals"] = contacts[SECTION_MAX_ITEMS:]
                spilled = True
        elif title in keys_of:
            key = keys_of[title]
            data[key] = _contacts(items) if key in ("trusted_contacts", "professionals") else items
        else:
            raise InvalidInput("The file's safety plan has a section this Reverie does not know.")
    return data, spilled


@dataclass(frozen=True, slots=True)
class _FilePlan:
    """A file's safety plan as read before the import stores anything: as written (to compare with a plan here),
    whether it is a file before version 10's (contacts in one section, no country), and either the plan to save or
    the plain sentence saying why it cannot be."""

    written: dict[str, Any]
    data: dict[str, Any] | None
    problem: str = ""
    combined: bool = False
    spilled: bool = False


def _file_plan(record: dict[str, Any]) -> _FilePlan | None:
    """The file's safety plan, read and checked whole (every section, its country), or ``None`` when the file
    holds none."""
    exported = record.get("safety_plan")
    if not isinstance(exported, dict) or not exported.get("sections"):
        return None
    sections = exported["sections"]
    combined = "crisis_country" not in exported  # version 10 writes it always (null: none chosen)
    written = {"sections": sections} if combined else {k: exported[k] for k in ("sections", "crisis_country")}
    try:
        if not isinstance(sections, list):
            raise InvalidInput("The file's safety plan is not in the export's form.")
        data, spilled = _plan_from_sections(sections)
        if not combined:
            country = exported["crisis_country"]
            if country is not None and not isinstance(country, str):
                raise InvalidInput("The country of the file's safety plan is not text.")
            data["crisis_country"] = country
        return _FilePlan(written, data, combined=combined, spilled=spilled)
    except InvalidInput as exc:
        problem = f"The file's safety plan could not be restored ({exc.message}); nothing of it was applied."
        return _FilePlan(written, None, problem, combined=combined)


def _restore_safety_plan(actor: User, plan: _FilePlan | None) -> str | None:
    """The file's safety plan, restored when the person has none yet; a plain sentence when it was not applied.

    Check-ins and the course record are never imported: they belong to the other installation's therapy."""
    if plan is None:
        return None
    from reverie.care.services import safety

    stored = safety.get_plan(actor)
    if stored is not None:
        if _plan_as_file(stored, combined=plan.combined) == plan.written:
            return None
        return (
            "The file's safety plan differs from yours here; yours was kept and the file's was not applied."
        )
    if plan.data is None:
        return plan.problem
    try:
        # base 0: a plan saved meanwhile (a therapist's, another tab's) is never replaced by the file's
        safety.save_plan(actor, plan.data, base_version=0)
    except StaleEdit:
        return "A safety plan was saved here while importing; it was kept and the file's was not applied."
    except InvalidInput as exc:
        return f"The file's safety plan could not be restored ({exc.message}); nothing of it was applied."
    if not plan.combined:
        return "Your safety plan was restored from the file."
    # a file before version 10: its one list of people to call, and no country for the crisis lines
    contacts = (
        "its first twelve people to call are listed as people you can ask for help and the rest as professionals"
        if plan.spilled
        else "its contacts are listed as people you can ask for help"
    )
    return (
        f"Your safety plan was restored from the file ({contacts}; the file, made by an older Reverie, kept them "
        "in one list and not the country of your crisis lines: check both on your safety plan)."
    )


def _restore_time_zone(actor: User, journal: PortableJournal, *, created: int) -> str | None:
    """The person's time zone from a Reverie file (version 10), so their times read as they did: taken when their
    account here still has the default (UTC) and said; a zone chosen here is kept, and the file's named with how to
    use it. A Reverie file before 10 kept none: said when it brought entries and the zone here is the default."""
    here = zone_name(actor)
    # another app's file: its entries carry their own moments (and Day One's zone)
    if journal.schema != SCHEMA:
        return None
    if not journal.time_zone:
        if not created or here != DEFAULT:
            return None
        return (
            "The file does not say which time zone you were in (an older Reverie made it): times are shown in "
            f"{DEFAULT}, this account's time zone. If you live elsewhere, choose your time zone in settings "
            "(or: reverie user time-zone)."
        )
    zone = known_zone(journal.time_zone)
    if zone is None:
        return (
            "The file's time zone is not one this Reverie knows, so yours was kept: times are shown in "
            f"{here}. Choose your time zone in settings (or: reverie user time-zone)."
        )
    if zone == here:
        return None
    if here == DEFAULT:
        set_time_zone(actor, zone)
        return (
            f"Your time zone, {zone}, was taken from the file, so your times read as they did. If you have "
            "moved, change it in settings (or: reverie user time-zone)."
        )
    return (
        f"The file was made in the time zone {zone}; yours here, {here}, was kept, so times are shown in {here}. "
        f"To see them as before, set your time zone to {zone} in settings (or: reverie user time-zone {zone})."
    )


def _store_fits(row: Entry, entry: PortableEntry, index: int) -> list[str]:
    """A created entry's "does this fit?" answers, sealed again for its new owner; one text-free line for each
    answer about an observation this Reverie does not make (its analyzer unknown here)."""
    left_out = []
    for number, fit in enumerate(entry.fit):
        analyzer = fit.about.partition(":")[0]
        if analyzer not in ANALYZERS:
            place = (
                number if fit.file_index is None else fit.file_index
            )  # its place in the file, as its entry's
            left_out.append(
                f"{file_place(entry, index)}.fit[{place}] is about an observation this Reverie does not make: "
                "left out."
            )
            continue
        answer = ObservationFeedback(client=row.client, entry=row)
        observations.store(
            answer, fit.about, analyzer, fit.answer, revision=row.revision, answered_at=fit.answered_at
        )
    return left_out


def _store_imported(actor: User, entry: PortableEntry, draft: EntryDraft, entry_id: uuid.UUID) -> Entry:
    last_saved = entry.revisions[-1].written_at if entry.revisions else entry.written_at
    # version 10 gives when the current version was saved; a file before 10 kept none, so the last moment it holds
    saved = max(last_saved, entry.written_at, entry.updated_at or entry.written_at)
    row = Entry(
        id=entry_id,
        client=actor,
        kind=draft.kind,
        happened_at=draft.happened_at or entry.happened_at,
        written_at=entry.written_at,
        updated_at=saved,
        revision=len(entry.revisions) + 1,
        shared=False,  # sharing is never carried over: the person chooses again
    )
    row.payload = keys.seal_for(actor, _record_id(row.id), "entry.payload", _payload_bytes(draft))
    row.save(force_insert=True)
    purged.forget_on_commit([row.id])  # an id deleted for good before is live again (purged.py)
    for number, rev in enumerate(entry.revisions, 1):
        body = _imported_revision(draft.kind, rev)
        EntryRevision.objects.create(
            entry=row,
            number=number,
            payload=keys.seal_for(actor, _record_id(row.id, number), "entry.revision", body),
            saved_at=rev.written_at,
        )
    for att in entry.attachments:
        _store_attachment(row, actor, AttachmentDraft(att.filename, att.media_type, att.data))
    return row


def _imported_revision(kind: str, rev: PortableRevision) -> bytes:
    """The sealed document of an imported earlier version (checked whole by ``import_check.usable``): the whole
    version as the file gives it, or its text alone, marked so, where the file kept only that (a file before
    ``reverie.export/9``)."""
    if rev.only_text:
        return _revision_bytes(kind, {"v": 1, "body": rev.body}, None, only_text=True)
    return _revision_bytes(kind, json.loads(_payload_bytes(revision_draft(kind, rev))), rev.happened_at)


def revision_draft(kind: str, rev: PortableRevision) -> EntryDraft:
    """The draft of an imported whole earlier version, labels with commas kept as :func:`_draft` keeps them."""
    return EntryDraft(
        kind=kind,
        body=rev.body,
        happened_at=rev.happened_at,
        title=rev.title,
        feelings=tuple(Feeling(without_commas(f.name), f.intensity) for f in rev.feelings),
        people=labels_without_commas(rev.people),
        tags=labels_without_commas(rev.tags),
        extra=dict(rev.extra),
    )


def forget_in_memory(client_id: int) -> None:
    """Drop what this process keeps of a person in memory once their erasure has committed (review r57): every
    module-level, per-person cache: their insight state (``insights._cache``: each analysed entry's findings,
    labels and dates) and their data key (``keys._data_keys``; dropped by ``destroy_key`` already, again here since
    a request that read the key row before the commit may have cached it since). A new per-person cache is added
    here. This is this process's memory only: another process of ``reverie serve --processes N`` keeps its own
    copy until it restarts (a read of it there would find none of the entries and drop them, but no one can read
    an erased account's insights)."""
    from reverie.clinic.services import insights

    insights.forget(client_id)
    keys.forget(client_id)


# An erasure's password refused: the account is the one signed in (web, API) or already found (the command line),
# so only the password was checked (review r126: never "Wrong user name or password" on the erase page).
WRONG_PASSWORD = "The password is not right. Nothing was erased."  # noqa: S105 -- words, not a secret


def erase_client(
    actor: User, confirm_username: str, password: str, *, address: str = "local", data_dir: Path | None = None
) -> int:
    """Erase a client's account and every record of theirs; destroy their data key first. Returns entries erased.

    Asks for the user name *and* the password (a session left open is not enough; wrong passwords count against
    the sign-in limits). Therapists linked to the client are told afterwards (``before_erase_hooks``); the
    client's recovery copies and backup key are removed once the erasure has committed.
    """
    try:
        signin.check_password(actor.username, password, address)
    except AuthenticationFailed as exc:  # the person is known: only the password was checked, and says so
        said = f"{exc.message} Nothing was erased." if exc.message == throttle.TOO_MANY else WRONG_PASSWORD
        raise AuthenticationFailed(said) from None
    if not actor.is_client:
        raise PermissionDenied("Only a client can erase their own journal and account.")
    if confirm_username.strip().lower() != actor.username:
        raise InvalidInput(
            "To erase everything, type your user name to confirm (capital letters do not matter).",
            field="confirm",
        )
    owner_id = actor.pk
    try:  # written down first (write-ahead): a process stopped right after the commit still finishes the erasure
        erasure_owed.intend(owner_id)
    except OSError:
        raise ConfigurationError(
            "Reverie could not write down the erasure before doing it (the folder beside its key file could not "
            "be written), so nothing was erased. Try again, or ask whoever runs Reverie to check that folder."
        ) from None
    with transaction.atomic():
        # The one lock order (link, courses, entries, audit head; docs/security.md): the client's links and their
        # open courses are locked first, as ``people.end_pair`` locks them, before the entries are deleted and
        # "client.erase" takes the audit head. Before (review r35) the links and courses were locked last, by the
        # account's cascade, and a link ending at the same moment (link, courses, then the shared entries it takes
        # back) deadlocked with the erasure on PostgreSQL.
        people.lock_links_of(actor)
        for hook in before_erase_hooks:
            hook(actor)
        # Files outside the database are changed only once the erasure has committed: a rollback (a failed write,
        # "database is locked") must leave the person's recovery copies and backup key as they were, or every
        # backup of a journal that was never erased could no longer give it back.
        # One robust callback runs every step (recovery copies, backup key, emptying the WAL) whatever the others
        # do; what fails is logged by type and recorded as owed (erasure_owed), and the erasure is reported done.
        transaction.on_commit(lambda: erasure_owed.after_erasure(owner_id, data_dir), robust=True)
        transaction.on_commit(lambda: forget_in_memory(owner_id), robust=True)
        count = Entry.objects.filter(client=actor).count()
        keys.destroy_key(actor)
        Attachment.objects.filter(entry__client=actor).delete()
        Entry.objects.filter(client=actor).delete()
        audit.record(None, "client.erase", "user", actor.pk, subject=actor)
        actor.delete()
    return count
