"""The one way the web edge seals something it hands to a browser and takes back (a draft carried through the
sign-in, ``drafts.seal``; a search in an address, ``search_seal``): AES-256-GCM under a key derived by HKDF-SHA256
from ``SECRET_KEY`` and a salt of the seal's own, with additional data that binds it to its account and use. Sealed
always under the current key; opened under it or any key in ``SECRET_KEY_FALLBACKS`` (Django's rotation). The
bytes are ``salt (16) + nonce (12) + ciphertext and tag``; each caller chooses how they are written into a page or
an address and names its own ``info`` (the format and use), so a seal made for one use never opens as another."""

from __future__ import annotations

import os

SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16


def secrets() -> list[str]:
    """The current ``SECRET_KEY`` first, then ``SECRET_KEY_FALLBACKS``."""
    from django.conf import settings

    return [
        str(settings.SECRET_KEY),
        *(str(k) for k in getattr(settings, "SECRET_KEY_FALLBACKS", None) or ()),
    ]


def _key(salt: bytes, secret: str, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret.encode())


def seal(plain: bytes, *, info: bytes, aad: bytes) -> bytes:
    """``plain`` sealed under the current key, for ``info`` and ``aad``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    return salt + nonce + AESGCM(_key(salt, secrets()[0], info)).encrypt(nonce, plain, aad)


def open_sealed(raw: bytes, *, info: bytes, aad: bytes) -> bytes | None:
    """What :func:`seal` sealed; None when ``raw`` is too short to be a seal, or was sealed for another ``info`` or
    ``aad``, or under a key that is neither ``SECRET_KEY`` nor one of its fallbacks."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(raw) < SALT_BYTES + NONCE_BYTES + TAG_BYTES:
        return None
    salt, nonce, body = (
        raw[:SALT_BYTES],
        raw[SALT_BYTES : SALT_BYTES + NONCE_BYTES],
        raw[SALT_BYTES + NONCE_BYTES :],
    )
    for secret in secrets():  # the current key, then the fallbacks
        try:
            return AESGCM(_key(salt, secret, info)).decrypt(nonce, body, aad)
        except InvalidTag:
            continue
    return None
