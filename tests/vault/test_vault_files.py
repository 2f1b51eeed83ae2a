"""Private atomic files: modes, atomic replace, refusal to overwrite, no temp file left on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reverie.files import ensure_private_dir, write_private_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_write_private_atomic_creates_0600(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    write_private_atomic(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert _mode(target) == 0o600


def test_files_write_private_atomic_honours_mode(tmp_path: Path) -> None:
    target = tmp_path / "public.txt"
    write_private_atomic(target, b"x", mode=0o640)
    assert _mode(target) == 0o640


def test_files_write_private_atomic_replaces_and_tightens_existing(tmp_path: Path) -> None:
    target = tmp_path / "backup.bin"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.bin"]


def test_files_write_private_atomic_refuses_overwrite_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "keys.json"
    target.write_bytes(b"original")
    with pytest.raises(FileExistsError):
        write_private_atomic(target, b"replacement", overwrite=False)
    assert target.read_bytes() == b"original"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keys.json"]


def test_files_write_private_atomic_failure_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.json"
    target.write_bytes(b"previous")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_private_atomic(target, b"secret canary")
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


def test_files_ensure_private_dir_creates_nested_0700(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    assert ensure_private_dir(nested) == nested
    assert _mode(tmp_path / "a") == 0o700
    assert _mode(nested) == 0o700


def test_files_ensure_private_dir_leaves_existing_folder(tmp_path: Path) -> None:
    existing = tmp_path / "shared"
    existing.mkdir(mode=0o755)
    existing.chmod(0o755)
    ensure_private_dir(existing)
    assert _mode(existing) == 0o755


def test_files_ensure_private_dir_rejects_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"")
    with pytest.raises(NotADirectoryError):
        ensure_private_dir(tmp_path / "f")
