"""The sealed-blob format shared by encrypted fields and wrapped data keys.

Layout (all blobs, version 1; docs/security.md describes it for readers)::

    offset  size  field
    0       3     magic: b"RVE" encrypted field, b"RVK" wrapped data key
    3       1     format version (1)
    4       1     algorithm id: 1 = AES-256-GCM-SIV, 2 = AES-256-GCM
    5       1     key id length n (1..64)
    6       n     key id, ASCII [A-Za-z0-9._-]
    6+n     12    nonce (random)
    18+n    ...   ciphertext followed by the 16-byte authentication tag

The associated data is the header (bytes 0 .. 6+n) followed by a context label and the bound identifiers,
each prefixed with its 4-byte big-endian length, so no two different bindings share an encoding.
``cryptography`` is imported lazily: the CLI's ``--help`` must not pay for it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from reverie.errors import ConfigurationError, IntegrityError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESGCMSIV

FORMAT_VERSION = 1
ALG_AES_256_GCM_SIV = 1
ALG_AES_256_GCM = 2
ALGORITHM_NAMES = {ALG_AES_256_GCM_SIV: "AES-256-GCM-SIV", ALG_AES_256_GCM: "AES-256-GCM"}
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
KID_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,64}")
_FIXED_HEADER_BYTES = 6

BlobLike = bytes | bytearray | memoryview


@dataclass(frozen=True)
class ParsedBlob:
    """A blob split into its parts; nothing in it has been authenticated yet."""

    magic: bytes
    algorithm: int
    kid: str
    header: bytes
    nonce: bytes
    ciphertext: bytes


def key_id(prefix: str, key: bytes) -> str:
    """A short, stable key id derived from the key by HMAC; it reveals nothing about the key."""
    digest = hmac.new(key, b"reverie.vault.key-id/1", hashlib.sha256).digest()
    return f"{prefix}-{digest[:6].hex()}"


def check_kid(kid: str) -> str:
    """Return ``kid`` when it is a valid key id; raise ``ValueError`` otherwise."""
    if not KID_PATTERN.fullmatch(kid):
        raise ValueError("a key id is 1-64 characters from A-Z a-z 0-9 . _ -")
    return kid


def seal_blob(
    *,
    magic: bytes,
    key: bytes,
    kid: str,
    plaintext: bytes,
    context: str,
    bound: Sequence[str],
    algorithm: int | None = None,
) -> bytes:
    """Encrypt ``plaintext`` under ``key`` into a blob whose header names ``kid``."""
    chosen = preferred_algorithm() if algorithm is None else algorithm
    header = _header(magic, chosen, check_kid(kid))
    nonce = os.urandom(NONCE_BYTES)
    sealed = _cipher(chosen, key).encrypt(nonce, plaintext, associated_data(header, context, bound))
    return header + nonce + sealed


def parse_blob(blob: BlobLike, *, magic: bytes, what: str) -> ParsedBlob:
    """Split a blob into header, nonce and ciphertext; any malformed part raises ``IntegrityError``."""
    data = bytes(blob)
    if len(data) < _FIXED_HEADER_BYTES or data[:3] != magic:
        raise IntegrityError(f"The {what} is not a Reverie sealed blob (wrong marker or too short).")
    if data[3] != FORMAT_VERSION:
        raise IntegrityError(f"The {what} uses format version {data[3]}, which this Reverie cannot read.")
    if data[4] not in ALGORITHM_NAMES:
        raise IntegrityError(f"The {what} names an unknown algorithm id {data[4]}.")
    end = _FIXED_HEADER_BYTES + data[5]
    kid = _decode_kid(data[_FIXED_HEADER_BYTES:end], what)
    if len(data) < end + NONCE_BYTES + TAG_BYTES:
        raise IntegrityError(f"The {what} is truncated.")
    nonce, ciphertext = data[end : end + NONCE_BYTES], data[end + NONCE_BYTES :]
    return ParsedBlob(magic, data[4], kid, data[:end], nonce, ciphertext)


def open_blob(parsed: ParsedBlob, *, key: bytes, context: str, bound: Sequence[str], what: str) -> bytes:
    """Decrypt and authenticate a parsed blob; a failed check raises ``IntegrityError``."""
    from cryptography.exceptions import InvalidTag

    cipher = _cipher(parsed.algorithm, key)
    try:
        return cipher.decrypt(parsed.nonce, parsed.ciphertext, associated_data(parsed.header, context, bound))
    except InvalidTag:
        raise IntegrityError(
            f"The {what} failed its integrity check: it was altered, belongs to another record, "
            "client or purpose, or was sealed under another key."
        ) from None


def associated_data(header: bytes, context: str, bound: Sequence[str]) -> bytes:
    """Header bytes, then each of ``context`` and ``bound`` as 4-byte length + UTF-8 bytes."""
    parts = [header]
    for value in (context, *bound):
        encoded = value.encode("utf-8")
        parts.append(len(encoded).to_bytes(4, "big") + encoded)
    return b"".join(parts)


@cache
def preferred_algorithm() -> int:
    """AES-256-GCM-SIV when the installed OpenSSL offers it, else AES-256-GCM."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.ciphers.aead import AESGCMSIV

    try:
        AESGCMSIV(bytes(KEY_BYTES))
    except UnsupportedAlgorithm:  # pragma: no cover - depends on the OpenSSL build
        return ALG_AES_256_GCM
    return ALG_AES_256_GCM_SIV


def _header(magic: bytes, algorithm: int, kid: str) -> bytes:
    encoded = kid.encode("ascii")
    return magic + bytes((FORMAT_VERSION, algorithm, len(encoded))) + encoded


def _decode_kid(raw: bytes, what: str) -> str:
    try:
        return check_kid(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise IntegrityError(f"The {what} has a malformed key id.") from None


def _cipher(algorithm: int, key: bytes) -> AESGCM | AESGCMSIV:
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESGCMSIV

    if algorithm == ALG_AES_256_GCM:
        return AESGCM(key)
    try:
        return AESGCMSIV(key)
    except UnsupportedAlgorithm:  # pragma: no cover - depends on the OpenSSL build
        raise ConfigurationError(
            "This data was sealed with AES-256-GCM-SIV, which the installed OpenSSL does not offer; "
            "install a cryptography wheel built with OpenSSL 3.2 or later."
        ) from None
