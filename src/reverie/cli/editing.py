"""The file `journal write` hands to the person's editor: plain text, so never left behind.

A hang-up (a closed terminal, a dropped ssh session) or a kill (SIGTERM) while the editor is open is turned into
:class:`TerminalClosed`, so the command's ``finally`` runs and what was typed is sealed as a recovery copy. A file a
process could not clean up at all (SIGKILL, a power cut) is swept at the owner's next sign-in: sealed into a recovery
copy, or deleted with a note when it cannot be sealed. A file in use (another command's editor still open) is held
with a lock and left alone."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

PREFIX = ".editing-"
SUFFIX = ".md"
_CLOSING = {getattr(signal, "SIGHUP", None): "The terminal closed", signal.SIGTERM: "Reverie was stopped"}


class TerminalClosed(Exception):
    """A hang-up or a kill arrived while the editor was open (its message says which, without any text)."""


def hold(fd: int) -> int:
    """Lock the open editing file ``fd`` for as long as it stays open (it is released when the process ends)."""
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def _in_use(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - no locks here: only files old enough are swept
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    return False


@contextlib.contextmanager
def closing_raises() -> Iterator[None]:
    """While inside, SIGHUP and SIGTERM raise :class:`TerminalClosed` (in the main thread) instead of ending the
    process where it stands; the previous handlers come back after."""

    def closed(signum: int, _frame: FrameType | None) -> None:
        for other in _CLOSING:
            if other is not None:
                signal.signal(other, signal.SIG_IGN)  # a second one must not interrupt the sealing
        raise TerminalClosed(_CLOSING.get(signum, "Reverie was stopped"))

    before: dict[int, Any] = {}
    try:
        for signum in _CLOSING:
            if signum is not None:
                before[signum] = signal.signal(signum, closed)
    except ValueError:  # not the main thread: the sweep at the next sign-in is the safety net
        pass
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def sweep(owner: Any) -> None:
    """Seal each editing file left in ``owner``'s recovery folder by a command that could not clean up into a
    recovery copy, or delete it with a note when it cannot be sealed; never leave plain text. Files in use are
    left alone. Says what it did on stderr, never the text."""
    from dataclasses import replace

    from reverie.clinic.services import journal, recovery
    from reverie.clinic.services.journal import EntryDraft
    from reverie.errors import ReverieError

    folder = recovery.folder_of(owner.pk)
    if not folder.is_dir():
        return
    for path in sorted(folder.glob(f"{PREFIX}*{SUFFIX}")):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue  # gone meanwhile
        try:
            if _in_use(fd):
                continue
            raw = Path(path).read_bytes()
            why = ""
            try:
                body = raw.decode("utf-8")
                if body.strip():
                    draft = EntryDraft(kind="free_association", body=body)
                    journal.validate(replace(draft, happened_at=None))
                    recovery.keep(owner, draft)
                    print(
                        "A text left in the editor by an earlier `journal write` that was cut off is kept:"
                        " `reverie journal recover` saves it.",
                        file=sys.stderr,
                    )
            except UnicodeDecodeError:
                why = "it is not valid UTF-8"
            except ReverieError as exc:
                why = exc.message
            except Exception as exc:  # whatever stops the sealing, no plain text stays
                why = f"it could not be sealed: {type(exc).__name__}"
            path.unlink(missing_ok=True)
            if why:
                print(
                    f"A text left in the editor by an earlier `journal write` that was cut off could not be kept"
                    f" ({why}), so it was deleted rather than left in plain text.",
                    file=sys.stderr,
                )
        finally:
            os.close(fd)
