"""Data keys, the master key ring and the key file.

Every client has one random 32-byte data key that seals their free text and attachments. Data keys are stored
only wrapped (encrypted) by a master key. Master keys live in a key file (or the ``REVERIE_MASTER_KEY``
environment variable)::

    {"format": "reverie.keyfile/1", "active": "<kid>", "keys": {"<kid>": "<base64 of 32 bytes>", ...},
     "retired_chain_keys": {"<kid>": "<base64 of 32 bytes>", ...}}

Rotation adds a new active master key and keeps the old ones, so existing wraps still open; ``rewrap`` moves a
wrap to the active key and ``retire_key`` drops an old key once nothing uses it. A retired key leaves behind only
its audit chain key (``HMAC(master key, "reverie.audit-chain/1")``, optional ``retired_chain_keys``, absent until a
first retirement; a Reverie that predates it ignores it): it verifies the audit events keyed under the retired key
and opens nothing. Every read-modify-write of the key file (rotate, retire) holds an exclusive advisory lock on
``<key file>.lock`` and reads the file inside it, so two at once cannot lose a key. Erasing a client means
deleting their wrapped data key ("crypto-shredding"): every copy of their ciphertext, backups included,
becomes unreadable.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from reverie.errors import Conflict, InvalidInput, KeyUnavailable, NotFound
from reverie.files import ensure_private_dir, is_private, write_private_atomic
from reverie.vault.blob import KEY_BYTES, BlobLike, check_kid, key_id, open_blob, parse_blob, seal_blob

KEYFILE_FORMAT = "reverie.keyfile/1"
ENV_VAR = "REVERIE_MASTER_KEY"
WRAP_MAGIC = b"RVK"
_WRAP_CONTEXT = "reverie.wrap/1"
_WHAT = "wrapped data key"
_CHAIN_CONTEXT = b"reverie.audit-chain/1"
_CREATE_HINT = (
    "restore the key file from your backup and point REVERIE_KEY_FILE at it, or set REVERIE_MASTER_KEY "
    "(a new, empty installation gets its key file from `reverie serve` or `reverie user create`, the first command"
    " that stores something; a command that only reads, such as `reverie doctor`, never creates it)"
)


@dataclass(frozen=True)
class DataKey:
    """A client's 32-byte data key. Its ``repr`` never shows the key."""

    material: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.material, bytes) or len(self.material) != KEY_BYTES:
            raise InvalidInput(f"A data key is exactly {KEY_BYTES} bytes.")

    @classmethod
    def generate(cls) -> DataKey:
        """A fresh random data key."""
        return cls(secrets.token_bytes(KEY_BYTES))

    @cached_property
    def kid(self) -> str:
        """A non-secret id derived from the key, written into every blob it seals. Derived once a key object (issue
        16: an HMAC twice a decryption, 62 times a journal search page); the object is the key's, which holds the
        material itself, and the id is in every blob in the clear."""
        return key_id("dk", self.material)


def chain_key_of(master: bytes) -> bytes:
    """The audit chain key derived from a master key (one-way: it verifies audit digests and opens nothing)."""
    return hmac.new(master, _CHAIN_CONTEXT, hashlib.sha256).digest()


@dataclass(frozen=True)
class MasterKeyring:
    """The master keys one process can use: ``active`` wraps new data keys, all of them unwrap.

    ``retired_chain_keys`` holds, for each retired master key, only its audit chain key."""

    active: str
    keys: Mapping[str, bytes] = field(repr=False)
    retired_chain_keys: Mapping[str, bytes] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.active not in self.keys:
            raise InvalidInput("The active master key id must be one of the keys.")
        object.__setattr__(self, "keys", MappingProxyType(dict(self.keys)))
        object.__setattr__(self, "retired_chain_keys", MappingProxyType(dict(self.retired_chain_keys)))

    def chain_key(self, kid: str) -> bytes | None:
        """The audit chain key of master key ``kid`` (in the ring or retired); None when neither is known."""
        material = self.keys.get(kid)
        if material is not None:
            return chain_key_of(material)
        return self.retired_chain_keys.get(kid)

    @property
    def kids(self) -> tuple[str, ...]:
        """Every key id in the ring, sorted."""
        return tuple(sorted(self.keys))

    def wrap(self, data_key: DataKey, client_id: str) -> bytes:
        """Seal ``data_key`` under the active master key, bound to ``client_id``."""
        return seal_blob(
            magic=WRAP_MAGIC,
            key=self.keys[self.active],
            kid=self.active,
            plaintext=data_key.material,
            context=_WRAP_CONTEXT,
            bound=(_check_client(client_id),),
        )

    def unwrap(self, blob: BlobLike, client_id: str) -> DataKey:
        """Open a wrapped data key; a wrong client or altered blob raises ``IntegrityError``."""
        parsed = parse_blob(blob, magic=WRAP_MAGIC, what=_WHAT)
        key = self.keys.get(parsed.kid)
        if key is None:
            raise KeyUnavailable(
                f"This client's data key is wrapped under master key '{parsed.kid}', which is not in the "
                "loaded key ring: restore that key into the key file (it may have been retired too early, "
                "come from another key file, or the wrap was altered)."
            )
        material = open_blob(
            parsed, key=key, context=_WRAP_CONTEXT, bound=(_check_client(client_id),), what=_WHAT
        )
        return DataKey(material)

    def rewrap(self, blob: BlobLike, client_id: str) -> bytes:
        """Re-wrap a data key under the active master key (after a rotation)."""
        return self.wrap(self.unwrap(blob, client_id), client_id)

    def wrapped_by(self, blob: BlobLike) -> str:
        """The master key id named in a wrap's header (not authenticated; for finding wraps to rewrap)."""
        return parse_blob(blob, magic=WRAP_MAGIC, what=_WHAT).kid

    def needs_rewrap(self, blob: BlobLike) -> bool:
        """True when a wrap was made under a key other than the active one."""
        return self.wrapped_by(blob) != self.active


def load_keyring(path: Path | None, env_value: str | None) -> MasterKeyring:
    """Load the master key ring: ``env_value`` (REVERIE_MASTER_KEY) wins over the key file at ``path``.

    ``env_value`` holds either a base64 32-byte key or the key-file JSON. Anything missing, unreadable,
    malformed or readable by group/others raises ``KeyUnavailable`` saying what to fix.
    """
    if env_value is not None and env_value.strip():
        return _keyring_from_env(env_value.strip())
    if path is None:
        raise KeyUnavailable(f"No master key is configured: {_CREATE_HINT}.")
    return _keyring_from_document(_read_key_file(path), source=f"key file {path}")


def create_key_file(path: Path) -> str:
    """Write a new key file with one fresh master key; refuse to overwrite. Returns the new key id."""
    if path.exists():
        raise Conflict(f"Key file {path} already exists; Reverie never overwrites a key file.")
    material = secrets.token_bytes(KEY_BYTES)
    kid = key_id("mk", material)
    ensure_private_dir(path.parent)
    try:
        write_private_atomic(path, _render({kid: material}, kid), overwrite=False)
    except FileExistsError:
        raise Conflict(f"Key file {path} already exists; Reverie never overwrites a key file.") from None
    return kid


def rotate_key_file(path: Path) -> str:
    """Add a fresh master key to the key file and make it active; old keys stay. Returns the new key id.

    Holds the key file's lock and reads the file inside it: concurrent rotations (and retirements) of the same file
    run one after the other, and every new key stays in the file.
    """
    with _key_file_lock(path):
        ring = _read_ring(path)
        material = secrets.token_bytes(KEY_BYTES)
        kid = key_id("mk", material)
        write_private_atomic(path, _render({**ring.keys, kid: material}, kid, ring.retired_chain_keys))
    return kid


def retire_key(path: Path, kid: str, *, still_used: Callable[[str], None] | None = None) -> None:
    """Remove an old master key from the key file once every wrap made under it has been re-wrapped.

    Refuses the active key (``Conflict``) and an unknown one (``NotFound``). ``still_used(kid)`` runs inside the key
    file's lock, after the file was read again, and raises (``Conflict``) to refuse while something still needs the
    key. The key's audit chain key stays in the file (``retired_chain_keys``), so audit events keyed under it still
    verify.
    """
    try:
        check_kid(kid)
    except ValueError:  # empty, huge or malformed: named by its shape, never echoed back
        raise InvalidInput(
            "A master key id is 1-64 of A-Z a-z 0-9 . _ - (`reverie keys list` shows them)."
        ) from None
    with _key_file_lock(path):
        ring = _read_ring(path)
        if kid not in ring.keys:
            if kid in ring.retired_chain_keys:
                raise NotFound(f"Master key '{kid}' was already retired from key file {path}.")
            raise NotFound(f"Key file {path} has no master key '{kid}'.")
        if kid == ring.active:
            raise Conflict(f"Master key '{kid}' is the active key; rotate first, re-wrap, then retire it.")
        if still_used is not None:
            still_used(kid)
        remaining = {other: key for other, key in ring.keys.items() if other != kid}
        retired = {**ring.retired_chain_keys, kid: chain_key_of(ring.keys[kid])}
        write_private_atomic(path, _render(remaining, ring.active, retired))


def _read_ring(path: Path) -> MasterKeyring:
    return _keyring_from_document(_read_key_file(path), source=f"key file {path}")


@contextlib.contextmanager
def _key_file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``<key file>.lock`` (created 0600) for a whole read-modify-write.

    Every process that rewrites the key file takes it, so no write is made from a ring read before another
    process's write. Windows has no ``fcntl``: there nothing is locked (as before), and rotations of one key file
    must be run one at a time.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    lock = path.with_name(path.name + ".lock")
    try:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except OSError as error:
        raise KeyUnavailable(
            f"The key file's lock {lock} cannot be opened ({error.strerror or type(error).__name__}); "
            "check that the key file's folder belongs to the user running Reverie."
        ) from None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def require_private(path: Path, *, what: str = "Key file") -> None:
    """Refuse (``KeyUnavailable``, E510) a key file that group or others may read or write: the one check for every
    key file (``keys.json``, ``backup-keys.json``), wherever it is read (backup, restore, doctor, every command).
    A missing file is left to the caller (it says what a missing file means for it)."""
    info = path.stat()
    if os.name != "nt" and not is_private(info.st_mode):
        raise KeyUnavailable(
            f"{what} {path} is readable or writable by group or others "
            f"(mode {info.st_mode & 0o777:o}); run `chmod 600 {path}` and check who could have copied it."
        )


def _read_key_file(path: Path) -> Any:
    try:
        require_private(path)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeyUnavailable(f"Key file {path} does not exist: {_CREATE_HINT}.") from None
    except OSError as error:
        raise KeyUnavailable(
            f"Key file {path} cannot be read ({error.strerror or type(error).__name__}); "
            "check that it is a file owned by the user running Reverie."
        ) from None
    return _parse_json(raw, source=f"key file {path}")


def _keyring_from_env(value: str) -> MasterKeyring:
    source = f"{ENV_VAR} (environment)"
    if value.startswith("{"):
        return _keyring_from_document(_parse_json(value.encode("utf-8"), source=source), source=source)
    material = _decode_key(value, source=source, kid="(bare key)")
    kid = key_id("mk", material)
    return MasterKeyring(active=kid, keys={kid: material})


def _parse_json(raw: bytes, *, source: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise KeyUnavailable(
            f"The {source} is not valid JSON; restore it from your key backup (format {KEYFILE_FORMAT})."
        ) from None


def _keyring_from_document(document: Any, *, source: str) -> MasterKeyring:
    if not isinstance(document, dict):
        raise KeyUnavailable(f"The {source} is not a JSON object; expected format {KEYFILE_FORMAT}.")
    _check_format(document.get("format"), source)
    keys = document.get("keys")
    active = document.get("active")
    if not isinstance(keys, dict) or not keys:
        raise KeyUnavailable(f"The {source} has no 'keys' object with at least one key.")
    ring = {
        _check_doc_kid(kid, source): _decode_key(value, source=source, kid=kid) for kid, value in keys.items()
    }
    if not isinstance(active, str) or active not in ring:
        raise KeyUnavailable(f"The {source} names an 'active' key that is not among its 'keys'.")
    retired = document.get("retired_chain_keys", {})
    if not isinstance(retired, dict):
        raise KeyUnavailable(f"The {source} has a 'retired_chain_keys' that is not an object.")
    chain_keys = {
        _check_doc_kid(kid, source): _decode_key(value, source=source, kid=kid)
        for kid, value in retired.items()
    }
    return MasterKeyring(active=active, keys=ring, retired_chain_keys=chain_keys)


def _check_format(value: object, source: str) -> None:
    if value == KEYFILE_FORMAT:
        return
    if isinstance(value, str) and value.startswith("reverie.keyfile/"):
        raise KeyUnavailable(f"The {source} has format '{value}', newer than this Reverie; upgrade Reverie.")
    raise KeyUnavailable(f'The {source} lacks "format": "{KEYFILE_FORMAT}"; it is not a Reverie key file.')


def _check_doc_kid(kid: str, source: str) -> str:
    try:
        return check_kid(kid)
    except ValueError:
        raise KeyUnavailable(f"The {source} has a malformed key id (1-64 of A-Z a-z 0-9 . _ -).") from None


def _decode_key(value: object, *, source: str, kid: str) -> bytes:
    problem = f"The {source}: key {kid} is not base64 of exactly {KEY_BYTES} bytes"
    if not isinstance(value, str):
        raise KeyUnavailable(f"{problem}.")
    try:
        material = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeyUnavailable(f"{problem}.") from None
    if len(material) != KEY_BYTES:
        raise KeyUnavailable(f"{problem} (it decodes to {len(material)} bytes).")
    return material


def _render(keys: Mapping[str, bytes], active: str, retired: Mapping[str, bytes] | None = None) -> bytes:
    document: dict[str, Any] = {
        "format": KEYFILE_FORMAT,
        "active": active,
        "keys": {kid: base64.b64encode(material).decode("ascii") for kid, material in sorted(keys.items())},
    }
    if retired:  # only once a key was retired: files without retirements keep their exact old shape
        document["retired_chain_keys"] = {
            kid: base64.b64encode(material).decode("ascii") for kid, material in sorted(retired.items())
        }
    return (json.dumps(document, indent=2) + "\n").encode("utf-8")


def _check_client(client_id: str) -> str:
    if not isinstance(client_id, str) or not client_id:
        raise InvalidInput("A client id must be a non-empty string.")
    return client_id
