"""A private recovery copy of text being saved from the command line, kept until the save is acknowledged.

The copy is sealed under the master key when one can be loaded; only when no key is available at all (the very
failure that may stop the save) is it kept as plain text, readable by its owner alone (mode 0600).
"""

from __future__ import annotations

import base64
import json
import uuid
from pathlib import Path

from reverie.errors import ReverieError
from reverie.files import write_private_atomic

RECOVERY_CLIENT = "recovery"


def _folder(data_dir: Path) -> Path:
    folder = data_dir / "recovery"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def keep(data_dir: Path, text: str, key_file: Path, env_key: str | None) -> Path:
    path = _folder(data_dir) / f"{uuid.uuid4()}.json"
    doc: dict[str, str]
    try:
        from reverie.vault.envelope import seal
        from reverie.vault.keys import DataKey, load_keyring

        ring = load_keyring(key_file, env_key)
        key = DataKey.generate()
        sealed = seal(key, text.encode(), client_id=RECOVERY_CLIENT, record_id=path.stem, purpose="recovery")
        doc = {
            "format": "reverie.recovery/1",
            "wrapped": base64.b64encode(ring.wrap(key, RECOVERY_CLIENT)).decode(),
            "sealed": base64.b64encode(sealed).decode(),
        }
    except ReverieError:
        doc = {"format": "reverie.recovery/1", "plain": text}
    write_private_atomic(path, json.dumps(doc).encode())
    return path


def read(path: Path, key_file: Path, env_key: str | None) -> str:
    doc = json.loads(path.read_text())
    if "plain" in doc:
        return str(doc["plain"])
    from reverie.vault.envelope import open_sealed
    from reverie.vault.keys import load_keyring

    ring = load_keyring(key_file, env_key)
    key = ring.unwrap(base64.b64decode(doc["wrapped"]), RECOVERY_CLIENT)
    sealed = base64.b64decode(doc["sealed"])
    return open_sealed(
        key, sealed, client_id=RECOVERY_CLIENT, record_id=path.stem, purpose="recovery"
    ).decode()


def pending(data_dir: Path) -> list[Path]:
    folder = data_dir / "recovery"
    return sorted(folder.glob("*.json")) if folder.exists() else []


def discard(path: Path) -> None:
    path.unlink(missing_ok=True)
