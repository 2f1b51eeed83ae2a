"""A data key's id (``DataKey.kid``, an HMAC of the key) is derived once a key object, not twice a decryption (issue
16, web under load: a journal search page opens 62 entries). Counted in derivations, never timed; what it names,
and what each blob records, is unchanged."""

from __future__ import annotations

import pytest

from reverie.errors import IntegrityError
from reverie.vault import envelope
from reverie.vault import keys as vault_keys
from reverie.vault.blob import key_id
from reverie.vault.keys import DataKey


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []

    def counted(prefix: str, key: bytes) -> str:
        made.append(prefix)
        return key_id(prefix, key)

    monkeypatch.setattr(vault_keys, "key_id", counted)
    return made


def test_kid_derived_once_for_many_openings(monkeypatch: pytest.MonkeyPatch) -> None:
    made = _counting(monkeypatch)
    key = DataKey(bytes(range(32)))
    blobs = [
        envelope.seal(key, f"entry {n}".encode(), client_id="7", record_id=f"r{n}", purpose="entry.payload")
        for n in range(10)
    ]
    for n, blob in enumerate(blobs):
        assert envelope.open_sealed(key, blob, client_id="7", record_id=f"r{n}", purpose="entry.payload") == (
            f"entry {n}".encode()
        )
    assert made == ["dk"]  # before: one for each seal and each opening (20 and more)


def test_kid_is_the_same_id_and_still_checked() -> None:
    key, other = DataKey(bytes(32)), DataKey(bytes([1]) * 32)
    assert key.kid == key_id("dk", bytes(32)) == DataKey(bytes(32)).kid
    assert key == DataKey(bytes(32)) and key != other and "material" not in repr(key)
    blob = envelope.seal(key, b"words", client_id="7", record_id="r", purpose="entry.payload")
    assert envelope.sealed_with(blob) == key.kid
    with pytest.raises(IntegrityError):  # another key is still refused by its id
        envelope.open_sealed(other, blob, client_id="7", record_id="r", purpose="entry.payload")
