"""The record of entries deleted for good, kept beside the key file and outside the database and every backup.

A backup taken before an entry was deleted for good still holds it. Erasing a whole account reaches old backups
through ``backup-keys.json`` (the person's backup key is forgotten); one entry has no key of its own to forget, so
``purge_entry`` writes the entry's id here, with the moment, once its deletion commits (:func:`remember_on_commit`:
the commit of the outermost transaction, so an erasure inside a larger transaction that rolls back afterwards
records nothing, and a later restore keeps that entry, which is live). Before deleting, :func:`check_writable`
refuses the deletion if the record cannot be written. The one gap left: a process killed between the commit and
that write leaves the id unrecorded (``docs/security.md``).
A restore leaves an entry named here out (with its attachments, analyses, revisions, screens, feedback and goal
evidence) only when the backup was taken before that moment (``reverie.backup/3`` records when it was taken): a
backup taken after it that still holds the id holds a live entry (imported again under the same id, or a deletion
that did not commit), which is kept. A backup that does not say when it was taken (``reverie.backup/2``), or an id
recorded without a moment (``/1``), leaves the entry out, as before.

``purged-entries.json`` (mode 0600, format ``reverie.purged-entries/2``) maps entry ids to the moment (UTC, ISO
8601) each was deleted for good: random UUIDs that say nothing about what was written, never text, titles or person
ids. ``reverie.purged-entries/1`` (a list of ids) is still read, each id without a moment. When an id is live again
(an import brings it back, or its deletion was undone) :func:`forget` takes it out. The same limit as the backup key
file: a copy of this file older than the deletion does not name it (``docs/security.md``).
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from reverie.errors import KeyUnavailable
from reverie.files import locked_document, write_private_atomic

FORMAT = "reverie.purged-entries/2"  # 2: each id with the moment it was deleted for good
READS = ("reverie.purged-entries/1", FORMAT)


def path() -> Path:
    return Path(settings.REVERIE.key_file).parent / "purged-entries.json"


def _moment(raw: object) -> datetime | None:
    if not isinstance(raw, str):
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _read(target: Path) -> dict[str, datetime | None]:
    """Each recorded id with the moment it was deleted for good (None: recorded by ``/1``, moment unknown)."""
    if not target.exists():
        return {}
    try:
        doc = json.loads(target.read_text())
    except (OSError, ValueError):
        raise KeyUnavailable(
            f"The record of entries deleted for good, {target}, cannot be read; nothing was changed."
        ) from None
    version = doc.get("format") if isinstance(doc, dict) else None
    entries = doc.get("entries") if isinstance(doc, dict) else None
    if version == READS[0] and isinstance(entries, list):
        return {str(e): None for e in entries}
    if version == FORMAT and isinstance(entries, dict):
        return {str(e): _moment(at) for e, at in entries.items()}
    raise KeyUnavailable(
        f"The record of entries deleted for good, {target}, is not in a format this Reverie knows;"
        " nothing was changed."
    )


def _locked() -> contextlib.AbstractContextManager[dict[str, datetime | None]]:
    """The record, read and written under an exclusive lock (deletions, imports and restores may overlap)."""
    return locked_document(path(), _read, _encode)


def _encode(ids: dict[str, datetime | None]) -> bytes:
    doc = {
        "format": FORMAT,
        "entries": {e: (at.isoformat() if at else None) for e, at in sorted(ids.items())},
    }
    return json.dumps(doc, indent=0).encode()


def _unwritable(error: OSError) -> KeyUnavailable:
    return KeyUnavailable(
        f"The entry was not deleted: the record of entries deleted for good ({path()}) cannot be written"
        f" ({error.strerror or type(error).__name__}). Check that the data folder can be written, then try again."
    )


def check_writable() -> None:
    """Refuse a deletion for good before anything is deleted (``KeyUnavailable``, said plainly) when the record
    cannot be read or written: it is read and written back as it is, durably, under its lock. Names nothing."""
    try:
        with _locked() as ids:
            write_private_atomic(path(), _encode(ids))
    except OSError as error:
        raise _unwritable(error) from None


def remember(entry_ids: Iterable[uuid.UUID | str]) -> None:
    """Name these entries, deleted for good now, so that no backup taken before this moment brings them back.

    Called once their deletion has committed (:func:`remember_on_commit`; the moment, after the commit, covers a
    backup whose snapshot was taken while the deletion was under way). Written durably (fsync'd, atomic rename)."""
    now = timezone.now()
    try:
        with _locked() as ids:
            for e in entry_ids:
                ids[str(e)] = now
    except OSError as error:
        raise KeyUnavailable(
            f"An entry was deleted for good, but the record of entries deleted for good ({path()}) could not be"
            f" written ({error.strerror or type(error).__name__}): a backup taken before now would bring it back."
        ) from None


def remember_on_commit(entry_ids: Iterable[uuid.UUID | str]) -> None:
    """:func:`remember` these ids once the transaction that deletes them commits: the outermost one, so a deletion
    inside a larger transaction that rolls back records nothing (the entries are live, and a restore keeps them)."""
    ids = [str(e) for e in entry_ids]
    transaction.on_commit(lambda: remember(ids), robust=True)


def forget(entry_ids: Iterable[uuid.UUID | str]) -> None:
    """These entries are live again (imported again under the same id, or their deletion was undone): take them
    out of the record. Best effort: an id left in it keeps the entry in every backup taken after its moment."""
    wanted = {str(e) for e in entry_ids}
    if not wanted:
        return
    try:
        if not wanted & set(_read(path())):
            return
        with _locked() as ids:
            for e in wanted:
                ids.pop(e, None)
    except (OSError, KeyUnavailable):
        return


def forget_on_commit(entry_ids: Iterable[uuid.UUID | str]) -> None:
    """:func:`forget` these ids once the transaction that makes them live again commits."""
    ids = [str(e) for e in entry_ids]
    transaction.on_commit(lambda: forget(ids), robust=True)


def entries() -> dict[str, datetime | None]:
    """Each entry deleted for good here, with the moment it was (None: unknown, recorded by ``/1``)."""
    return _read(path())


def left_out(entry_id: str, record: dict[str, datetime | None], taken_at: datetime | None) -> bool:
    """Whether a restore of a backup taken at ``taken_at`` (None: it does not say) leaves this entry out: it was
    deleted for good after the backup was taken, or either moment is unknown."""
    if entry_id not in record:
        return False
    moment = record[entry_id]
    return moment is None or taken_at is None or taken_at <= moment
