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
import time

from reverie.clinic.web import page_seal

VERSION = "1"
INFO = b"reverie.web.search-seal/1"
MAX_AGE = 3600  # seconds a sealed search opens for
# The longest search, in characters: the journal refuses a longer one up front, its words kept (r134: a 3,000-
# character search was sealed, then refused as too long a token and reported as "This search has ended"). The
# longest token a seal opens is derived from it, so both sides agree: each character is at most 6 bytes of JSON
# (UTF-8, 4; an escaped control character, 6), the rest of the JSON under 200, the seal's salt, nonce and tag 44.
MAX_QUERY = 1000
MAX_TOKEN = (
    -(-(6 * MAX_QUERY + 200 + page_seal.SALT_BYTES + page_seal.NONCE_BYTES + page_seal.TAG_BYTES) // 3) * 4
)


def now() -> float:
    """The clock (a process edge: tests move it)."""
    return time.time()


def _aad(user_id: int) -> bytes:
    return f"{VERSION}\njournal-search\n{user_id}".encode()


def seal(user_id: int, query: str, kind: str) -> str:
    """The search (its words and kind) for an address, for ``user_id`` only, for :data:`MAX_AGE` seconds. Words
    longer than :data:`MAX_QUERY` are refused (``ValueError``): the journal says so before it seals."""
    if len(query) > MAX_QUERY:
        raise ValueError("search words too long")
    plain = json.dumps({"q": query, "kind": kind, "at": int(now())}, ensure_ascii=False).encode()
    raw = page_seal.seal(plain, info=INFO, aad=_aad(user_id))
    return VERSION + "." + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def open_sealed(token: str, user_id: int) -> tuple[str, str] | None:
    """(words, kind) of a sealed search for ``user_id``; None when it is not one, was made for another account,
    under a key this server no longer has, or more than :data:`MAX_AGE` seconds ago."""
    version, _, rest = token.partition(".")
    if version != VERSION or len(rest) > MAX_TOKEN:
        return None
    try:
        raw = base64.urlsafe_b64decode(rest + "=" * (-len(rest) % 4))
    except ValueError:
        return None
    plain = page_seal.open_sealed(raw, info=INFO, aad=_aad(user_id))
    if plain is None:
        return None
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
