"""The record of entries deleted for good, kept beside the key file and outside the database and every backup.

A backup taken before an entry was deleted for good still holds it. Erasing a whole account reaches old backups
through ``backup-keys.json`` (the person's backup key is forgotten); one entry has no key of its own to forget, so
``purge_entry`` writes the entry's id here before its deletion commits, and a restore leaves every entry named here
out (with its attachments, analyses, revisions, screens, feedback and goal evidence) and counts them.

``purged-entries.json`` (mode 0600, format ``reverie.purged-entries/1``) holds entry ids only: random UUIDs that say
nothing about what was written, never text, titles, dates or person ids. An id written for a deletion that then did
not commit names an entry the person asked to delete for good; a later restore leaves it out all the same. The same
limit as the backup key file: a copy of this file older than the deletion does not name it (``docs/security.md``).
"""

from __future__ import annotations

import fcntl
import json
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from reverie.errors import KeyUnavailable
from reverie.files import write_private_atomic

FORMAT = "reverie.purged-entries/1"


def path() -> Path:
    return Path(settings.REVERIE.key_file).parent / "purged-entries.json"


def _read(target: Path) -> set[str]:
    if not target.exists():
        return set()
    try:
        doc = json.loads(target.read_text())
    except (OSError, ValueError):
        raise KeyUnavailable(
            f"The record of entries deleted for good, {target}, cannot be read; nothing was changed."
        ) from None
    entries = doc.get("entries") if isinstance(doc, dict) else None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(entries, list):
        raise KeyUnavailable(
            f"The record of entries deleted for good, {target}, is not in a format this Reverie knows;"
            " nothing was changed."
        )
    return {str(e) for e in entries}


@contextmanager
def _locked() -> Iterator[set[str]]:
    target = path()
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(target.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ids = _read(target)
        before = set(ids)
        yield ids
        if ids != before:
            doc = {"format": FORMAT, "entries": sorted(ids)}
            write_private_atomic(target, json.dumps(doc, indent=0).encode())


def remember(entry_ids: Iterable[uuid.UUID | str]) -> None:
    """Before a deletion for good commits: name these entries, so no older backup brings them back.

    A record that cannot be written refuses the deletion (``KeyUnavailable``, nothing deleted), said plainly."""
    try:
        with _locked() as ids:
            ids.update(str(e) for e in entry_ids)
    except OSError as error:
        raise KeyUnavailable(
            f"The entry was not deleted: the record of entries deleted for good ({path()}) cannot be written"
            f" ({error.strerror or type(error).__name__}). Check that the data folder can be written, then try again."
        ) from None


def entries() -> set[str]:
    """The ids of every entry deleted for good here (restore leaves them out)."""
    return _read(path())
