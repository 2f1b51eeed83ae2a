"""A journal search's words in an address, sealed: ``/journal/?s=<sealed>`` (review r75).

The search form is a POST (its words stay out of the address, r68, h79); its answer is a redirect to a GET
(POST/redirect/GET), so Back from an entry shows the results again instead of the browser's "Confirm Form
Resubmission" page. That GET's ``s`` holds the words and the kind encrypted and authenticated (AES-256-GCM, a key
derived by HKDF from ``SECRET_KEY`` and a salt of the seal's own, the account id as additional data), with the time
it was made: only this server can read it, only for the account that searched, and only for an hour
(:data:`MAX_AGE`). Nothing is stored on the server (not in the session either): a proxy's access log or the
browser's history keeps only ciphertext. A seal made under a key in ``SECRET_KEY_FALLBACKS`` still opens.
"""

from __future__ import annotations

import base64
import json
import os
import time

VERSION = "1"
INFO = b"reverie.web.search-seal/1"
MAX_AGE = 3600  # seconds a sealed search opens for


def now() -> float:
    """The clock (a process edge: tests move it)."""
    return time.time()


def _secrets() -> list[str]:
    from django.conf import settings

    return [
        str(settings.SECRET_KEY),
        *(str(k) for k in getattr(settings, "SECRET_KEY_FALLBACKS", None) or ()),
    ]


def _key(salt: bytes, secret: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=INFO).derive(secret.encode())


def _aad(user_id: int) -> bytes:
    return f"{VERSION}\njournal-search\n{user_id}".encode()


def seal(user_id: int, query: str, kind: str) -> str:
    """The search (its words and kind) for an address, for ``user_id`` only, for :data:`MAX_AGE` seconds."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    plain = json.dumps({"q": query, "kind": kind, "at": int(now())}).encode()
    body = AESGCM(_key(salt, _secrets()[0])).encrypt(nonce, plain, _aad(user_id))
    return VERSION + "." + base64.urlsafe_b64encode(salt + nonce + body).decode().rstrip("=")


def open_sealed(token: str, user_id: int) -> tuple[str, str] | None:
    """(words, kind) of a sealed search for ``user_id``; None when it is not one, was made for another account,
    under a key this server no longer has, or more than :data:`MAX_AGE` seconds ago."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    version, _, rest = token.partition(".")
    if version != VERSION or len(rest) > 4096:
        return None
    try:
        raw = base64.urlsafe_b64decode(rest + "=" * (-len(rest) % 4))
    except ValueError:
        return None
    if len(raw) < 16 + 12 + 16:
        return None
    for secret in _secrets():
        try:
            plain = AESGCM(_key(raw[:16], secret)).decrypt(raw[16:28], raw[28:], _aad(user_id))
        except InvalidTag:
            continue
        try:
            loaded = json.loads(plain)
        except ValueError:
            return None
        if not isinstance(loaded, dict):
            return None
        query, kind, at = loaded.get("q"), loaded.get("kind"), loaded.get("at")
        if not isinstance(query, str) or not isinstance(kind, str) or not isinstance(at, int):
            return None
        if not -60 <= now() - at <= MAX_AGE:  # a minute's leeway for a clock set back
            return None
        return query, kind
    return None
