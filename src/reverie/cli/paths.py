"""Files a person names on the command line: a path that cannot be read or written is a plain message (exit 2),
never an ``IsADirectoryError`` with an incident number. Light: no Django, no Rich."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reverie.errors import InvalidInput

# The disk itself refused (whatever file the error names): said plainly, for every write a person asks for.
_DISK = {
    errno.ENOSPC: "The disk is full",
    errno.EDQUOT: "Your disk quota is used up",
    errno.EROFS: "The disk is read-only",
    errno.EIO: "The disk reported an error",
}


def _disk_refused(path: Path, exc: OSError) -> InvalidInput | None:
    said = _DISK.get(exc.errno or 0)
    if said is None:
        return None
    fix = (
        "free space and try again"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT)
        else "write it to another disk"
    )
    return InvalidInput(f"{said} (writing {path}): nothing was written; {fix}.")


def _why(path: Path, exc: OSError, verb: str) -> InvalidInput:
    if isinstance(exc, FileNotFoundError):
        return InvalidInput(
            f"No file at {path}." if verb == "read" else f"No folder {path.parent} to write into."
        )
    if isinstance(exc, IsADirectoryError):
        return InvalidInput(f"{path} is a folder; give a file.")
    if isinstance(exc, PermissionError):
        return InvalidInput(f"No permission to {verb} {path}.")
    return InvalidInput(f"Cannot {verb} {path}: {exc.strerror or 'the system refused'}.")


def read_named(path: Path) -> bytes:
    """The bytes of a file the person named, or :class:`InvalidInput` saying plainly why not."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _why(path, exc, "read") from None


# The chunks a file of unknown size (a pipe) is read in, each followed by the size check.
_CHUNK = 1024**2


def read_named_checked(path: Path, check: Callable[[bytes, int, bool], None], head_bytes: int) -> bytes:
    """The bytes of a file the person named, opened once and read once (a pipe, ``/dev/stdin`` or ``<(…)``, can be
    read only once), with ``check(head, size, whole)`` called before the rest is read, ``head`` its first
    ``head_bytes`` bytes (fewer in a shorter file). For a regular file ``size`` is the size the system gives
    (``whole`` true), before anything more is read; for a file of unknown size (a pipe) it is called again after
    each chunk with the bytes read so far (``whole`` false until the end), so a cap it enforces refuses having read
    at most one chunk past it. It raises to refuse; a path that cannot be read is :class:`InvalidInput` saying
    plainly why not."""
    try:
        with path.open("rb", buffering=0) as handle:
            regular = stat.S_ISREG(os.fstat(handle.fileno()).st_mode)
            data = bytearray()
            while len(data) < head_bytes and (chunk := handle.read(head_bytes - len(data))):
                data += chunk
            head = bytes(data)
            if regular:
                check(head, os.fstat(handle.fileno()).st_size, True)
                data += handle.read()
                return bytes(data)
            check(head, len(data), False)
            while chunk := handle.read(_CHUNK):
                data += chunk
                check(head, len(data), False)
            check(head, len(data), True)
            return bytes(data)
    except OSError as exc:
        raise _why(path, exc, "read") from None


def _refuse_special(path: Path) -> None:
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # missing, or not reachable: the write says why
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise InvalidInput(
            f"{path} is not a regular file (a device, a pipe or a socket): nothing was written; give a file."
        )


@contextmanager
def writing_to(path: Path) -> Iterator[None]:
    """Around a write to a path the person named: a folder, a missing folder or no permission is a message, and so
    is a disk that is full, read-only or failing (ENOSPC, EDQUOT, EROFS, EIO), whatever file the error names.

    A path that exists and is not a regular file or a folder (a device, a FIFO, a socket) is refused before
    anything is written: the writer renames a finished temporary file over the path, which would replace it."""
    _refuse_special(path)
    try:
        yield
    except OSError as exc:
        disk = _disk_refused(path, exc)
        if disk is not None:
            raise disk from None
        if exc.filename is None or Path(exc.filename).parent != path.parent:
            raise  # about some other file (the database, a key file): not the person's input
        raise _why(path, exc, "write") from None


def write_named(path: Path, data: bytes) -> None:
    """Write ``data`` to a file the person named, readable by them alone, all or nothing
    (:func:`reverie.files.write_private_atomic`); a path that cannot be written is a message."""
    from reverie.files import write_private_atomic

    with writing_to(path):
        write_private_atomic(path, data)
