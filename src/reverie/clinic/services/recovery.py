"""Recovery copies: text being saved from the command line, kept until the save is acknowledged.

A copy belongs to its writer (format ``reverie.recovery/3``): it lives in ``<data dir>/recovery/<person id>/``, is
sealed with *that person's* data key (bound to their id, the copy's id and the purpose ``recovery``), and names its
owner and when the owner's account was created, so a later account that happens to get the same number cannot
claim it. Only the owner recovers it; erasing the owner's account removes the folder, and destroying their data key
makes any copy left elsewhere unreadable. Kind, title, feelings, people, tags, the date and the mindful-choice fields
are kept with the text.

Text typed in an editor that saved it in an encoding that is neither UTF-8 nor unambiguous UTF-16 (a Russian
"ANSI" Windows-1251, Latin-1, …) is kept as its original bytes (``undecoded``, base64, sealed like the rest) with
an empty ``body``: no encoding is guessed. Such a copy is never saved by a plain ``journal recover``; the person
looks at it (``--show``) and saves it with the encoding they choose (h103, review r86). Format 3 added
``undecoded``; copies of format 2 (no such field) are read as before.

When the person's data key cannot be had (the very failure that may stop the save, e.g. the database is down), the
copy is sealed instead under a key derived (HKDF) from the active master key and the owner's id
(``fallback_sealed``), still in the owner's folder and removed on erasure like the others. Only when no master key
loads either, or the one that loads opens none of the stored data keys (a wrong master key: never sealed under,
r130), is it kept as plain JSON, readable by the operating-system account alone (mode 0600) — the last
resort before losing the text, documented in ``docs/security.md``.

Copies of the first format (``reverie.recovery/1``, in ``<data dir>/recovery/*.json``) were sealed under the master
key and name no owner. They are never restored into anyone's journal: nothing says whose they are. They are counted
for the person running ``reverie journal recover``, and the operator lists or deletes them with
``reverie recovery-legacy`` (``docs/security.md``).
"""

from __future__ import annotations

import base64
import contextlib
import json
import shutil
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import DatabaseError

from reverie.clinic.models import User
from reverie.clinic.services import keys
from reverie.clinic.services.journal import EntryDraft, Feeling, submission_id, without_commas
from reverie.errors import ACCOUNT_ERASED_MESSAGE, AccountErased, InvalidInput, ReverieError
from reverie.files import write_private_atomic
from reverie.vault.envelope import open_sealed, seal
from reverie.vault.keys import DataKey

FORMAT = "reverie.recovery/3"
READABLE = (FORMAT, "reverie.recovery/2")  # format 2: the same without ``undecoded``
LEGACY_FORMAT = "reverie.recovery/1"
PURPOSE = "recovery"
FALLBACK_CONTEXT = "reverie.recovery-fallback/1"


@dataclass(frozen=True, slots=True)
class Kept:
    """A recovery copy opened for its owner: ``undecoded`` holds the bytes typed when they were not UTF-8 text
    (then ``draft.body`` is empty until the person says how they read, :func:`with_encoding`)."""

    path: Path
    draft: EntryDraft
    undecoded: bytes | None = None

    def with_encoding(self, encoding: str) -> EntryDraft:
        """The draft with its bytes read as ``encoding`` (the person's choice); :class:`InvalidInput` when they do
        not read so, never quoting them."""
        from reverie.text import read_typed

        if self.undecoded is None:
            raise InvalidInput(
                f"The recovery copy {self.path.name} is text already (UTF-8): --encoding is only for a copy that is"
                " not UTF-8."
            )
        try:
            body = read_typed(self.undecoded, encoding)
        except LookupError:
            raise InvalidInput(
                f"'{encoding}' is not the name of a text encoding Reverie knows (e.g. cp1251, cp1252, koi8-r,"
                " latin-1, utf-16)."
            ) from None
        except UnicodeDecodeError as exc:
            raise InvalidInput(
                f"The recovery copy {self.path.name} does not read as {encoding} (byte at position {exc.start})."
            ) from None
        return replace(self.draft, body=body or "")


def _root(data_dir: Path | None = None) -> Path:
    return (data_dir or settings.REVERIE.data_dir) / "recovery"


def folder_of(owner_id: int, data_dir: Path | None = None) -> Path:
    return _root(data_dir) / str(int(owner_id))


def _since(owner: User) -> str:
    return owner.date_joined.isoformat()


def _record_id(copy_id: str) -> str:
    return f"recovery:{copy_id}"


def _content(draft: EntryDraft, undecoded: bytes | None = None) -> dict[str, Any]:
    return {
        "kind": draft.kind,
        "title": draft.title,
        "body": "" if undecoded is not None else draft.body,
        **({"undecoded": base64.b64encode(undecoded).decode("ascii")} if undecoded is not None else {}),
        "happened_at": draft.happened_at.isoformat() if draft.happened_at else None,
        "feelings": [[f.name, f.intensity] for f in draft.feelings],
        "people": list(draft.people),
        "tags": list(draft.tags),
        "extra": dict(draft.extra),
    }


OPTIONS_FORMAT = "reverie.editing-options/1"  # the editor's options sidecar (``cli/editing.py``)


def options_of(draft: EntryDraft) -> bytes:
    """An entry's options (kind, title, date, feelings, people, tags, mindful-choice parts), without its text, as
    the editor's sidecar file holds them beside the file being edited (review r135 fault 3): a text left in the
    editor is swept with the options it was written with, not as a bare free association dated the day of the sweep."""
    options = {k: v for k, v in _content(draft).items() if k != "body"}
    return json.dumps({"format": OPTIONS_FORMAT, "options": options}, ensure_ascii=False).encode("utf-8")


def draft_with_options(raw: bytes, body: str) -> EntryDraft | None:
    """``body`` with the options of a sidecar (:func:`options_of`); None when they cannot be read (another format,
    damaged)."""
    try:
        doc = json.loads(raw)
        if not isinstance(doc, dict) or doc.get("format") != OPTIONS_FORMAT:
            return None
        return _draft({**dict(doc["options"]), "body": body})
    except (ValueError, TypeError, KeyError):
        return None


def keep(
    owner: User, draft: EntryDraft, data_dir: Path | None = None, *, undecoded: bytes | None = None
) -> Path:
    """Write a recovery copy of ``draft`` for ``owner`` (sealed with their key when it can be loaded); with
    ``undecoded``, the bytes typed that are not UTF-8 text, kept as they are instead of ``draft.body``.

    Never for an erased account (review r124): :class:`AccountErased` before anything is written when the account
    is gone (``people.account_erased``), and when it was erased while the copy was being written, the copy is
    removed again before that is raised. An erasure removes the folder only after it commits, so a copy written
    before its commit goes with the folder, and one written after is found here. Only when the database cannot
    say (it is down: the very failure a copy guards against) is the copy kept without asking."""
    _refuse_if_erased(owner)
    folder = folder_of(owner.pk, data_dir)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    copy_id = str(uuid.uuid4())
    fields = _content(draft, undecoded)
    content = json.dumps(fields, ensure_ascii=False).encode("utf-8")
    doc: dict[str, Any] = {"format": FORMAT, "id": copy_id, "owner": owner.pk, "owner_since": _since(owner)}
    try:
        sealed = keys.seal_for(owner, _record_id(copy_id), PURPOSE, content)
    except (
        ReverieError,
        DatabaseError,
        OSError,
    ):  # no data key to be had (database): the failure being guarded; or none any more (erased just now)
        _refuse_if_erased(owner, folder)
        _keep_without_data_key(doc, owner, copy_id, fields, content)
    else:
        doc["sealed"] = base64.b64encode(sealed).decode("ascii")
    path = folder / f"{copy_id}.json"
    write_private_atomic(path, json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    try:
        _refuse_if_erased(owner)
    except AccountErased:
        discard(path)
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty: the erasure removed the folder; nothing of theirs is made again
        raise
    return path


def _refuse_if_erased(owner: User, folder: Path | None = None) -> None:
    """:class:`AccountErased` when ``owner``'s account is gone, after removing ``folder`` if it holds nothing
    else (this copy's, made again after the erasure removed it); nothing when the database cannot say."""
    from reverie.clinic.services import people

    try:
        erased = people.account_erased(owner)
    except DatabaseError:
        return  # the database is away: the copy is what keeps the text (recovered by its owner alone)
    if not erased:
        return
    if folder is not None:
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty: the erasure removed the folder; nothing of theirs is made again
    raise AccountErased(ACCOUNT_ERASED_MESSAGE)


def _fallback_key(master: bytes, owner_id: int) -> DataKey:
    """A key for this owner's copies derived from a master key, used only when their data key cannot be had."""
    info = f"{FALLBACK_CONTEXT}|{int(owner_id)}".encode()
    return DataKey(HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master))


def _keep_without_data_key(
    doc: dict[str, Any], owner: User, copy_id: str, fields: dict[str, Any], content: bytes
) -> None:
    """Seal under a key derived from the active master key; only if no master key loads either, or the one that loads
    is known not to be the clinic's, keep it plain.

    A master key that opens none of the data keys stored (``keys.check_master_key``: a mistyped REVERIE_MASTER_KEY,
    another folder's key file) is the very failure that stops the save; a copy sealed under it opens only with that
    key, which is gone once the mistake is mended (r130: the text could never be recovered). Such a copy is kept
    plain instead (mode 0600 in the owner's folder), which `journal recover` saves once the right key is back. Only
    when the database cannot say (it is down) is the ring that loads used unchecked."""
    try:
        try:
            ring = keys.check_master_key()  # never seal under a key known not to be the clinic's
        except DatabaseError:
            # the database is away: it cannot say; the key file's ring is the best there is
            ring = keys.keyring()
        key = _fallback_key(ring.keys[ring.active], owner.pk)
    except (ReverieError, OSError, ValueError):
        doc["plain"] = fields  # last resort, mode 0600 in the owner's folder (docs/security.md)
        return
    blob = seal(key, content, client_id=str(owner.pk), record_id=_record_id(copy_id), purpose=PURPOSE)
    doc["fallback_kid"] = ring.active
    doc["fallback_sealed"] = base64.b64encode(blob).decode("ascii")


def _open_fallback(doc: dict[str, Any], owner: User, copy_id: str) -> bytes:
    ring = keys.keyring()
    master = ring.keys.get(str(doc.get("fallback_kid")))
    if master is None:
        raise InvalidInput("The master key this copy was sealed under is not in the key file.")
    key = _fallback_key(master, owner.pk)
    blob = base64.b64decode(str(doc["fallback_sealed"]))
    return open_sealed(key, blob, client_id=str(owner.pk), record_id=_record_id(copy_id), purpose=PURPOSE)


def pending(owner: User, data_dir: Path | None = None) -> list[Path]:
    """The owner's copies, oldest name first (the file names are random: order carries no meaning)."""
    folder = folder_of(owner.pk, data_dir)
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _damaged(path: Path, why: str) -> InvalidInput:
    return InvalidInput(f"The recovery copy {path.name} cannot be used: {why}")


def read(path: Path, owner: User) -> Kept:
    """Open one of ``owner``'s copies, or raise :class:`InvalidInput` saying why it cannot be used."""
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested too deeply to be a copy
        raise _damaged(path, "it is damaged (not readable JSON).") from None
    if not isinstance(doc, dict) or doc.get("format") not in READABLE:
        raise _damaged(path, f"it is not in the format {FORMAT}.")
    if doc.get("owner") != owner.pk or doc.get("owner_since") != _since(owner) or doc.get("id") != path.stem:
        raise _damaged(path, "it belongs to another account.")
    if "sealed" in doc:
        try:
            blob = base64.b64decode(str(doc["sealed"]))
            raw = keys.open_for(owner, _record_id(path.stem), PURPOSE, blob)
        except (ReverieError, ValueError):
            raise _damaged(path, _sealed_why(owner, doc)) from None
        content = _opened(path, raw)
    elif "fallback_sealed" in doc:
        missing = _missing_master_key(doc)
        if missing:
            raise _damaged(path, missing)
        try:
            raw = _open_fallback(doc, owner, path.stem)
        except (ReverieError, ValueError):
            raise _damaged(
                path, f"it does not open with master key '{doc.get('fallback_kid')}' (it is damaged)."
            ) from None
        content = _opened(path, raw)
    elif "plain" in doc:
        content = doc["plain"]
    else:
        raise _damaged(path, "its text is missing (it is damaged).")
    if not isinstance(content, dict):
        raise _damaged(path, "its content is not an entry's fields (it is damaged).")
    try:
        undecoded = content.get("undecoded")
        typed = None if undecoded is None else base64.b64decode(str(undecoded), validate=True)
        return Kept(path, _draft(content), typed)
    except (KeyError, TypeError, ValueError, AttributeError, RecursionError):
        raise _damaged(path, "its content is incomplete.") from None


def _opened(path: Path, raw: bytes) -> Any:
    """The JSON a copy's sealed text opened to, or :class:`InvalidInput` naming the copy (never its text)."""
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise _damaged(path, "its sealed text is not readable JSON (it is damaged).") from None


def _sealed_why(owner: User, doc: dict[str, Any]) -> str:
    """Why a copy sealed with a data key does not open, in plain words: another key than the person's now, or
    damage."""
    from reverie.vault.envelope import sealed_with

    try:
        named = sealed_with(base64.b64decode(str(doc["sealed"])))
        current = keys.data_key(owner).kid
    except (ReverieError, ValueError):
        return "it does not open with your key (damaged, or sealed for someone else)."
    if named != current:  # no key ids named: the other key may be someone else's
        return (
            "it does not open with your key: it was sealed under a different key than yours now (yours was"
            " replaced or restored since, or the copy is someone else's)."
        )
    return "it does not open with your key (it is damaged)."


def _missing_master_key(doc: dict[str, Any]) -> str | None:
    """A plain sentence when a fallback copy's master key is not in the key file (None when it is there)."""
    kid = str(doc.get("fallback_kid"))
    try:
        ring = keys.keyring()
    except (ReverieError, OSError, ValueError):
        return "no master key can be loaded on this installation now."
    if kid in ring.keys:
        return None
    return (
        f"it was sealed under a different master key ('{kid}') than this installation's ('{ring.active}'),"
        " and that key is not in the key file: put it back in the key file, then run `reverie journal recover`"
        " again."
    )


def _draft(content: dict[str, Any]) -> EntryDraft:
    happened = content.get("happened_at")
    return EntryDraft(
        kind=str(content["kind"]),
        body=str(content["body"]),
        happened_at=datetime.fromisoformat(happened) if happened else None,
        title=str(content.get("title", "")),
        # A copy sealed before commas were refused may hold one in a label: kept (", " → "; "), never refused.
        feelings=tuple(Feeling(without_commas(str(n)), int(i)) for n, i in content.get("feelings", [])),
        people=tuple(without_commas(str(p)) for p in content.get("people", [])),
        tags=tuple(without_commas(str(t)) for t in content.get("tags", [])),
        extra={str(k): str(v) for k, v in dict(content.get("extra", {})).items()},
    )


def entry_id_of(owner: User, path: Path) -> uuid.UUID | None:
    """The id of the entry that the save this copy protects makes, or None for a copy not named by a UUID.

    The same for the save and for every later recovery of the copy: a process killed after its save committed and
    before it removed the copy leaves a copy whose entry exists, and recovering it finds that entry instead of
    saving the text a second time.
    """
    try:
        copy_id = uuid.UUID(path.stem)
    except ValueError:
        return None
    return submission_id(owner, copy_id)


def discard(path: Path) -> None:
    path.unlink(missing_ok=True)


def forget(owner_id: int, data_dir: Path | None = None) -> None:
    """Erasure: remove every copy of this person (sealed ones are unreadable anyway once their key is gone)."""
    shutil.rmtree(folder_of(owner_id, data_dir), ignore_errors=True)


def fallback_kids(data_dir: Path | None = None) -> dict[str, int]:
    """How many copies each master key seals (``fallback_sealed``): retiring that key would make them unreadable.

    A copy that cannot be read as JSON is not counted (it cannot be recovered either way)."""
    counts: dict[str, int] = {}
    root = _root(data_dir)
    for path in sorted(root.glob("*/*.json")) if root.is_dir() else []:
        try:
            doc = json.loads(path.read_bytes())
        except (OSError, ValueError, RecursionError):
            continue
        if isinstance(doc, dict) and "fallback_sealed" in doc:
            kid = str(doc.get("fallback_kid"))
            counts[kid] = counts.get(kid, 0) + 1
    return counts


def legacy(data_dir: Path | None = None) -> list[Path]:
    """Copies of the first format: no owner, never restored into a journal (see the module's docstring)."""
    root = _root(data_dir)
    return sorted(root.glob("*.json")) if root.is_dir() else []
