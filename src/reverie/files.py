"""Private files written atomically: key files, exports and backups.

A reader sees either the old content or the whole new content, never a half-written file; a crash leaves at
most a hidden temp file (mode 0600) in the same folder, and a failed write removes its temp file before the
error goes up. Nothing here logs or echoes the data written.
"""

from __future__ import annotations

import contextlib
import copy
import fcntl
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

Document = TypeVar("Document")

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) with mode 0700; an existing folder is left as it is.

    Returns ``path``. Folders created here are chmod-ed explicitly, so the process umask cannot widen them.
    """
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_DIR_MODE)
            os.chmod(folder, PRIVATE_DIR_MODE)
    if not path.is_dir():
        raise NotADirectoryError(f"{path} exists and is not a folder")
    return path


def write_private_atomic(
    path: Path, data: bytes, mode: int = PRIVATE_FILE_MODE, *, overwrite: bool = True
) -> None:
    """Write ``data`` to ``path`` atomically with ``mode`` (0600 by default).

    A temp file is created 0600 in the same folder, written, fsync-ed, given ``mode``, then moved over
    ``path`` with ``os.replace`` and the folder is fsync-ed. With ``overwrite=False`` the file is linked
    into place instead, so an existing ``path`` raises ``FileExistsError`` even when two writers race.
    """
    folder = path.parent
    descriptor, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        _write_and_sync(descriptor, data, mode)
        _move_into_place(temp, path, overwrite=overwrite)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    fsync_dir(folder)


@contextlib.contextmanager
def locked_document(
    path: Path, read: Callable[[Path], Document], encode: Callable[[Document], bytes]
) -> Iterator[Document]:
    """A small private document (``backup-keys.json``, ``purged-entries.json``) read, changed by the caller and
    written back atomically, all under an exclusive lock on ``path.lock`` (backups, erasures and deletions may
    overlap, in one process or several). Written only when the caller changed it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    with open(path.with_suffix(".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        document = read(path)
        before = copy.copy(document)
        yield document
        if document != before:
            write_private_atomic(path, encode(document))


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename or a new file) to disk; a no-op where the OS cannot."""
    if os.name == "nt":  # pragma: no cover - Windows cannot open folders for fsync
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def is_private(mode: int) -> bool:
    """True when a file's ``st_mode`` grants nothing to group or others."""
    return stat.S_IMODE(mode) & 0o077 == 0


def _write_and_sync(descriptor: int, data: bytes, mode: int) -> None:
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        if os.name != "nt":
            os.fchmod(handle.fileno(), mode)


def _move_into_place(temp: Path, path: Path, *, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, path)
        return
    os.link(temp, path)
    temp.unlink()
