"""Envelopes: a client's free text and attachments sealed under their data key.

A sealed blob names the data key that sealed it and is bound to one client, one record and one purpose
(``entry.payload``, ``attachment.data``, ``note.process`` ...): copied to another record, client or purpose it
no longer opens. The byte layout is in :mod:`reverie.vault.blob` and docs/security.md.
"""

from __future__ import annotations

import re

from reverie.errors import IntegrityError, InvalidInput
from reverie.vault.blob import BlobLike, open_blob, parse_blob, seal_blob
from reverie.vault.keys import DataKey

SEAL_MAGIC = b"RVE"
# The purposes Reverie seals under (any dotted lower-case name works; these are the ones in use).
ENTRY_PAYLOAD = "entry.payload"
ENTRY_REVISION = "entry.revision"
ATTACHMENT_NAME = "attachment.name"
ATTACHMENT_DATA = "attachment.data"
NOTE_PROCESS = "note.process"
_CONTEXT = "reverie.seal/1"
_WHAT = "encrypted field"
_PURPOSE = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*")


def seal(data_key: DataKey, plaintext: bytes, *, client_id: str, record_id: str, purpose: str) -> bytes:
    """Encrypt ``plaintext`` for one client, record and purpose."""
    return seal_blob(
        magic=SEAL_MAGIC,
        key=data_key.material,
        kid=data_key.kid,
        plaintext=plaintext,
        context=_CONTEXT,
        bound=_binding(client_id, record_id, purpose),
    )


def open_sealed(data_key: DataKey, blob: BlobLike, *, client_id: str, record_id: str, purpose: str) -> bytes:
    """Decrypt a blob made by :func:`seal` with the same key, client, record and purpose.

    Anything else (a flipped byte, truncation, another binding, another key, an unknown format version)
    raises ``IntegrityError``; the message names no plaintext and no key material.
    """
    bound = _binding(client_id, record_id, purpose)
    parsed = parse_blob(blob, magic=SEAL_MAGIC, what=_WHAT)
    if parsed.kid != data_key.kid:
        raise IntegrityError(
            f"The {_WHAT} (record {record_id}, {purpose}) was sealed under data key '{parsed.kid}', "
            f"not this client's key '{data_key.kid}'."
        )
    return open_blob(parsed, key=data_key.material, context=_CONTEXT, bound=bound, what=_WHAT)


def sealed_with(blob: BlobLike) -> str:
    """The data key id named in a blob's header (not authenticated)."""
    return parse_blob(blob, magic=SEAL_MAGIC, what=_WHAT).kid


def _binding(client_id: str, record_id: str, purpose: str) -> tuple[str, str, str]:
    for name, value in (("client_id", client_id), ("record_id", record_id)):
        if not isinstance(value, str) or not value:
            raise InvalidInput(f"{name} must be a non-empty string.")
    if not isinstance(purpose, str) or not _PURPOSE.fullmatch(purpose):
        raise InvalidInput("A purpose is dotted lower-case words, e.g. 'entry.body'.")
    return client_id, record_id, purpose
