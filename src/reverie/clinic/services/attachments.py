"""A client's pictures and recordings on an entry that already exists: list, add, remove (the API's routes; the
web's entry page removes one through the same :func:`delete_attachment`, after :func:`attachment_to_remove`).

Adding goes through the very function the web's write page saves with (``journal._store_attachment``: the type read
from the bytes by :func:`reverie.clinic.services.media.check_attachment`, the size limit, the pixel limit, name and
bytes sealed with the client's key), so nothing the web refuses is taken here. Reading one is
:func:`reverie.clinic.services.journal.attachment_data`, the web's own. Every call asks the one policy first and is
audited; a record the caller may not touch answers exactly like one that does not exist. Adding or removing a file
moves the entry to a new revision through the edit's own path (:func:`reverie.clinic.services.journal.files_changed`),
so a save from a copy opened before the change is refused with the edit's conflict message, and the ``ETag`` changes;
the new revision is screened for risk with its files' names, as a text edit is (a name is the person's words).
"""

from __future__ import annotations

import hashlib
import hmac
import uuid

from django.db import transaction

from reverie.clinic.models import Attachment, User
from reverie.clinic.services import audit, journal, picture_metadata, purged
from reverie.clinic.services.journal import AttachmentDraft, AttachmentInfo
from reverie.clinic.services.policy import Action
from reverie.errors import InvalidInput, KeyReused, NotFound

# The most files one entry keeps (the web attaches one; an import may bring a few): a bound on what one entry stores.
MAX_PER_ENTRY = 20


def _info(row: Attachment, filename: str) -> AttachmentInfo:
    return AttachmentInfo(row.id, row.media_type, journal.served_size(row.entry.client, row), filename)


def list_attachments(user: User, entry_id: uuid.UUID | str) -> tuple[AttachmentInfo, ...]:
    """The files of an entry the caller may read (the writer, or a therapist it is shared with), oldest first."""
    entry = journal._entry_for(user, entry_id, Action.READ)
    rows = entry.attachments.order_by("added_at", "pk")
    found = tuple(_info(row, journal._attachment_name(entry.client, row)) for row in rows)
    audit.record(user, "attachment.list", "entry", entry.id, subject=entry.client)
    return found


def add_attachment(user: User, entry_id: uuid.UUID | str, draft: AttachmentDraft) -> AttachmentInfo:
    """Attach one file to the caller's own live art or music entry, checked as the web checks it."""
    return add_attachment_once(user, entry_id, draft, key=None)[0]


def add_attachment_once(
    user: User, entry_id: uuid.UUID | str, draft: AttachmentDraft, *, key: str | None
) -> tuple[AttachmentInfo, bool]:
    """Attach one file to the caller's own live art or music entry, checked as the web checks it; with whether it
    was stored now (False: ``key``, the API's ``Idempotency-Key``, names a file this upload already stored on this
    entry, a retry after a lost answer: nothing is written, the revision does not move; the key stored with another
    file, another name or other bytes, is :class:`KeyReused`, 422, and nothing is written either). The entry is locked
    before the key's file is looked up, so two copies of one upload racing each other store one file."""
    with transaction.atomic():
        entry = journal._entry_for(user, entry_id, Action.WRITE, lock=True)
        chosen = journal.keyed_id(user, key, entry.id) if key is not None else None
        if chosen is not None:
            stored = entry.attachments.filter(pk=chosen).first()
            if stored is not None:
                kept = journal._opened_attachment(entry.client, stored)
                sent = picture_metadata.as_stored(entry.kind, draft.data)  # as the first was stored
                if kept.filename != draft.filename or not hmac.compare_digest(
                    hashlib.sha256(kept.data).digest(), hashlib.sha256(sent).digest()
                ):  # the key reused for another file: refused, the first file stands
                    raise KeyReused(journal.KEY_REUSED.format(what="file"))
                return _info(stored, kept.filename), False
            journal.refuse_deleted_for_good(user, chosen, "file")  # removed for good since: not stored again
        if entry.attachments.count() >= MAX_PER_ENTRY:
            raise InvalidInput(
                f"An entry keeps at most {MAX_PER_ENTRY} files; remove one first. Nothing was saved."
            )
        before = journal.file_names(entry)
        row = journal._store_attachment(entry, user, draft, chosen)
        audit.record(user, "attachment.create", "attachment", row.id, subject=user)
        # a new revision: an older copy's save is refused, the ETag changes, the new file's name is screened
        journal.files_changed(user, entry, before=before)
    return _info(row, draft.filename), True


def attachment_to_remove(user: User, attachment_id: uuid.UUID | str) -> tuple[uuid.UUID, AttachmentInfo]:
    """The entry and the file the caller asks to remove, for the web's confirmation page: asked of the policy as
    :func:`delete_attachment` asks it (the writer's own file on a live entry; a therapist never), and anyone
    else's, a trashed entry's or none answers "No such attachment." alike. Nothing is removed here."""
    row = journal._fetch(user, Attachment, attachment_id, Action.DELETE, "attachment", "entry__client")
    try:
        entry = journal._entry_for(user, row.entry_id, Action.WRITE)
    except NotFound:
        raise NotFound("No such attachment.") from None
    return entry.id, _info(row, journal._attachment_name(entry.client, row))


def delete_attachment(user: User, attachment_id: uuid.UUID | str) -> None:
    """Remove one file from the caller's own live entry. The last file of an entry that holds nothing else is kept:
    the entry would be empty, which no save allows (move the entry to the trash instead).

    The entry is locked first, as every change of it is (:func:`add_attachment`, ``journal.update_entry``), and the
    file read again under that lock: a removal racing an edit or another removal waits for it and moves the
    revision on from the one it saved, and two removals cannot both pass the "last file" check."""
    with transaction.atomic():
        found = journal._fetch(user, Attachment, attachment_id, Action.DELETE, "attachment", "entry__client")
        try:
            entry = journal._entry_for(user, found.entry_id, Action.WRITE, lock=True)
        except NotFound:  # trashed or gone meanwhile: the file's own answer, as for any file not there
            raise NotFound("No such attachment.") from None
        row = journal._fetch(
            user, Attachment, attachment_id, Action.DELETE, "attachment", "entry__client", True
        )
        row.entry = entry  # the locked, current copy: files_changed moves the revision on from it
        if entry.attachments.count() == 1:
            kept = journal._draft_of(entry.kind, journal._open_payload(entry, user))
            if not journal.has_content(kept):
                raise InvalidInput(
                    "This file is all the entry holds: move the entry to the trash instead. Nothing was removed."
                )
        removed, before = row.id, journal.file_names(entry)
        purged.check_writable(purged.FILES)  # before anything is removed
        row.delete()
        journal.tombstone(
            user, [removed]
        )  # a retry of the upload that stored it is refused, never stored again
        purged.remember_on_commit([removed], purged.FILES)  # and after any restore too (purged.py)
        audit.record(user, "attachment.delete", "attachment", removed, subject=user)
        journal.files_changed(user, entry, before=before)
