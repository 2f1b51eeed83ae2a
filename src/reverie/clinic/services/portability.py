"""A person's data leaves and enters Reverie here: export, import and erasure of one's own journal."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from reverie.clinic.models import Attachment, Entry, EntryRevision, ObservationFeedback, User
from reverie.clinic.services import audit, backup_keys, keys, observations, recovery, signin
from reverie.clinic.services.journal import (
    AttachmentDraft,
    EntryDraft,
    Feeling,
    _payload_bytes,
    _record_id,
    _require_client,
    _store_attachment,
    after_save,
    require_own,
    revisions,
    screen_draft,
    screen_saved,
)
from reverie.errors import AuthenticationFailed, InvalidInput, PermissionDenied
from reverie.insights.observations import ANALYZERS
from reverie.journal.interchange import (
    SCHEMA,
    PortableAttachment,
    PortableEntry,
    PortableFeeling,
    PortableFit,
    PortableJournal,
    PortableRevision,
)

Progress = Callable[[int, int], None]

# Each returns part of the export's ``record`` for a client (care: the course of therapy as the client reads it).
export_record_hooks: list[Callable[[User], dict[str, Any]]] = []

# Called with the client inside the erasure's transaction, before anything is deleted (care: tell the therapists).
before_erase_hooks: list[Callable[[User], object]] = []


def _portable(actor: User, entry: Entry) -> PortableEntry | None:
    from reverie.clinic.services.journal import _view, attachment_data

    view = _view(entry)
    if view.unreadable:  # sealed under a lost data key (reverie doctor): it cannot be exported
        return None
    atts = []
    for info in view.attachments:
        name, media_type, data = attachment_data(actor, info.id)
        atts.append(PortableAttachment(filename=name, media_type=media_type, data=data))
    revs = tuple(PortableRevision(body=body, written_at=at) for _, at, body in revisions(actor, entry.id))
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
    )


def export_journal(actor: User, progress: Progress | None = None) -> PortableJournal:
    """Everything the client wrote (not the trash), decrypted, in Reverie's portable form."""
    _require_client(actor)
    rows = list(
        Entry.objects.filter(client=actor, deleted_at__isnull=True).order_by("happened_at", "written_at")
    )
    out = []
    unreadable = 0
    for i, entry in enumerate(rows, 1):
        item = _portable(actor, entry)
        if item is None:
            unreadable += 1
        else:
            out.append(item)
        if progress:
            progress(i, len(rows))
    outcome = "partial" if unreadable else "ok"  # entries that cannot be opened are left out, and counted
    audit.record(actor, "journal.export", "journal", actor.pk, subject=actor, outcome=outcome)
    record: dict[str, Any] = {}
    for hook in export_record_hooks:
        record.update(hook(actor))
    return PortableJournal(schema=SCHEMA, exported_at=timezone.now(), entries=tuple(out), record=record)


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    skipped: int  # already here (a repeated import)
    problems: tuple[str, ...] = ()  # entries or files left out, one text-free line each


def _draft(entry: PortableEntry) -> EntryDraft:
    return EntryDraft(
        kind=entry.kind,
        body=entry.body,
        happened_at=entry.happened_at,
        title=entry.title,
        feelings=tuple(Feeling(f.name, f.intensity) for f in entry.feelings),
        people=tuple(entry.people),
        tags=tuple(entry.tags),
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


def import_journal(
    actor: User, data: bytes, progress: Progress | None = None, *, all_or_nothing: bool = False
) -> ImportReport:
    """Import Reverie's export, jrnl's JSON or Day One's zip or JSON. A bad entry is reported and left out (its
    line in ``problems``, never its text); with ``all_or_nothing`` a bad entry stores none."""
    from reverie.clinic.services import import_check

    _require_client(actor)
    journal, drafts, problems = import_check.usable(actor, data, all_or_nothing=all_or_nothing)
    screens = [screen_draft(draft) for draft in drafts]  # every imported entry, before the transaction
    created = skipped = 0
    left_out: list[str] = []
    with transaction.atomic():
        for index, (entry, draft, screened) in enumerate(
            zip(journal.entries, drafts, screens, strict=True), 1
        ):
            entry_id, duplicate = _entry_id(actor, entry.id)
            if duplicate:
                skipped += 1  # its answers stay as they are
            else:
                row = _store_imported(actor, entry, draft, entry_id)
                left_out += _store_fits(row, entry, index - 1)
                screen_saved(row, screened, written_at=row.updated_at)
                after_save(row)  # analysed as a saved entry is (qa34 point 5: imports never were)
                created += 1
            if progress:
                progress(index, len(drafts))
        audit.record(actor, "journal.import", "journal", actor.pk, subject=actor)
    return ImportReport(created=created, skipped=skipped, problems=(*problems, *left_out))


def _store_fits(row: Entry, entry: PortableEntry, index: int) -> list[str]:
    """A created entry's "does this fit?" answers, sealed again for its new owner; one text-free line for each
    answer about an observation this Reverie does not make (its analyzer unknown here)."""
    left_out = []
    for number, fit in enumerate(entry.fit):
        analyzer = fit.about.partition(":")[0]
        if analyzer not in ANALYZERS:
            left_out.append(
                f"entries[{index}].fit[{number}] is about an observation this Reverie does not make: left out."
            )
            continue
        answer = ObservationFeedback(client=row.client, entry=row)
        observations.store(
            answer, fit.about, analyzer, fit.answer, revision=row.revision, answered_at=fit.answered_at
        )
    return left_out


def _store_imported(actor: User, entry: PortableEntry, draft: EntryDraft, entry_id: uuid.UUID) -> Entry:
    last_saved = entry.revisions[-1].written_at if entry.revisions else entry.written_at
    row = Entry(
        id=entry_id,
        client=actor,
        kind=draft.kind,
        happened_at=draft.happened_at or entry.happened_at,
        written_at=entry.written_at,
        updated_at=max(last_saved, entry.written_at),
        revision=len(entry.revisions) + 1,
        shared=False,  # sharing is never carried over: the person chooses again
    )
    row.payload = keys.seal_for(actor, _record_id(row.id), "entry.payload", _payload_bytes(draft))
    row.save(force_insert=True)
    for number, rev in enumerate(entry.revisions, 1):
        body = json.dumps({"v": 1, "body": rev.body}, ensure_ascii=False).encode()
        EntryRevision.objects.create(
            entry=row,
            number=number,
            payload=keys.seal_for(actor, _record_id(row.id, number), "entry.revision", body),
            saved_at=rev.written_at,
        )
    for att in entry.attachments:
        _store_attachment(row, actor, AttachmentDraft(att.filename, att.media_type, att.data))
    return row


def erase_client(
    actor: User, confirm_username: str, password: str, *, address: str = "local", data_dir: Path | None = None
) -> int:
    """Erase a client's account and every record of theirs; destroy their data key first. Returns entries erased.

    Asks for the user name *and* the password (a session left open is not enough; wrong passwords count against
    the sign-in limits). Therapists linked to the client are told afterwards (``before_erase_hooks``); the
    client's recovery copies are removed once the erasure has committed.
    """
    try:
        signin.check_password(actor.username, password, address)
    except AuthenticationFailed as exc:
        raise AuthenticationFailed(f"{exc.message} Nothing was erased.") from None
    if not actor.is_client:
        raise PermissionDenied("Only a client can erase their own journal and account.")
    if confirm_username.strip().lower() != actor.username:
        raise InvalidInput(
            "To erase everything, type your user name to confirm (capital letters do not matter)."
        )
    owner_id = actor.pk
    with transaction.atomic():
        for hook in before_erase_hooks:
            hook(actor)
        transaction.on_commit(lambda: recovery.forget(owner_id, data_dir))
        count = Entry.objects.filter(client=actor).count()
        keys.destroy_key(actor)
        backup_keys.forget(actor.pk)
        Attachment.objects.filter(entry__client=actor).delete()
        Entry.objects.filter(client=actor).delete()
        audit.record(None, "client.erase", "user", actor.pk, subject=actor)
        actor.delete()
    return count
