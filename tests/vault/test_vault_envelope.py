"""Envelopes: round trip, tampering, moved ciphertexts, wrong keys, unknown versions."""

from __future__ import annotations

import pytest

from reverie.errors import IntegrityError, InvalidInput
from reverie.vault import blob
from reverie.vault.envelope import (
    ATTACHMENT_DATA,
    ENTRY_PAYLOAD,
    NOTE_PROCESS,
    open_sealed,
    seal,
    sealed_with,
)
from reverie.vault.keys import DataKey

CANARY = "canary-7f3e: I dreamt of the lighthouse again ✨ שלום e\u0301".encode()
BINDING = {"client_id": "client-1", "record_id": "entry-42", "purpose": ENTRY_PAYLOAD}


@pytest.fixture
def key() -> DataKey:
    return DataKey.generate()


@pytest.fixture
def sealed(key: DataKey) -> bytes:
    return seal(key, CANARY, **BINDING)


def test_envelope_round_trip_returns_plaintext(key: DataKey, sealed: bytes) -> None:
    assert open_sealed(key, sealed, **BINDING) == CANARY


def test_envelope_round_trip_accepts_memoryview_and_empty_plaintext(key: DataKey) -> None:
    blob_ = seal(key, b"", **BINDING)
    assert open_sealed(key, memoryview(blob_), **BINDING) == b""


def test_envelope_ciphertext_hides_plaintext(sealed: bytes) -> None:
    assert b"canary-7f3e" not in sealed
    assert b"lighthouse" not in sealed


def test_envelope_two_seals_of_same_text_differ(key: DataKey) -> None:
    assert seal(key, CANARY, **BINDING) != seal(key, CANARY, **BINDING)


def test_envelope_header_layout_is_as_documented(key: DataKey, sealed: bytes) -> None:
    kid = key.kid.encode("ascii")
    assert sealed[:3] == b"RVE"
    assert sealed[3] == 1
    assert sealed[4] in (blob.ALG_AES_256_GCM_SIV, blob.ALG_AES_256_GCM)
    assert sealed[5] == len(kid)
    assert sealed[6 : 6 + len(kid)] == kid
    assert len(sealed) == 6 + len(kid) + 12 + len(CANARY) + 16
    assert sealed_with(sealed) == key.kid


@pytest.mark.parametrize("position", [0, 2, 3, 4, 5, 8, 20, 30, 40, -17, -1])
def test_envelope_flipped_byte_raises_integrity_error(key: DataKey, sealed: bytes, position: int) -> None:
    tampered = bytearray(sealed)
    tampered[position] ^= 0x01
    with pytest.raises(IntegrityError):
        open_sealed(key, bytes(tampered), **BINDING)


def test_envelope_every_single_flip_is_detected(key: DataKey) -> None:
    sealed_ = seal(key, b"short", **BINDING)
    for position in range(len(sealed_)):
        tampered = bytearray(sealed_)
        tampered[position] ^= 0x80
        with pytest.raises(IntegrityError):
            open_sealed(key, bytes(tampered), **BINDING)


@pytest.mark.parametrize("length", [0, 1, 3, 5, 6, 20, 30, -1, -16])
def test_envelope_truncated_blob_raises_integrity_error(key: DataKey, sealed: bytes, length: int) -> None:
    with pytest.raises(IntegrityError):
        open_sealed(key, sealed[:length], **BINDING)


def test_envelope_appended_bytes_raise_integrity_error(key: DataKey, sealed: bytes) -> None:
    with pytest.raises(IntegrityError):
        open_sealed(key, sealed + b"\x00", **BINDING)


@pytest.mark.parametrize(
    "moved",
    [
        {"record_id": "entry-43"},
        {"client_id": "client-2"},
        {"purpose": ATTACHMENT_DATA},
        {"purpose": NOTE_PROCESS},
        {"client_id": "client-1e", "record_id": "ntry-42"},
    ],
)
def test_envelope_moved_ciphertext_raises_integrity_error(
    key: DataKey, sealed: bytes, moved: dict[str, str]
) -> None:
    with pytest.raises(IntegrityError):
        open_sealed(key, sealed, **{**BINDING, **moved})


def test_envelope_wrong_key_raises_integrity_error(sealed: bytes) -> None:
    with pytest.raises(IntegrityError, match="sealed under data key"):
        open_sealed(DataKey.generate(), sealed, **BINDING)


def test_envelope_forged_key_id_with_wrong_key_still_fails(key: DataKey) -> None:
    other = DataKey.generate()
    forged = seal(other, CANARY, **BINDING).replace(other.kid.encode(), key.kid.encode())
    with pytest.raises(IntegrityError):
        open_sealed(key, forged, **BINDING)


@pytest.mark.parametrize("version", [0, 2, 255])
def test_envelope_unknown_format_version_raises_integrity_error(
    key: DataKey, sealed: bytes, version: int
) -> None:
    changed = sealed[:3] + bytes([version]) + sealed[4:]
    with pytest.raises(IntegrityError, match=f"format version {version}"):
        open_sealed(key, changed, **BINDING)


def test_envelope_unknown_algorithm_raises_integrity_error(key: DataKey, sealed: bytes) -> None:
    changed = sealed[:4] + b"\x09" + sealed[5:]
    with pytest.raises(IntegrityError, match="unknown algorithm"):
        open_sealed(key, changed, **BINDING)


def test_envelope_wrapped_key_blob_is_not_an_envelope(key: DataKey, sealed: bytes) -> None:
    with pytest.raises(IntegrityError, match="not a Reverie sealed blob"):
        open_sealed(key, b"RVK" + sealed[3:], **BINDING)


@pytest.mark.parametrize("algorithm", [blob.ALG_AES_256_GCM, blob.ALG_AES_256_GCM_SIV])
def test_envelope_opens_blobs_of_either_algorithm(key: DataKey, algorithm: int) -> None:
    made = blob.seal_blob(
        magic=b"RVE",
        key=key.material,
        kid=key.kid,
        plaintext=CANARY,
        context="reverie.seal/1",
        bound=(BINDING["client_id"], BINDING["record_id"], BINDING["purpose"]),
        algorithm=algorithm,
    )
    assert made[4] == algorithm
    assert open_sealed(key, made, **BINDING) == CANARY


def test_envelope_error_messages_hold_no_plaintext_or_key(key: DataKey, sealed: bytes) -> None:
    failures: list[IntegrityError] = []
    for attempt in (sealed[:-1], sealed[:10], b"RVE\x02" + sealed[4:]):
        with pytest.raises(IntegrityError) as caught:
            open_sealed(key, attempt, **BINDING)
        failures.append(caught.value)
    with pytest.raises(IntegrityError) as caught:
        open_sealed(DataKey.generate(), sealed, **BINDING)
    failures.append(caught.value)
    for failure in failures:
        text = str(failure)
        assert "canary" not in text and "lighthouse" not in text
        assert key.material.hex() not in text
        assert failure.code == "E500"


@pytest.mark.parametrize(
    "binding",
    [
        {"client_id": "", "record_id": "r", "purpose": ENTRY_PAYLOAD},
        {"client_id": "c", "record_id": "", "purpose": ENTRY_PAYLOAD},
        {"client_id": "c", "record_id": "r", "purpose": "Entry Body"},
        {"client_id": "c", "record_id": "r", "purpose": ""},
    ],
)
def test_envelope_seal_rejects_bad_binding(key: DataKey, binding: dict[str, str]) -> None:
    with pytest.raises(InvalidInput):
        seal(key, b"x", **binding)


def test_envelope_data_key_repr_hides_material(key: DataKey) -> None:
    assert key.material.hex() not in repr(key)
    assert repr(key.material) not in repr(key)


def test_envelope_data_key_rejects_wrong_length() -> None:
    with pytest.raises(InvalidInput):
        DataKey(b"\x00" * 31)
