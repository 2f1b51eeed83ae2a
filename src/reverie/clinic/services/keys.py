"""The bridge between stored records and the vault: per-client data keys, sealing and opening.

A client has exactly one data key: ``ClientKey.client`` is unique in the database, and each row carries the key
id (``kid``) every blob sealed under it names in its header. A key is held in this process's memory only once the
row that holds it is known to be committed: a key created or read inside a transaction is remembered through
``transaction.on_commit``, so a transaction that rolls back (a refused upload, a refused import) leaves nothing
behind. Every seal re-checks the cached key against the stored row's ``kid`` (one indexed read), so a key dropped
or replaced by another process (erasure, restore) is never used to seal new records. Two first writes racing to
create the key cannot both win: the loser's insert fails on the unique constraint and it reads the winner's key.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db import IntegrityError as DatabaseIntegrityError
from django.utils import timezone

from reverie.clinic.models import ClientKey, User
from reverie.errors import ConfigurationError, Conflict, IntegrityError, KeyUnavailable, ReverieError
from reverie.vault.envelope import open_sealed, seal, sealed_with
from reverie.vault.keys import DataKey, MasterKeyring, create_key_file, load_keyring, retire_key

log = logging.getLogger(__name__)

_lock = threading.Lock()
_keyring: MasterKeyring | None = None
_keyring_stamp: tuple[int, int, int] | None = None  # the key file (inode, mtime, size) the ring was read from
_data_keys: dict[int, DataKey] = {}
_ring_checked: dict[
    str, bool
] = {}  # digest of the ring's key material (_ring_digest) -> opens the stored wraps
RING_CHECK_ROWS = 100  # the oldest stored wraps a ring is checked against
RING_CHECK_TRIES = 5  # wraps naming one of its keys that fail to open before a ring is taken to open none


def _env_key() -> str | None:
    value = str(settings.REVERIE["REVERIE_MASTER_KEY"])
    return value or None


def ensure_key_file() -> bool:
    """First run in embedded mode: create the key file if no key is configured and nothing is encrypted yet.

    Returns True when a new key file was created. Refuses to create one when encrypted data already exists, since a
    new key could never open it: that is a missing key file, and the person must restore it.
    """
    path = settings.REVERIE.key_file
    if _env_key() or path.exists():
        return False
    _refuse_missing_key_file(path)
    try:
        create_key_file(path)
    except Conflict:  # another thread or process created it first: use theirs
        return False
    return True


def _key_file_stamp() -> tuple[int, int, int] | None:
    """What identifies this version of the key file (a rotation replaces the file: a new inode), or None."""
    if _env_key():
        return None
    try:
        found = os.stat(settings.REVERIE.key_file)
    except OSError:
        return None  # gone or unreadable now: keep the ring already read (loading would say what is wrong)
    return (found.st_ino, found.st_mtime_ns, found.st_size)


def keyring() -> MasterKeyring:
    """The master key ring, read again when the key file changed: a rotation made by another process (``reverie
    keys rotate``, another ``serve`` process) is seen at the next use, without a restart (one ``stat`` a call)."""
    global _keyring, _keyring_stamp
    stamp = _key_file_stamp()
    with _lock:
        if _keyring is None or (stamp is not None and stamp != _keyring_stamp):
            _keyring = load_keyring(settings.REVERIE.key_file, _env_key())
            _keyring_stamp = stamp
        return _keyring


def forget_cached_keys() -> None:
    """Drop keys held in memory (after rotation, erasure, or in tests; it is what a restart does)."""
    global _keyring, _keyring_stamp
    with _lock:
        _keyring = None
        _keyring_stamp = None
        _data_keys.clear()
        _ring_checked.clear()


def _opens_stored_wraps(ring: MasterKeyring) -> bool:
    """True when no data key is stored yet, or ``ring`` opens one of the oldest stored wraps (read in one query,
    ``RING_CHECK_ROWS`` at most: a ring still holds every key a stored wrap names, since retiring a key in use is
    refused). Only the header is read of a wrap naming none of its keys; ``RING_CHECK_TRIES`` failures to open
    one that does are enough."""
    rows = list(ClientKey.objects.order_by("pk").values_list("client_id", "wrapped")[:RING_CHECK_ROWS])
    failures = 0
    for client_id, wrapped in rows:
        try:
            if ring.wrapped_by(bytes(wrapped)) not in ring.keys:
                continue
            ring.unwrap(bytes(wrapped), str(client_id))
        except (KeyUnavailable, IntegrityError):
            failures += 1
            if failures >= RING_CHECK_TRIES:
                return False
            continue
        return True
    return not rows


def _ring_digest(ring: MasterKeyring) -> str:
    """What a ring's check is remembered by: a SHA-256 over the active key id and each key's id and the SHA-256 of
    its material. Key ids are labels a key file states, never derived from the material: a file holding another key
    under the same label is another ring, checked again."""
    digest = hashlib.sha256(b"reverie.ring-check/1\0" + ring.active.encode() + b"\0")
    for kid in ring.kids:
        digest.update(kid.encode() + b"\0" + hashlib.sha256(ring.keys[kid]).digest())
    return digest.hexdigest()


def check_master_key() -> MasterKeyring:
    """The master key ring, once it is known to open the data keys already stored (checked once per process and
    ring; the result is remembered, by a digest of the ring's key material (:func:`_ring_digest`, never its key
    ids alone), until :func:`forget_cached_keys`).

    A ring that opens none of them (a mistyped REVERIE_MASTER_KEY, the staging secret, another data folder's key
    file) would wrap every new data key under a key that is not the clinic's: whatever a new person wrote would
    be lost once the right key is back. It raises :class:`KeyUnavailable` naming where the key comes from, never
    the key."""
    ring = keyring()
    checked = _ring_digest(ring)
    ok = _ring_checked.get(checked)
    if ok is None:
        ok = _opens_stored_wraps(ring)
        with _lock:
            _ring_checked[checked] = ok
    if not ok:
        source = (
            "REVERIE_MASTER_KEY"
            if _env_key()
            else f"the key file {settings.REVERIE.key_file} (REVERIE_KEY_FILE)"
        )
        raise KeyUnavailable(
            f"The master key from {source} opens none of the data keys stored in this database: it is not the key"
            " these journals were sealed with, and nothing new is sealed under it. Put the right key back (restore the key file from"
            " your backup, or set REVERIE_MASTER_KEY to the clinic's key) and try again."
        )
    return ring


def _refuse_missing_key_file(path: Path) -> None:
    """A key file missing while encrypted journals exist is refused (a new key could never open them): the one
    message of :func:`ensure_key_file` and :func:`check_at_start`."""
    if ClientKey.objects.exists():
        raise KeyUnavailable(
            f"The key file {path} is missing but encrypted journals exist. Restore the key file from your backup "
            "(or set REVERIE_KEY_FILE / REVERIE_MASTER_KEY); without it the journals cannot be opened."
        )


def check_at_start() -> None:
    """The start-up check of a process that seals and opens records but never creates the key file (``reverie
    worker``, r130): the master key that loads must open the data keys stored (:func:`check_master_key`), as
    ``reverie serve`` checks before it listens. With no key configured at all, a database holding data keys is
    refused as :func:`ensure_key_file` refuses it; an empty one is left alone (the first ``serve`` or ``user create``
    makes the key file; a worker on another machine must never make one of its own)."""
    if not _env_key() and not settings.REVERIE.key_file.exists():
        _refuse_missing_key_file(settings.REVERIE.key_file)
        return
    check_master_key()


def _forget(client_id: int) -> None:
    with _lock:
        _data_keys.pop(client_id, None)


def forget(client_id: int) -> None:
    """Drop a person's data key from this process's memory (an erasure, once committed: a request that read the
    key row before the commit may have cached it again after :func:`destroy_key` dropped it)."""
    _forget(client_id)


def _remember(client_id: int, key: DataKey) -> None:
    """Cache ``key`` once its row is committed: now in autocommit, else when the outermost transaction commits."""

    def store() -> None:
        with _lock:
            _data_keys[client_id] = key

    if connection.in_atomic_block:
        transaction.on_commit(store)  # discarded if the transaction (or its savepoint) rolls back
    else:
        store()


def _unwrap(row: ClientKey, client: User) -> DataKey:
    key = keyring().unwrap(bytes(row.wrapped), str(client.pk))
    if row.kid != key.kid:  # a row written before key ids were stored: record it once
        ClientKey.objects.filter(pk=row.pk).update(kid=key.kid)
        row.kid = key.kid
    return key


def _load_or_create(client: User) -> DataKey:
    row = ClientKey.objects.filter(client_id=client.pk).first()
    if row is not None:
        return _unwrap(row, client)
    if client.erased_at is not None:
        raise KeyUnavailable("This person's data was erased; their key no longer exists.")
    key = DataKey.generate()
    try:
        with transaction.atomic():  # a savepoint when nested: a lost race leaves the outer transaction usable
            ring = check_master_key()  # never under a key that is not the clinic's
            try:
                wrapped = ring.wrap(key, str(client.pk))
            except (ReverieError, DatabaseError):
                raise
            except (
                Exception
            ):  # the sealing itself failed (no randomness, no memory): a key problem, not a crash
                raise KeyUnavailable(
                    "This person's new data key could not be sealed under the master key just now, so nothing was"
                    " saved; try again in a moment."
                ) from None
            # by id: a data migration may pass its historical model's row (signin.seal_secret, clinic 0014)
            ClientKey.objects.create(client_id=client.pk, kid=key.kid, wrapped=wrapped)
        return key
    except DatabaseIntegrityError:
        # Another writer created this client's key first (concurrent first writes): use theirs.
        row = ClientKey.objects.filter(client_id=client.pk).first()
        if row is None:
            raise KeyUnavailable(
                "This person's data key could not be created or read; try again in a moment."
            ) from None
        return _unwrap(row, client)


def data_key(client: User) -> DataKey:
    """The client's data key: from memory, else from its row, else a new one (only ever one row per client)."""
    cached = _data_keys.get(client.pk)
    if cached is not None:
        return cached
    key = _load_or_create(client)
    _remember(client.pk, key)
    return key


def _current_key(client: User) -> DataKey:
    """The key to seal with: the cached key only while the stored row still names it."""
    cached = _data_keys.get(client.pk)
    if cached is not None:
        stored = ClientKey.objects.filter(client_id=client.pk).values_list("kid", flat=True).first()
        if stored == cached.kid:
            return cached
        _forget(client.pk)  # erased, restored or replaced elsewhere: never seal under a key no row holds
    return data_key(client)


def seal_for(client: User, record_id: str, purpose: str, plaintext: bytes) -> bytes:
    return seal(
        _current_key(client), plaintext, client_id=str(client.pk), record_id=record_id, purpose=purpose
    )


def open_for(client: User, record_id: str, purpose: str, blob: bytes | memoryview) -> bytes:
    key = data_key(client)
    try:
        named = sealed_with(blob)
    except IntegrityError:
        named = key.kid  # malformed: let open_sealed report it
    if named != key.kid and client.pk in _data_keys:
        _forget(client.pk)  # the cached key may be stale (another process replaced it): read the row again
        key = data_key(client)
    return open_sealed(key, bytes(blob), client_id=str(client.pk), record_id=record_id, purpose=purpose)


def stored_key_id(client_id: int) -> str | None:
    """The key id of the data key a client's row holds (None when there is no row), without unwrapping it."""
    row = ClientKey.objects.filter(client_id=client_id).first()
    if row is None:
        return None
    if row.kid:
        return str(row.kid)
    return keyring().unwrap(bytes(row.wrapped), str(client_id)).kid


def sealed_under_lost_key(blob: bytes | memoryview) -> bool:
    """True when ``blob`` names a data key that no row holds: it was sealed under a key that never committed (issue
    11) and no one can open it. A blob under another client's key, or an altered one, is not "lost": it is tampering.
    """
    try:
        kid = sealed_with(blob)
    except IntegrityError:
        return False
    for row in ClientKey.objects.filter(kid=""):  # rows from before key ids were stored: record theirs first
        try:
            _unwrap(row, row.client)
        except (KeyUnavailable, IntegrityError):
            return False  # cannot tell while a master key is missing: report the error, do not hide it
    return not ClientKey.objects.filter(kid=kid).exists()


def destroy_key(client: User) -> None:
    """Crypto-shredding: once the wrapped data key is gone, every sealed record of this client is unreadable.

    On SQLite the row is overwritten with zeros (``secure_delete``, set on every connection in settings), but the
    WAL still holds the page images written before, the wrapped key among them: once the erasure commits, the
    WAL is checkpointed into the database file and truncated to nothing (:func:`empty_the_wal`, run by
    ``erasure_owed.after_erasure``, which records it as owed and retries it while readers keep it busy).
    """
    ClientKey.objects.filter(client=client).delete()
    _forget(client.pk)


def empty_the_wal() -> bool:
    """Copy every WAL page into the database file and truncate the WAL; True when it is done (or not SQLite).

    Never waits: a PASSIVE checkpoint first (copies what no reader still needs), then TRUNCATE with this
    connection's busy timeout set to 0 (restored after), so a reader holding an old snapshot makes it return at
    once, "busy", instead of holding the write lock for the whole busy timeout. False when it cannot run now
    (a reader, a transaction open on this connection): the caller records it as owed and retries.

    On PostgreSQL the deleted key row stays in the table's file until it is rewritten, which nothing else does:
    :func:`vacuum_key_table` (review r136). Its WAL is the clinic's."""
    if connection.vendor == "postgresql":
        # not done (a lock not had in time, a row another transaction still sees): owed, and retried
        return vacuum_key_table()
    if connection.vendor != "sqlite":
        return True
    if connection.in_atomic_block:  # a checkpoint cannot run inside a transaction
        return False
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            row = cursor.fetchone()
            timeout = int(row[0]) if row else 0
            cursor.execute("PRAGMA busy_timeout=0")
            try:
                cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
                cursor.fetchone()
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                row = cursor.fetchone()
            finally:
                cursor.execute(f"PRAGMA busy_timeout={timeout}")
    except DatabaseError:
        return False
    return not (row and row[0])


# How long the rewrite of the key table waits for its lock (held by a backup's snapshot, a long request) before
# it gives up: while it waits, other requests that read a data key wait behind it.
VACUUM_LOCK_WAIT = "500ms"


def vacuum_key_table() -> bool:
    """PostgreSQL: rewrite the data keys' table (``VACUUM FULL``), so an erased person's wrapped data key leaves the
    table's file (the master key sits beside it in the key file). A plain VACUUM prunes the row but leaves its
    bytes in the page's free space until something is written over them (review r136). A small table: a moment,
    under an exclusive lock waited for at most :data:`VACUUM_LOCK_WAIT`. It cannot run inside a transaction: then,
    or when the lock is not had in time or the server refuses it, False, logged by type, and the clinic's own
    ``VACUUM FULL clinic_clientkey`` is the way (docs/security.md, "PostgreSQL"); never owed or retried."""
    if connection.in_atomic_block:
        return False
    for attempt in range(VACUUM_TRIES):
        if attempt:
            time.sleep(VACUUM_PAUSE)
        try:
            kept = _rewrite_key_table()
        except DatabaseError as exc:
            log.warning("rewriting the data keys' table after an erasure failed: %s", type(exc).__name__)
            return False
        if not kept:
            return True
    # another transaction's snapshot still sees the deleted row, so the rewrite copied it: said, never silent
    log.warning(
        "rewriting the data keys' table after an erasure kept %d deleted row(s) another transaction sees",
        kept,
    )
    return False


VACUUM_TRIES = 5  # a snapshot that still sees the deleted row is usually a request's, gone within a moment
VACUUM_PAUSE = 0.2  # seconds between tries
_KEPT = re.compile(r"(\d+) dead row versions cannot be removed yet")


def _rewrite_key_table() -> int:
    """One ``VACUUM (FULL, VERBOSE)`` of the key table under a short lock wait; how many deleted row versions it had
    to keep (a transaction that began before the erasure still sees them, so the rewrite copies them: PostgreSQL's
    own report, read from its notices)."""
    kept = 0

    def read(diagnostic: Any) -> None:
        nonlocal kept
        for text in (diagnostic.message_primary or "", diagnostic.message_detail or ""):
            found = _KEPT.search(text)
            if found:
                kept += int(found.group(1))

    connection.ensure_connection()
    raw = connection.connection
    raw.add_notice_handler(read)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = '{VACUUM_LOCK_WAIT}'")
            try:
                cursor.execute(f'VACUUM (FULL, VERBOSE) "{ClientKey._meta.db_table}"')
            finally:
                cursor.execute("RESET lock_timeout")
    finally:
        raw.remove_notice_handler(read)
    return kept


def rewrap_all() -> int:
    """Re-wrap every client's data key under the active master key (after ``reverie keys rotate``)."""
    ring = keyring()
    count = 0
    with transaction.atomic():
        for row in ClientKey.objects.select_for_update():
            row.wrapped = ring.rewrap(bytes(row.wrapped), str(row.client_id))
            row.rewrapped_at = timezone.now()
            row.save(update_fields=["wrapped", "rewrapped_at"])
            count += 1
    return count


@dataclass(frozen=True, slots=True)
class MasterKeyUse:
    """What one master key still protects (counts only; never key material)."""

    kid: str
    active: bool
    data_keys: int  # ClientKey rows whose wrap names this key
    recovery_copies: int  # recovery copies sealed under a key derived from it (``fallback_sealed``)


def _wraps_by_master_key(ring: MasterKeyring) -> dict[str, int]:
    counts: dict[str, int] = {}
    for wrapped in ClientKey.objects.values_list("wrapped", flat=True).iterator(chunk_size=2000):
        kid = ring.wrapped_by(bytes(wrapped))
        counts[kid] = counts.get(kid, 0) + 1
    return counts


def master_key_uses() -> list[MasterKeyUse]:
    """Each master key in the ring, the active one first, with how many data keys and recovery copies need it."""
    from reverie.clinic.services import recovery

    ring = keyring()
    wraps = _wraps_by_master_key(ring)
    copies = recovery.fallback_kids()
    kids = sorted(ring.kids, key=lambda kid: (kid != ring.active, kid))
    return [MasterKeyUse(kid, kid == ring.active, wraps.get(kid, 0), copies.get(kid, 0)) for kid in kids]


def retire_master_key(kid: str) -> None:
    """Remove an old master key from the key file; refuse while any data key or recovery copy still needs it.

    The count is made inside the key file's lock, on the ring read again there, so no rotation or other retirement
    runs in between. Audit events keyed under it keep verifying (its chain key stays in the file).
    """
    if _env_key():
        raise ConfigurationError(
            "The master key comes from REVERIE_MASTER_KEY; retire keys in your secret store."
        )

    def refuse_if_used(candidate: str) -> None:
        from reverie.clinic.services import recovery

        wraps = _wraps_by_master_key(keyring()).get(candidate, 0)
        copies = recovery.fallback_kids().get(candidate, 0)
        if wraps or copies:
            raise Conflict(
                f"Master key '{candidate}' still wraps {wraps} data keys and seals {copies} recovery copies; "
                "retiring it would make them unreadable. Run `reverie keys rewrap` (it re-wraps every data key "
                "under the active key); recovery copies are saved into their owners' journals by the owners "
                "with `reverie journal recover`. Then retire it."
            )

    retire_key(settings.REVERIE.key_file, kid, still_used=refuse_if_used)
    forget_cached_keys()
