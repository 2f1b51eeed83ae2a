"""Master key ring and key file: creation, permissions, env override, wrapping, rotation, malformed files."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reverie.errors import Conflict, IntegrityError, KeyUnavailable, NotFound
from reverie.vault.keys import (
    DataKey,
    MasterKeyring,
    create_key_file,
    load_keyring,
    retire_key,
    rotate_key_file,
)


@pytest.fixture
def key_file(tmp_path: Path) -> Path:
    path = tmp_path / "keys" / "master.json"
    create_key_file(path)
    return path


def _b64(material: bytes) -> str:
    return base64.b64encode(material).decode("ascii")


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


def test_keys_create_key_file_is_private_and_loadable(tmp_path: Path) -> None:
    path = tmp_path / "new" / "master.json"
    kid = create_key_file(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    document = json.loads(path.read_text())
    assert document["format"] == "reverie.keyfile/1"
    assert document["active"] == kid
    assert len(base64.b64decode(document["keys"][kid])) == 32
    assert load_keyring(path, None).active == kid
    assert [p.name for p in path.parent.iterdir()] == ["master.json"]


def test_keys_create_key_file_refuses_to_overwrite(key_file: Path) -> None:
    before = key_file.read_bytes()
    with pytest.raises(Conflict, match="already exists"):
        create_key_file(key_file)
    assert key_file.read_bytes() == before


def test_keys_create_key_file_makes_distinct_keys(tmp_path: Path) -> None:
    assert create_key_file(tmp_path / "a.json") != create_key_file(tmp_path / "b.json")


def test_keys_wrap_round_trip(key_file: Path) -> None:
    ring = load_keyring(key_file, None)
    data_key = DataKey.generate()
    wrapped = ring.wrap(data_key, "client-1")
    assert data_key.material not in wrapped
    assert wrapped[:3] == b"RVK"
    assert ring.unwrap(wrapped, "client-1") == data_key


def test_keys_unwrap_for_another_client_raises_integrity_error(key_file: Path) -> None:
    ring = load_keyring(key_file, None)
    wrapped = ring.wrap(DataKey.generate(), "client-1")
    with pytest.raises(IntegrityError):
        ring.unwrap(wrapped, "client-2")


@pytest.mark.parametrize("position", [3, 4, 25, 40, -1])
def test_keys_unwrap_tampered_raises_integrity_error(key_file: Path, position: int) -> None:
    ring = load_keyring(key_file, None)
    wrapped = bytearray(ring.wrap(DataKey.generate(), "client-1"))
    wrapped[position] ^= 0x04
    with pytest.raises(IntegrityError):
        ring.unwrap(bytes(wrapped), "client-1")


@pytest.mark.parametrize(("position", "value"), [(5, 11), (10, ord("z"))])
def test_keys_unwrap_with_altered_key_id_raises_key_unavailable(
    key_file: Path, position: int, value: int
) -> None:
    ring = load_keyring(key_file, None)
    wrapped = bytearray(ring.wrap(DataKey.generate(), "client-1"))
    assert wrapped[position] != value  # length 15 -> 11, or a hex digit -> "z": still a well-formed key id
    wrapped[position] = value
    with pytest.raises(KeyUnavailable, match="altered"):
        ring.unwrap(bytes(wrapped), "client-1")


def test_keys_unwrap_with_another_key_file_raises_key_unavailable(key_file: Path, tmp_path: Path) -> None:
    wrapped = load_keyring(key_file, None).wrap(DataKey.generate(), "client-1")
    other = tmp_path / "other.json"
    create_key_file(other)
    with pytest.raises(KeyUnavailable, match="not in the loaded key ring"):
        load_keyring(other, None).unwrap(wrapped, "client-1")


def test_keys_unwrap_with_same_kid_but_wrong_key_raises_integrity_error(key_file: Path) -> None:
    ring = load_keyring(key_file, None)
    wrapped = ring.wrap(DataKey.generate(), "client-1")
    impostor = MasterKeyring(active=ring.active, keys={ring.active: b"\x01" * 32})
    with pytest.raises(IntegrityError):
        impostor.unwrap(wrapped, "client-1")


def test_keys_rotation_keeps_old_wraps_opening(key_file: Path) -> None:
    old_ring = load_keyring(key_file, None)
    data_key = DataKey.generate()
    old_wrap = old_ring.wrap(data_key, "client-1")
    new_kid = rotate_key_file(key_file)
    ring = load_keyring(key_file, None)
    assert ring.active == new_kid != old_ring.active
    assert set(ring.kids) == {old_ring.active, new_kid}
    assert ring.unwrap(old_wrap, "client-1") == data_key
    assert ring.needs_rewrap(old_wrap)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600


def test_keys_rewrap_then_retire(key_file: Path) -> None:
    old_kid = load_keyring(key_file, None).active
    data_key = DataKey.generate()
    old_wrap = load_keyring(key_file, None).wrap(data_key, "client-1")
    rotate_key_file(key_file)
    ring = load_keyring(key_file, None)
    new_wrap = ring.rewrap(old_wrap, "client-1")
    assert ring.wrapped_by(new_wrap) == ring.active
    assert not ring.needs_rewrap(new_wrap)
    retire_key(key_file, old_kid)
    retired = load_keyring(key_file, None)
    assert retired.kids == (ring.active,)
    assert retired.unwrap(new_wrap, "client-1") == data_key
    with pytest.raises(KeyUnavailable, match=old_kid):
        retired.unwrap(old_wrap, "client-1")


def test_keys_retire_refuses_active_and_unknown(key_file: Path) -> None:
    active = load_keyring(key_file, None).active
    with pytest.raises(Conflict, match="active"):
        retire_key(key_file, active)
    with pytest.raises(NotFound):
        retire_key(key_file, "mk-nope")


def test_keys_env_bare_key_wins_over_file(key_file: Path) -> None:
    material = bytes(range(32))
    ring = load_keyring(key_file, _b64(material))
    assert list(ring.keys.values()) == [material]
    assert ring.active != load_keyring(key_file, None).active


def test_keys_env_json_document_is_accepted(tmp_path: Path) -> None:
    document = {
        "format": "reverie.keyfile/1",
        "active": "k2",
        "keys": {"k1": _b64(b"a" * 32), "k2": _b64(b"b" * 32)},
    }
    ring = load_keyring(tmp_path / "missing.json", json.dumps(document))
    assert ring.active == "k2"
    assert ring.kids == ("k1", "k2")


def test_keys_env_blank_falls_back_to_file(key_file: Path) -> None:
    assert load_keyring(key_file, "  \n").active == load_keyring(key_file, None).active


def test_keys_env_bare_key_matches_same_key_in_a_file(tmp_path: Path) -> None:
    material = bytes(range(32))
    env_ring = load_keyring(None, _b64(material))
    wrapped = env_ring.wrap(DataKey.generate(), "c")
    path = _write(
        tmp_path / "k.json",
        json.dumps(
            {
                "format": "reverie.keyfile/1",
                "active": env_ring.active,
                "keys": {env_ring.active: _b64(material)},
            }
        ),
    )
    assert load_keyring(path, None).unwrap(wrapped, "c") is not None


@pytest.mark.parametrize("value", ["not base64!!", _b64(b"short"), "{not json", '{"format": "x"}'])
def test_keys_env_malformed_raises_key_unavailable(value: str) -> None:
    with pytest.raises(KeyUnavailable, match="REVERIE_MASTER_KEY"):
        load_keyring(None, value)


def test_keys_no_file_and_no_env_raises_key_unavailable() -> None:
    with pytest.raises(KeyUnavailable, match="No master key"):
        load_keyring(None, None)


def test_keys_missing_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.json"
    with pytest.raises(KeyUnavailable, match="does not exist") as caught:
        load_keyring(path, None)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620, 0o660])
def test_keys_too_permissive_file_raises_key_unavailable(key_file: Path, mode: int) -> None:
    key_file.chmod(mode)
    with pytest.raises(KeyUnavailable, match="chmod 600"):
        load_keyring(key_file, None)


def test_keys_unreadable_path_raises_key_unavailable(tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.json"
    folder.mkdir(mode=0o700)
    with pytest.raises(KeyUnavailable, match="cannot be read"):
        load_keyring(folder, None)


def _doc(active: str, keys: dict[str, object], fmt: str = "reverie.keyfile/1") -> str:
    return json.dumps({"format": fmt, "active": active, "keys": keys})


GOOD = _b64(b"k" * 32)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "not valid JSON"),
        ("\xff\xfe", "not valid JSON"),
        ("[1, 2]", "not a JSON object"),
        (json.dumps({"active": "k", "keys": {"k": GOOD}}), "lacks"),
        (_doc("k", {"k": GOOD}, fmt="reverie.keyfile/9"), "newer than this Reverie"),
        (_doc("k", {}), "at least one key"),
        (_doc("x", {"k": GOOD}), "'active'"),
        (_doc("k", {"k": _b64(b"k" * 16)}), "16 bytes"),
        (_doc("k", {"k": 42}), "not base64"),
        (_doc("k", {"k": "@@@@"}), "not base64"),
        (_doc("k k", {"k k": GOOD}), "key id"),
    ],
)
def test_keys_malformed_file_raises_key_unavailable(tmp_path: Path, content: str, message: str) -> None:
    path = _write(tmp_path / "bad.json", content)
    with pytest.raises(KeyUnavailable, match=message) as caught:
        load_keyring(path, None)
    assert str(path) in str(caught.value)
    assert caught.value.code == "E510"


def test_keys_error_messages_never_hold_key_material(tmp_path: Path) -> None:
    secret = _b64(b"s" * 16)
    path = _write(
        tmp_path / "bad.json",
        json.dumps({"format": "reverie.keyfile/1", "active": "k", "keys": {"k": secret}}),
    )
    with pytest.raises(KeyUnavailable) as caught:
        load_keyring(path, None)
    assert secret not in str(caught.value)
    with pytest.raises(KeyUnavailable) as caught:
        load_keyring(None, secret)
    assert secret not in str(caught.value)


def test_keys_keyring_repr_hides_material(key_file: Path) -> None:
    ring = load_keyring(key_file, None)
    text = repr(ring)
    for material in ring.keys.values():
        assert _b64(material) not in text
        assert repr(material) not in text


_ROTATE_IN_CHILD = """
import sys, time
from pathlib import Path
import reverie.vault.keys as keys

path, go, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
write = keys.write_private_atomic


def slow_write(*args, **kwargs):  # widen the read-modify-write window so that a missing lock shows every time
    time.sleep(0.01)
    write(*args, **kwargs)


keys.write_private_atomic = slow_write
while not go.exists():
    time.sleep(0.001)
print(" ".join(keys.rotate_key_file(path) for _ in range(rounds)))
"""


@pytest.mark.skipif(
    os.name == "nt", reason="the key-file lock needs fcntl (Windows keeps one rotation at a time)"
)
def test_keys_concurrent_rotations_keep_every_key(key_file: Path, tmp_path: Path) -> None:
    """Two processes rotating the same key file at once: every new key stays in the file (none is lost)."""
    first = load_keyring(key_file, None).active
    go = tmp_path / "go"
    rounds = 10
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _ROTATE_IN_CHILD, str(key_file), str(go), str(rounds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    time.sleep(0.3)  # let both start and wait on the signal
    go.touch()
    made: set[str] = set()
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        made |= set(out.split())
    assert len(made) == 2 * rounds
    ring = load_keyring(key_file, None)
    assert set(ring.kids) == made | {first}
    assert ring.active in made


def test_keys_retire_keeps_only_the_audit_chain_key(key_file: Path) -> None:
    old = load_keyring(key_file, None)
    rotate_key_file(key_file)
    retire_key(key_file, old.active)
    ring = load_keyring(key_file, None)
    assert old.active not in ring.keys
    assert ring.chain_key(old.active) == old.chain_key(old.active) is not None
    assert ring.chain_key(ring.active) is not None and ring.chain_key("mk-nope") is None
    stored = json.loads(key_file.read_text())
    assert base64.b64encode(old.keys[old.active]).decode() not in key_file.read_text()
    assert set(stored["retired_chain_keys"]) == {old.active}
    rotate_key_file(key_file)  # a later rotation keeps what retirement left
    assert load_keyring(key_file, None).chain_key(old.active) == old.chain_key(old.active)
    with pytest.raises(NotFound, match="already retired"):
        retire_key(key_file, old.active)


def test_keys_retire_refused_by_its_check_changes_nothing(key_file: Path) -> None:
    old = load_keyring(key_file, None).active
    rotate_key_file(key_file)
    before = key_file.read_bytes()

    def still_used(kid: str) -> None:
        raise Conflict(f"'{kid}' still wraps 1 data keys")

    with pytest.raises(Conflict, match="still wraps 1"):
        retire_key(key_file, old, still_used=still_used)
    assert key_file.read_bytes() == before


@pytest.mark.skipif(os.name == "nt", reason="no fcntl lock on Windows")
def test_keys_rotation_lock_file_is_private(key_file: Path) -> None:
    rotate_key_file(key_file)
    lock = key_file.with_name(key_file.name + ".lock")
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
