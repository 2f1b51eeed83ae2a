"""Damaged or hostile backup files and key files handed to ``reverie restore`` are plain errors, in bounded memory
(found by review r53)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from reverie.clinic.models import User
from reverie.clinic.services import journal
from reverie.clinic.services.backup import create_backup, restore_backup
from reverie.errors import InvalidInput

pytestmark = [pytest.mark.db, pytest.mark.django_db(transaction=True)]


def _emptied() -> None:
    call_command("flush", interactive=False, verbosity=0)


def _real_backup(make_user: Any, tmp_path: Path) -> dict[str, Any]:
    client = make_user()
    journal.create_entry(client, journal.EntryDraft(kind="reflection", body="words kept"))
    path = tmp_path / "real.json.gz"
    create_backup(path)
    doc: dict[str, Any] = json.loads(gzip.decompress(path.read_bytes()))
    return doc


def test_a_deeply_nested_backup_is_a_plain_error(tmp_path: Path, db: Any) -> None:
    """A gzip holding deeply nested JSON is refused with InvalidInput ("not a Reverie backup"), not a RecursionError."""
    path = tmp_path / "nested.json.gz"
    path.write_bytes(gzip.compress(b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(InvalidInput):
        restore_backup(path)


@pytest.mark.parametrize(
    "objects",
    [
        [42],
        [{"fields": {}}],
        [{"model": "clinic.entry"}],
        [{"model": "clinic.clientkey", "pk": 1, "fields": {}}],
    ],
)
def test_a_backup_whose_records_are_malformed_is_a_plain_error(
    make_user: Any, tmp_path: Path, objects: list[Any]
) -> None:
    """A backup of the right format whose records are not records (missing fields) is InvalidInput, nothing restored."""
    doc = _real_backup(make_user, tmp_path)
    doc["objects"] = objects
    _emptied()
    path = tmp_path / "damaged.json.gz"
    path.write_bytes(gzip.compress(json.dumps(doc).encode()))
    with pytest.raises(InvalidInput, match="is damaged") as refused:
        restore_backup(path)
    assert str(path) in refused.value.message
    assert not User.objects.exists()


_BOUNDED = r"""
import os, resource, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reverie.clinic.settings")
django.setup()
from pathlib import Path
from reverie.clinic.services import backup
from reverie.errors import InvalidInput
with open("/proc/self/status") as status:
    size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
resource.setrlimit(resource.RLIMIT_AS, (size + 1024**3, size + 1024**3))  # 1 GiB more than now
try:
    backup._read(Path(sys.argv[1]))
except InvalidInput as error:
    print("refused:", error.message)
    sys.exit(0)
except MemoryError:
    print("MemoryError")
    sys.exit(3)
print("read")
sys.exit(4)
"""


def test_a_gzip_bomb_backup_is_refused_within_bounded_memory(tmp_path: Path) -> None:
    """A backup of a few MB that unpacks to 8 GiB is refused in plain words, within 1 GiB more memory, never a MemoryError."""
    import os
    import subprocess
    import sys

    member = gzip.compress(b"\0" * (64 * 1024**2), compresslevel=9)
    path = tmp_path / "bomb.json.gz"
    with path.open("wb") as out:
        for _ in range(128):
            out.write(member)
    assert path.stat().st_size < 16 * 1024**2
    done = subprocess.run(
        [sys.executable, "-c", _BOUNDED, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ},
    )
    assert done.returncode == 0, (done.stdout, done.stderr[-2000:])
    assert "refused" in done.stdout


def test_a_backup_of_a_future_format_says_upgrade(make_user: Any, tmp_path: Path) -> None:
    """A backup of a format newer than this Reverie's (reverie.backup/99) says "upgrade Reverie", as docs/usage.md promises."""
    doc = _real_backup(make_user, tmp_path)
    doc["format"] = "reverie.backup/99"
    _emptied()
    path = tmp_path / "future.json.gz"
    path.write_bytes(gzip.compress(json.dumps(doc).encode()))
    with pytest.raises(InvalidInput, match=r"made by a newer Reverie .*upgrade Reverie"):
        restore_backup(path)


@pytest.mark.parametrize("damaged", ["not base64!", "c2hvcnQ="], ids=["not-base64", "five-bytes"])
def test_a_damaged_key_in_backup_keys_json_is_a_plain_error(
    make_user: Any, tmp_path: Path, damaged: str
) -> None:
    """A backup-keys.json whose key for a person is damaged is refused naming that file (KeyUnavailable), not ValueError."""
    from reverie.clinic.services import backup_keys
    from reverie.errors import ReverieError

    client = make_user()
    journal.create_entry(client, journal.EntryDraft(kind="reflection", body="words kept"))
    path = tmp_path / "real.json.gz"
    create_backup(path)
    _emptied()
    keyfile = backup_keys.path()
    doc = json.loads(keyfile.read_text())
    doc["clients"] = {name: damaged for name in doc["clients"]}
    keyfile.write_text(json.dumps(doc))
    keyfile.chmod(0o600)
    with pytest.raises(ReverieError, match=r"backup-keys\.json|backup key file") as refused:
        restore_backup(path)
    assert damaged not in refused.value.message and f"person {client.pk}" in refused.value.message
    assert not User.objects.exists()


def test_restore_of_a_folder_says_it_is_a_folder_not_a_damaged_backup(tmp_path: Path, db: Any) -> None:
    """`reverie restore DIR` says the path is a folder (as `journal import DIR` does), not that a backup is damaged."""
    with pytest.raises(InvalidInput, match="folder"):
        restore_backup(tmp_path)
