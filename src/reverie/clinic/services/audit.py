"""Record content-free audit events in an append-only, keyed hash chain, and verify the chain.

Format (``digest_version``):

* 1 — legacy: ``sha256(prev ‖ 0x1f field ‖ …)``, unkeyed. Events written before the chain was keyed still verify,
  but only up to the first keyed event: a legacy event after a keyed one is tampering.
* 2 — keyed: ``HMAC-SHA256(K, "reverie.audit/2" ‖ len-prefixed prev, fields, key id)`` where
  ``K = HMAC-SHA256(master key, "reverie.audit-chain/1")`` and the master key is the one named in ``key_id`` (the
  active key when the event was written; a retired master key leaves its chain key in the key file, so its
  events still verify). Someone who can edit the database but has no master key cannot
  recompute a digest.

Appends lock the single ``AuditHead`` row, so concurrent writers (threads, processes, PostgreSQL sessions) extend
one chain. After each commit the head (count, last id, hash) is also written, keyed, to a small private *anchor*
file next to the key file (outside the database): cutting the newest events — even with the head row rewritten —
leaves the chain shorter than its anchor. Verification stores keyed checkpoints, so a page view checks only the
events added since the last one; ``reverie audit verify`` checks everything.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError as DatabaseIntegrityError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from reverie.clinic.models import AuditCheckpoint, AuditEvent, AuditHead, User
from reverie.errors import KeyUnavailable
from reverie.files import write_private_atomic

log = logging.getLogger("reverie.audit")

GENESIS = "0" * 64
LEGACY = 1
KEYED = 2
ANCHOR_FORMAT = "reverie.audit-anchor/1"
KEEP_CHECKPOINTS = 5
# Recorded by a restore whose events are keyed under master keys this key ring lacks (another installation's key
# file): keyed under the active key, it names how many events came before it and the last one's id ("count:id").
REANCHORED = "audit.reanchored"
# Its outcome says why: ``restore`` (keyed under another key file's master key: those events are link-checked only,
# and fully where their key is known) or ``restore-rounded``: written only by restores before h53 of a backup that
# cut every time to the millisecond (``reverie.backup/4`` and older), still read: each digest before it, made over
# the microseconds, is rechecked against the 1,000 times within the millisecond kept (``_matches_cut_time``); an
# event none of them matches was altered. A restore now writes the recovered times back (``recover_cut_times``).
REANCHOR_FOREIGN = "restore"
REANCHOR_ROUNDED = "restore-rounded"
# What a client never sees in their own privacy log: that their therapist wrote or read therapist-only notes.
THERAPIST_ONLY_TYPES = ("therapist_note",)
THERAPIST_ONLY_ACTIONS = ("note.process", "note.transference", "note.countertransference", "process_notes.")
# What a client does not see *yet*: events about a record the therapist holds until they show it (a formulation
# version until shared, the goodbye letter until given). Each hook answers, for a client, the events about such
# records that their log leaves out now (None: nothing); the care app installs them (``care.services.held``), so
# this module imports nothing of care. The events stay in the chain and in every other view of it.
client_hidden_hooks: list[Callable[[User], Q | None]] = []

_pending = threading.local()
_anchor_lock = threading.Lock()


# --- digests ----------------------------------------------------------------------------------------------------


def _digest_v1(prev: str, *fields: str) -> str:
    h = hashlib.sha256(prev.encode())
    for field in fields:
        h.update(b"\x1f" + field.encode())
    return h.hexdigest()


def _digest_v2(key: bytes, prev: str, fields: Iterable[str], key_id: str) -> str:
    h = hmac.new(key, b"reverie.audit/2", hashlib.sha256)
    for part in (prev, *fields, key_id):
        raw = part.encode()
        h.update(len(raw).to_bytes(4, "big") + raw)
    return h.hexdigest()


def _fields(at: datetime, actor_id: Any, subject_id: Any, *rest: str) -> tuple[str, ...]:
    return (at.isoformat(), str(actor_id), str(subject_id), *rest)


def _matches_cut_time(
    version: int, key: bytes | None, prev: str, at: datetime, rest: tuple[str, ...], key_id: str, hash_: str
) -> bool:
    """Whether the digest ``hash_`` matches the event with its time at some microsecond of the millisecond kept."""
    return _cut_time(version, key, prev, at, rest, key_id, hash_) is not None


def _cut_time(
    version: int, key: bytes | None, prev: str, at: datetime, rest: tuple[str, ...], key_id: str, hash_: str
) -> datetime | None:
    """The time, within the millisecond kept, at which the digest ``hash_`` matches the event; None when none does.

    A backup before ``reverie.backup/5`` (Django's JSON encoder) *truncated* each time to the millisecond, so the
    time the digest was made over is the kept millisecond plus 0 to 999 microseconds: 1,000 digests, each from a
    copy of the state after the parts before the time. ``rest`` is the fields after the time."""
    try:
        want = bytes.fromhex(hash_)
    except ValueError:
        return None
    base = at.microsecond - at.microsecond % 1000
    # isoformat(): "YYYY-MM-DDTHH:MM:SS", then ".ffffff" unless the microsecond is 0, then the zone
    whole = at.replace(microsecond=0).isoformat()
    day, zone = whole[:19], whole[19:]
    micros = range(base, base + 1000)
    times = ((f"{day}.{micro:06d}{zone}" if micro else whole).encode() for micro in micros)
    if version == KEYED and key is not None:
        # HMAC-SHA256 by hand (RFC 2104): sha256(key ^ opad ‖ sha256(key ^ ipad ‖ message)), both states copied
        # after their fixed parts — twice as fast as hmac's copy(). A key longer than the block is hashed first.
        padded = (hashlib.sha256(key).digest() if len(key) > 64 else key).ljust(64, b"\0")
        raw = prev.encode()
        inner = hashlib.sha256(
            bytes(b ^ 0x36 for b in padded) + b"reverie.audit/2" + len(raw).to_bytes(4, "big") + raw
        )
        outer = hashlib.sha256(bytes(b ^ 0x5C for b in padded))
        parts = [part.encode() for part in (*rest, key_id)]
        tail = b"".join(len(part).to_bytes(4, "big") + part for part in parts)
        for micro, text in zip(micros, times, strict=True):
            digest = inner.copy()
            digest.update(len(text).to_bytes(4, "big") + text + tail)
            mac = outer.copy()
            mac.update(digest.digest())
            if hmac.compare_digest(mac.digest(), want):
                return at.replace(microsecond=micro)
        return None
    if version == LEGACY:
        plain = hashlib.sha256(prev.encode())
        tail = b"".join(b"\x1f" + part.encode() for part in rest)
        for micro, text in zip(micros, times, strict=True):
            digest = plain.copy()
            digest.update(b"\x1f" + text + tail)
            if digest.digest() == want:
                return at.replace(microsecond=micro)
    return None


def _event_fields(event: AuditEvent) -> tuple[str, ...]:
    return _fields(
        event.at,
        event.actor_id,
        event.subject_id,
        event.action,
        event.record_type,
        event.record_id,
        event.outcome,
    )


def _chain_key(key_id: str) -> bytes | None:
    """The chain key derived from master key ``key_id`` (or kept when it was retired); None when neither is known."""
    from reverie.clinic.services import keys

    return keys.keyring().chain_key(key_id)


def _active_chain_key() -> tuple[str, bytes]:
    from reverie.clinic.services import keys

    try:
        ring = keys.keyring()
    except KeyUnavailable:
        keys.ensure_key_file()  # a first run creates the key file, as the first journal entry would
        ring = keys.keyring()
    key = _chain_key(ring.active)
    assert key is not None
    return ring.active, key


def _mac(key: bytes, label: str, *parts: object) -> str:
    h = hmac.new(key, label.encode(), hashlib.sha256)
    for part in parts:
        raw = str(part).encode()
        h.update(len(raw).to_bytes(4, "big") + raw)
    return h.hexdigest()


# --- appending --------------------------------------------------------------------------------------------------


def _locked_head() -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        # A fresh head (from the migration) under events restored from an older backup: adopt them.
        if head.count == 0 and head.last_id == 0:
            last = AuditEvent.objects.order_by("-id").only("id", "hash").first()
            if last is not None:
                head.count, head.last_id, head.hash = AuditEvent.objects.count(), last.pk, last.hash
        return head
    try:
        # A savepoint: losing the race to create the head leaves the caller's transaction usable.
        with transaction.atomic():
            last = AuditEvent.objects.order_by("-id").only("id", "hash").first()
            AuditHead.objects.create(
                pk=1,
                count=AuditEvent.objects.count(),
                last_id=last.pk if last else 0,
                hash=last.hash if last else GENESIS,
            )
    except DatabaseIntegrityError:
        pass
    return AuditHead.objects.select_for_update().get(pk=1)


def hold() -> None:
    """Lock the chain's head now, until the surrounding transaction ends, as :func:`record` does (call it inside
    one). A writer that locks rows and then records an event calls it before its row locks, so it takes the locks
    in the order of a writer that recorded an event before locking the same rows (a journal save that then raises
    a risk alert): the head first, then the rows, and the two wait in turn instead of deadlocking."""
    _locked_head()


def record(
    actor: User | None,
    action: str,
    record_type: str,
    record_id: object,
    *,
    subject: User | None = None,
    outcome: str = "ok",
) -> AuditEvent:
    """Append one event. The head row is locked until the surrounding transaction ends: the chain never forks."""
    return record_many(actor, action, record_type, [(record_id, subject)], outcome=outcome)[0]


def record_many(
    actor: User | None,
    action: str,
    record_type: str,
    items: Iterable[tuple[object, User | None]],
    *,
    outcome: str = "ok",
) -> list[AuditEvent]:
    """Append one event per ``(record_id, subject)``, in order, as :func:`record` would one after another, but
    under one lock of the head: one transaction, one head update and one anchor write for them all (a page that
    lists several clients' alerts audits each client without a write transaction per client: issue 16)."""
    pending = list(items)
    if not pending:
        return []
    key_id, key = _active_chain_key()
    events: list[AuditEvent] = []
    with transaction.atomic():
        head = _locked_head()
        for record_id, subject in pending:
            event = AuditEvent(
                at=timezone.now(),
                actor_id=actor.pk if actor else None,
                subject_id=subject.pk if subject else None,
                action=action[:64],
                record_type=record_type[:32],
                record_id=str(record_id)[:64],
                outcome=outcome[:16],
                prev_hash=head.hash,
                digest_version=KEYED,
                key_id=key_id,
            )
            event.hash = _digest_v2(key, head.hash, _event_fields(event), key_id)
            event.save(force_insert=True)
            head.count += 1
            head.last_id = event.pk
            head.hash = event.hash
            events.append(event)
        head.save(update_fields=["count", "last_id", "hash"])
        state = (head.count, head.last_id, head.hash)
        transaction.on_commit(lambda: _advance_anchor(*state, key_id))
        return events


def refused(actor: User | None, action: str, record_type: str, record_id: object) -> None:
    """Audit a request the policy refused (content-free: who, which action, which kind of record, which id).

    The refusal usually unwinds a transaction, which would take an event written inside it along; so inside a
    transaction it waits in this thread until :func:`flush_refused` (the web's error middleware calls it after each
    request) or the next refusal outside any transaction.
    """
    actor_id = actor.pk if actor is not None and getattr(actor, "is_authenticated", False) else None
    item = (actor_id, f"{action}.refused", record_type, str(record_id))
    queue: list[tuple[int | None, str, str, str]] = getattr(_pending, "items", [])
    queue.append(item)
    _pending.items = queue
    if not connection.in_atomic_block:
        flush_refused()


def discard_refused() -> None:
    """Drop refusals waiting in this thread that were never written (queued outside any request)."""
    _pending.items = []


def flush_refused() -> None:
    """Write the refusals waiting in this thread (call it outside any transaction)."""
    if connection.in_atomic_block:
        return
    queue: list[tuple[int | None, str, str, str]] = getattr(_pending, "items", [])
    _pending.items = []
    if not queue:
        return
    actors = {a.pk: a for a in User.objects.filter(pk__in={q[0] for q in queue if q[0] is not None})}
    for actor_id, action, record_type, record_id in queue:
        record(actors.get(actor_id or 0), action, record_type, record_id, outcome="refused")


def failed_sign_in(username: str, step: str) -> None:
    """Audit a failed sign-in ("password" or "code"): the account it named when one exists, never what was typed."""
    user = User.objects.filter(username=username.strip().lower()).first()
    record(
        None, f"signin.{step}.failed", "user", user.pk if user else "unknown", subject=user, outcome="refused"
    )


# --- the anchor outside the database ----------------------------------------------------------------------------


def anchor_path() -> Path:
    """The anchor file: next to the key file, outside the database."""
    return Path(settings.REVERIE.key_file).with_name("audit-anchor.json")


def _read_anchor() -> dict[str, Any] | None:
    try:
        doc = json.loads(anchor_path().read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"format": "unreadable"}
    return doc if isinstance(doc, dict) else {"format": "unreadable"}


def _write_anchor(count: int, last_id: int, hash_: str, key_id: str, *, durable: bool = False) -> None:
    """Replace the anchor file atomically (a private temp file moved over it).

    After each commit it is not fsync-ed (``durable=False``): that would cost every audited request a disk flush
    (about 20 ms here). A power cut can then leave an older anchor, which only lags (never a false alarm about
    removed events); ``reanchor`` writes durably."""
    key = _chain_key(key_id)
    if key is None:
        return
    doc = {
        "format": ANCHOR_FORMAT,
        "count": count,
        "last_id": last_id,
        "hash": hash_,
        "key_id": key_id,
        "mac": _mac(key, ANCHOR_FORMAT, count, last_id, hash_),
    }
    data = (json.dumps(doc) + "\n").encode()
    path = anchor_path()
    if durable:
        write_private_atomic(path, data)
        return
    descriptor, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def _anchor_guard() -> Iterator[None]:
    """One anchor writer at a time: threads by a lock, processes by an advisory file lock (where there is one)."""
    with _anchor_lock:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: threads only
            yield
            return
        lock = anchor_path().with_name(".audit-anchor.lock")
        with open(lock, "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _advance_anchor(count: int, last_id: int, hash_: str, key_id: str) -> None:
    """After a commit: move the anchor forward (never back: commits may finish out of order)."""
    try:
        with _anchor_guard():
            current = _read_anchor()
            if current is not None and isinstance(current.get("count"), int) and current["count"] >= count:
                return
            _write_anchor(count, last_id, hash_, key_id)
    except (
        OSError
    ) as error:  # the folder may be read-only: the chain is still keyed, only truncation goes unseen
        log.warning("audit anchor not written (%s)", type(error).__name__)


def anchor_restored() -> bool:
    """After a restore whose trail verified: write the anchor at the restored head when there is no anchor file (a
    restore into a fresh data folder, as docs/deploy.md asks), so `reverie audit verify` checks the anchor from the
    start (r130: "No anchor file yet" until the next event). An anchor already there is left as it is: it may be
    ahead of the backup, and accepting that shortening stays the operator's step (`verify --reanchor`). False when
    nothing was written (an anchor there, or a folder that cannot be written: logged, as after a commit)."""
    try:
        with _anchor_guard():
            if _read_anchor() is not None:
                return False
            head = AuditHead.objects.filter(pk=1).first()
            key_id, _key = _active_chain_key()
            if head is None:
                _write_anchor(0, 0, GENESIS, key_id, durable=True)
            else:
                _write_anchor(head.count, head.last_id, head.hash, key_id, durable=True)
    except OSError as error:
        log.warning("audit anchor not written (%s)", type(error).__name__)
        return False
    return True


def reanchor() -> ChainCheck:
    """Accept the chain as it now is (after a restore from backup, which truly shortens it): re-verify, re-anchor."""
    check = verify(check_anchor=False)
    if check.ok:
        head = AuditHead.objects.filter(pk=1).first()
        key_id, _key = _active_chain_key()
        with _anchor_guard():
            if head is None:
                _write_anchor(0, 0, GENESIS, key_id, durable=True)
            else:
                _write_anchor(head.count, head.last_id, head.hash, key_id, durable=True)
    return check


def reanchor_after_restore() -> int:
    """After a restore: when the restored trail is wholly foreign — no keyed event in it uses a master key of this
    key ring (the backup came from an installation with another ``keys.json``) — it can never be checked here. Record
    one keyed event, ``audit.reanchored`` (outcome ``restore``), naming how many events came before it and the last
    one's id, and move the anchor file to the new head; verification then starts from that event and counts the ones
    before it as restored, not checked. Returns how many events were left unchecked (0: nothing recorded, the chain
    verifies here as it is, or fails for another reason that ``reverie audit verify`` reports). A trail partly under
    a key of this ring and partly under unknown ones (an event of this installation edited and given a key id nobody
    has, say) is never re-anchored: verification reports it.

    A backup of ``reverie.backup/4`` or older, whose times were cut to the millisecond, has its times recovered
    first (:func:`recover_cut_times`), so it needs no re-anchoring. Restores before that recovery re-anchored such a
    trail with outcome ``restore-rounded``; a database that carries one is still read (``_past_boundary``).
    """
    check = verify(check_anchor=False)
    if check.ok:
        return 0  # it verifies here
    if not check.unverifiable_key:
        return 0  # it fails for another reason, which no re-anchoring may hide
    if not wholly_foreign():
        return 0  # partly this key ring's: an event under an unknown key id among them is reported, never re-anchored
    with transaction.atomic():
        head = _locked_head()
        before = (head.count, head.last_id)
        record(None, REANCHORED, "audit", f"{before[0]}:{before[1]}", outcome=REANCHOR_FOREIGN)
        head = AuditHead.objects.get(pk=1)
        state = (head.count, head.last_id, head.hash)
    key_id, _key = _active_chain_key()
    with _anchor_guard():
        _write_anchor(*state, key_id, durable=True)
    return before[0]


def recover_cut_times() -> int | None:
    """After a restore of a backup that cut every time to the millisecond (``reverie.backup/4`` and older): find
    each audit event's time to the microsecond again, the one its digest was made over (``_cut_time``: the 1,000
    times within the millisecond kept), and write it back, so the restored trail is the trail the backup was taken
    from and verifies exactly, at the normal speed, ever after. Call it inside the restore's transaction.

    An event whose digest already matches is left as it is, and so is one keyed under a master key this ring lacks
    (nothing to search with: verification treats it as any event of another key file). Returns the id of the first
    event whose digest matches at no time within its millisecond (altered in the backup: left as it is, and
    verification names it); None when there is none."""
    keys_by_id: dict[str, bytes | None] = {}
    recovered: list[AuditEvent] = []
    first_bad: int | None = None
    rows = AuditEvent.objects.order_by("id").values_list(*_COLUMNS)
    for row in rows.iterator(chunk_size=5000):
        (pk, at, actor_id, subject_id, action, rtype, rid, outcome, prev_hash, hash_, version, key_id) = row
        fields = _fields(at, actor_id, subject_id, action, rtype, rid, outcome)
        key: bytes | None = None
        if version == KEYED:
            if key_id not in keys_by_id:
                keys_by_id[key_id] = _chain_key(key_id)
            key = keys_by_id[key_id]
            if key is None or hmac.compare_digest(hash_, _digest_v2(key, prev_hash, fields, key_id)):
                continue
        elif version == LEGACY and hash_ == _digest_v1(prev_hash, *fields):
            continue
        exact = _cut_time(version, key, prev_hash, at, fields[1:], key_id, hash_)
        if exact is None:
            first_bad = pk if first_bad is None else first_bad
        else:
            recovered.append(AuditEvent(pk=pk, at=exact))
    AuditEvent.objects.bulk_update(recovered, ["at"], batch_size=500)
    return first_bad


def restore_mark() -> tuple[datetime, bool] | None:
    """When the trail was last re-anchored at a restore, and whether for times cut to the millisecond (else: keyed
    under another key file's master key); None when it never was. What the privacy log page says about it."""
    event = AuditEvent.objects.filter(action=REANCHORED, record_type="audit").order_by("-id").first()
    if event is None:
        return None
    return event.at, event.outcome == REANCHOR_ROUNDED


def wholly_foreign() -> bool:
    """Whether no keyed audit event uses a master key of this key ring (nor one whose chain key it kept)."""
    used = AuditEvent.objects.filter(digest_version=KEYED).values_list("key_id", flat=True).distinct()
    return all(_chain_key(key_id) is None for key_id in used)


def _restore_boundary() -> _Walk | None:
    """The newest ``audit.reanchored`` event whose keyed digest verifies here, as the state a walk resumes from
    (with a problem set when the events it names were removed or rewritten); None when there is none."""
    rows = AuditEvent.objects.filter(action=REANCHORED, digest_version=KEYED).order_by("-id")
    for event in rows:
        key = _chain_key(event.key_id)
        if key is None or not hmac.compare_digest(
            event.hash, _digest_v2(key, event.prev_hash, _event_fields(event), event.key_id)
        ):
            continue
        try:
            count, last_id = (int(part) for part in event.record_id.split(":"))
        except ValueError:
            continue
        state = _Walk(
            prev=event.prev_hash,
            count=count,
            last_id=last_id,
            keyed_seen=True,
            restored=count,
            rounded=event.outcome == REANCHOR_ROUNDED,
        )
        stored = (
            AuditEvent.objects.filter(pk=last_id).values_list("hash", flat=True).first()
            if last_id
            else GENESIS
        )
        if stored != event.prev_hash or AuditEvent.objects.filter(id__lte=last_id).count() != count:
            state.bad_id, state.problem = event.pk, "events from before the restore were removed or rewritten"
        return state
    return None


DIGEST_MISMATCH = "an event's digest does not match its contents"
CUT_TIME_MISMATCH = (
    "an event restored from a backup that kept its time to the millisecond was altered: its digest matches its"
    " contents at no time within that millisecond"
)

# --- verifying --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChainCheck:
    """The outcome of a verification. ``problem`` is content-free; ``checked`` is how many digests were recomputed."""

    ok: bool
    events: int
    first_bad_id: int | None = None
    problem: str = ""
    legacy: int = 0
    checked: int = 0
    anchored: bool = False
    unverifiable_key: str = ""
    restored: int = 0  # events before a restore's re-anchoring, keyed under a master key not in this key ring
    # ... or (``restored_rounded``) restored from a backup that cut their times to the millisecond: each digest
    # rechecked at the 1,000 times within the millisecond kept
    restored_rounded: bool = False


_COLUMNS = (
    "id",
    "at",
    "actor_id",
    "subject_id",
    "action",
    "record_type",
    "record_id",
    "outcome",
    "prev_hash",
    "hash",
    "digest_version",
    "key_id",
)


@dataclass(slots=True)
class _Walk:
    prev: str
    count: int
    last_id: int
    keyed_seen: bool
    legacy: int = 0
    checked: int = 0
    bad_id: int | None = None
    problem: str = ""
    missing_key: str = ""
    restored: int = 0
    # A boundary recorded by a restore of a backup whose times were cut (REANCHOR_ROUNDED).
    rounded: bool = False


def _walk(
    state: _Walk,
    after_id: int,
    *,
    until_id: int | None = None,
    foreign_ok: bool = False,
    cut_times: bool = False,
) -> _Walk:
    """Check the events after ``after_id`` (up to ``until_id``) in order: links, and each digest. ``foreign_ok``
    (the events before a restore's re-anchoring): an event under a master key not in this ring has its link checked
    only; every event whose key is known is checked in full. ``cut_times`` (the events before a re-anchoring that a
    restore of a backup with times cut to the millisecond recorded): a digest that fails is rechecked at the 1,000
    times within the millisecond kept (``_matches_cut_time``); the event holds when one of them matches."""
    keys_by_id: dict[str, bytes | None] = {}
    span = AuditEvent.objects.filter(id__gt=after_id)
    if until_id is not None:
        span = span.filter(id__lte=until_id)
    rows = span.order_by("id").values_list(*_COLUMNS)
    for row in rows.iterator(chunk_size=5000):
        (pk, at, actor_id, subject_id, action, rtype, rid, outcome, prev_hash, hash_, version, key_id) = row
        fields = _fields(at, actor_id, subject_id, action, rtype, rid, outcome)
        state.checked += 1
        key: bytes | None = None
        if prev_hash != state.prev:
            state.bad_id, state.problem = pk, "an event does not link to the one before it"
            return state
        if version == LEGACY:
            if state.keyed_seen:
                state.bad_id, state.problem = pk, "an unkeyed (legacy) event follows a keyed one"
                return state
            good = hash_ == _digest_v1(prev_hash, *fields)
            state.legacy += 1
        elif version == KEYED:
            if key_id not in keys_by_id:
                keys_by_id[key_id] = _chain_key(key_id)
            key = keys_by_id[key_id]
            if key is None and foreign_ok:
                state.keyed_seen = True
                state.prev, state.count, state.last_id = hash_, state.count + 1, pk
                continue
            if key is None:
                state.bad_id, state.missing_key = pk, key_id
                state.problem = f"an event is keyed under master key '{key_id}', which is not in the key ring"
                return state
            good = hmac.compare_digest(hash_, _digest_v2(key, prev_hash, fields, key_id))
            state.keyed_seen = True
        else:
            good = False
        if (
            not good
            and cut_times
            and _matches_cut_time(version, key, prev_hash, at, fields[1:], key_id, hash_)
        ):
            good = True
        if not good:
            state.bad_id, state.problem = pk, CUT_TIME_MISMATCH if cut_times else DIGEST_MISMATCH
            return state
        state.prev, state.count, state.last_id = hash_, state.count + 1, pk
    return state


def _past_boundary(boundary: _Walk) -> _Walk:
    """The walk of a trail re-anchored at a restore: the events before the boundary are linked and, where their key
    is known here, checked in full (none is skipped for being before it); then every event after it."""
    before = _walk(
        _Walk(prev=GENESIS, count=0, last_id=0, keyed_seen=False),
        after_id=0,
        until_id=boundary.last_id,
        foreign_ok=True,
        cut_times=boundary.rounded,
    )
    if before.problem:
        before.restored = boundary.restored
        return before
    if (before.prev, before.count, before.last_id) != (boundary.prev, boundary.count, boundary.last_id):
        before.bad_id, before.problem = (
            boundary.last_id,
            "events from before the restore were removed or rewritten",
        )
        return before
    boundary.checked = before.checked
    return _walk(boundary, after_id=boundary.last_id)


def _check_head(state: _Walk) -> str:
    if AuditEvent.objects.count() != state.count:  # one count: catches an older event removed (or added) too
        return "events were removed from, or added outside, the chain"
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        return "the chain's head row is missing" if state.count else ""
    if head.count == 0 and head.last_id == 0:  # not initialised yet (events restored from an older backup)
        return ""
    if head.count != state.count or head.hash != state.prev:
        return "the newest events were removed, or the chain's head was altered"
    return ""


def _check_anchor(state: _Walk) -> tuple[str, bool]:
    anchor = _read_anchor()
    if anchor is None:
        return "", False
    if anchor.get("format") != ANCHOR_FORMAT:
        return "the audit anchor file is unreadable or of an unknown format", False
    try:
        count, last_id, hash_, key_id = (
            int(anchor["count"]),
            int(anchor["last_id"]),
            str(anchor["hash"]),
            str(anchor["key_id"]),
        )
        mac = str(anchor["mac"])
    except (KeyError, TypeError, ValueError):
        return "the audit anchor file is malformed", False
    key = _chain_key(key_id)
    if key is None:
        return f"the audit anchor is keyed under master key '{key_id}', which is not in the key ring", False
    if not hmac.compare_digest(mac, _mac(key, ANCHOR_FORMAT, count, last_id, hash_)):
        return "the audit anchor file was altered", False
    if count > state.count:
        return (
            f"the chain holds {state.count} events but {count} were anchored: the newest were removed",
            True,
        )
    if count == 0:
        return "", True
    stored = AuditEvent.objects.filter(pk=last_id).values_list("hash", flat=True).first()
    newer = AuditEvent.objects.filter(
        id__gt=last_id
    ).count()  # the chain's total was checked against the table
    if stored != hash_ or state.count - newer != count:
        return "the anchored event was removed or rewritten, or events before it were removed", True
    return "", True


def _result(state: _Walk, *, check_anchor: bool) -> ChainCheck:
    problem = state.problem
    if not problem:
        problem = _check_head(state)
    anchored = False
    if not problem and check_anchor:
        problem, anchored = _check_anchor(state)
    return ChainCheck(
        ok=not problem,
        events=state.count + (1 if state.bad_id is not None else 0),
        first_bad_id=state.bad_id,
        problem=problem,
        legacy=state.legacy,
        checked=state.checked,
        anchored=anchored,
        unverifiable_key=state.missing_key,
        restored=state.restored,
        restored_rounded=state.rounded,
    )


def verify(*, check_anchor: bool = True) -> ChainCheck:
    """Recheck every event from the start, then the head row and the anchor; store a checkpoint when all is well."""
    state = _walk(_Walk(prev=GENESIS, count=0, last_id=0, keyed_seen=False), after_id=0)
    if state.bad_id is not None:
        # Keyed under a master key this ring lacks (a restore from another installation re-anchored after them?),
        # or a digest that no longer matches (a restore of a backup that cut the times re-anchored after them?).
        boundary = _restore_boundary()
        if (
            boundary is not None
            and state.bad_id <= boundary.last_id
            and (state.missing_key or (boundary.rounded and state.problem == DIGEST_MISMATCH))
        ):
            state = boundary if boundary.problem else _past_boundary(boundary)
    check = _result(state, check_anchor=check_anchor)
    if check.ok:
        _store_checkpoint(state)
    return check


def verify_incremental() -> ChainCheck:
    """What a page view runs: trust the newest valid checkpoint, recheck only the events after it.

    A checkpoint counts only when its keyed MAC is right and its event still has the hash it had: a rewritten
    checkpoint or checkpointed event sends this back to a full verification. The table's row count must still equal
    the checkpoint's count plus the new events, so removing an older event is seen too. Edits to older events that
    keep their count are found by ``reverie audit verify`` (run it regularly).
    """
    start = _trusted_checkpoint()
    if start is None:
        return verify()
    state = _walk(start, after_id=start.last_id)
    check = _result(state, check_anchor=True)
    if check.ok and state.checked:
        _store_checkpoint(state)
    return check


def _trusted_checkpoint() -> _Walk | None:
    cp = AuditCheckpoint.objects.order_by("-event_id").first()
    if cp is None:
        return None
    key = _chain_key(cp.key_id)
    if key is None or not hmac.compare_digest(
        cp.mac, _mac(key, "reverie.audit-checkpoint/1", *_cp_parts(cp))
    ):
        return None
    event = AuditEvent.objects.filter(pk=cp.event_id).values_list("hash", "digest_version").first()
    if event is None or event[0] != cp.hash:
        return None
    return _Walk(prev=cp.hash, count=cp.count, last_id=cp.event_id, keyed_seen=event[1] >= KEYED)


def _cp_parts(cp: AuditCheckpoint) -> tuple[object, ...]:
    return (cp.event_id, cp.count, cp.hash, cp.key_id)


def _store_checkpoint(state: _Walk) -> None:
    if not state.count:
        return
    try:
        key_id, key = _active_chain_key()
    except KeyUnavailable:
        return
    cp = AuditCheckpoint(
        event_id=state.last_id, count=state.count, hash=state.prev, key_id=key_id, verified_at=timezone.now()
    )
    cp.mac = _mac(key, "reverie.audit-checkpoint/1", *_cp_parts(cp))
    with transaction.atomic():
        cp.save()
        stale = AuditCheckpoint.objects.order_by("-event_id", "-id").values_list("id", flat=True)[
            KEEP_CHECKPOINTS:
        ]
        AuditCheckpoint.objects.filter(id__in=list(stale)).delete()


# --- reading ----------------------------------------------------------------------------------------------------


def events_about(
    subject: User, *, include_therapist_only: bool = False, offset: int = 0, limit: int = 500
) -> list[AuditEvent]:
    """Events about ``subject``'s data, newest first (``limit`` from ``offset``; by default the newest 500); a
    client's own view leaves out therapist-only notes, and events about a record their therapist has not shown
    them yet (``client_hidden_hooks``: a formulation not shared, a letter not given)."""
    rows = AuditEvent.objects.filter(subject_id=subject.pk)
    if not include_therapist_only:
        hidden = Q(record_type__in=THERAPIST_ONLY_TYPES)
        for prefix in THERAPIST_ONLY_ACTIONS:
            hidden |= Q(action__startswith=prefix)
        for hook in client_hidden_hooks:
            held = hook(subject)
            if held is not None:
                hidden |= held
        rows = rows.exclude(hidden)
    return list(rows.order_by("-id")[offset : offset + limit])


@dataclass(frozen=True, slots=True)
class LogLine:
    """One line of a Privacy log: ``count`` events in a row (newest first) by the same person, of the same action
    and outcome, so the same sentence: ``newest`` and ``oldest`` give its times (the same event when ``count`` is
    1). Every event is in one line: the log stays complete; only a run of identical lines is said once."""

    newest: AuditEvent
    oldest: AuditEvent
    count: int


LOG_SCAN = 500  # events read at a time while grouping a Privacy log's lines


def log_lines_about(
    subject: User, *, include_therapist_only: bool = False, offset: int = 0, limit: int = 25
) -> tuple[list[LogLine], bool]:
    """``subject``'s Privacy log as lines, newest first: consecutive events that read alike (the same actor,
    action and outcome: a therapist's home page listing the same shared entries 30 times in a morning) are one
    line, "… — 30 times" with the first and last times (review r75: they buried the read of an entry). The one
    grouping rule for every view of the log; ``offset``/``limit`` count lines. Also whether older lines follow."""
    lines: list[LogLine] = []
    want = offset + limit
    start = 0
    run: list[AuditEvent] = []

    def close() -> None:
        if run:
            lines.append(LogLine(newest=run[0], oldest=run[-1], count=len(run)))

    while len(lines) <= want:
        chunk = events_about(
            subject, include_therapist_only=include_therapist_only, offset=start, limit=LOG_SCAN
        )
        for event in chunk:
            if run and _reads_alike(run[-1], event):
                run.append(event)
                continue
            close()
            run = [event]
            if len(lines) > want:
                break
        if len(chunk) < LOG_SCAN:
            if len(lines) <= want:
                close()
            break
        start += LOG_SCAN
    return lines[offset:want], len(lines) > want


def _reads_alike(one: AuditEvent, other: AuditEvent) -> bool:
    return (one.actor_id, one.action, one.outcome) == (other.actor_id, other.action, other.outcome)
