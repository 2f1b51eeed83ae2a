"""The file `journal write` hands to the person's editor: plain text, so deleted as soon as a sealed copy exists.

A hang-up (a closed terminal, a dropped ssh session) or a kill (SIGTERM) while the editor is open is turned into
:class:`TerminalClosed`, so the command goes on to seal what was typed as a recovery copy. A file a
process could not clean up at all (SIGKILL, a power cut) is swept at the owner's next sign-in: sealed into a recovery
copy (a text an entry would refuse, too long or with a NUL, as well; one that is not UTF-8 read as Western European
text, with a note to check it); a sealing that
fails for a passing reason (a full disk) never deletes it: it stays (mode 0600, in the 0700 folder) for a later
sweep, and the person is told once. A file in use (another command's editor still open) is left
alone: its session holds a lock on a separate ``NAME.lock`` file from before the editor starts until what was typed
is sealed (an editor that saves by renaming a new file over the old one does not lose it), and a sweep takes only
files whose lock it gets. From the editor's end until the text is sealed, a second hang-up or kill is ignored, and
the plain file stays until a sealed copy exists, so neither a signal nor a SIGKILL there loses what was typed."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

PREFIX = ".editing-"
SUFFIX = ".md"
LOCK = ".lock"  # NAME.lock: held by the session editing NAME, taken by a sweep of NAME
# NAME.options: the entry's options given on the command line (kind, title, date, feelings, people, tags), mode 0600
# beside the file, so a text swept later keeps them (``recovery.options_of``; review r135 fault 3)
OPTIONS = ".options"
# What a sweep says when a leftover's options could not be read back (none kept beside it, or damaged)
AS_FREE_ASSOCIATION = (
    " It was kept as a free association dated the day `journal recover` saves it, with no title, feelings, people"
    " or tags: any given with it could not be read back, so check and edit the entry once it is saved."
)
_OPEN: set[Path] = set()  # the files of this process's sessions still open
_LEFT: set[Path] = set()  # those whose text was not sealed: their session ends without deleting them
_CLOSING = {getattr(signal, "SIGHUP", None): "The terminal closed", signal.SIGTERM: "Reverie was stopped"}


class TerminalClosed(Exception):
    """A hang-up or a kill arrived while the editor was open (its message says which, without any text)."""


def _lock(fd: int) -> None:
    with contextlib.suppress(ImportError, OSError):
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _write_options(path: Path, options: bytes) -> None:
    """The options beside the editing file (``NAME.options``, mode 0600); nothing when they cannot be written (a
    full disk: the sweep then says plainly what it kept the text as)."""
    try:
        fd = os.open(path.with_name(path.name + OPTIONS), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError:
        return
    try:
        os.write(fd, options)
    except OSError:
        path.with_name(path.name + OPTIONS).unlink(missing_ok=True)
    finally:
        os.close(fd)


@contextlib.contextmanager
def session(folder: Path, options: bytes = b"") -> Iterator[Path]:
    """A new, empty editing file in ``folder`` (mode 0600) for one editor session, its ``NAME.lock`` held (locked)
    throughout; at the end the file is deleted (unless :func:`leave_behind` kept it: its text is not sealed), then
    its lock, and the hang-up and kill handlers from before the
    session come back (:func:`closing_raises` leaves them ignored, so they stay so until the text is sealed)."""
    before: dict[int, Any] = {signum: signal.getsignal(signum) for signum in _CLOSING if signum is not None}
    while True:  # the lock first: a sweep never sees an editing file without its held lock
        held, lock = tempfile.mkstemp(prefix=PREFIX, suffix=SUFFIX + LOCK, dir=folder)
        _lock(held)
        path = Path(lock[: -len(LOCK)])
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            break
        except FileExistsError:  # pragma: no cover - a leftover named like the new lock: choose another name
            Path(lock).unlink(missing_ok=True)
            os.close(held)
    if options:
        _write_options(path, options)
    _OPEN.add(path)
    try:
        yield path
    finally:
        _OPEN.discard(path)
        if path not in _LEFT:
            path.unlink(missing_ok=True)
            path.with_name(path.name + OPTIONS).unlink(missing_ok=True)
        Path(lock).unlink(missing_ok=True)
        os.close(held)
        with contextlib.suppress(ValueError):  # not the main thread: nothing was changed
            for signum, handler in before.items():
                signal.signal(signum, handler)


def leave_behind() -> None:
    """What was typed in the sessions open now could not be sealed: when they end, their files stay (mode 0600, in
    the person's 0700 folder) for the next command's :func:`sweep` to seal, instead of being deleted."""
    for path in _OPEN:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
    _LEFT.update(_OPEN)


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
    process where it stands. After, both stay ignored, so a second one cannot stop the sealing of what was typed:
    the :func:`session` around it brings back the previous handlers once the text is sealed."""

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
        for signum in before:
            signal.signal(signum, signal.SIG_IGN)


def sweep(owner: Any) -> None:
    """Seal each editing file left in ``owner``'s recovery folder by a command that could not clean up into a
    recovery copy. The plain file is deleted only once its sealed copy exists, or when nothing was typed; when
    sealing fails (a full disk, a database that is down) it stays where it is (mode 0600, in the person's 0700
    folder) for the next command's sweep, and the person is told once. Files in use are left alone: those whose ``NAME.lock``
    another process holds (its editor is still open, or another sweep has it), and those gone by the time their
    lock is taken. Says what it did on stderr, never the text."""
    from reverie.clinic.services import recovery

    folder = recovery.folder_of(owner.pk)
    if not folder.is_dir():
        return
    stayed: list[str] = []
    for path in sorted(folder.glob(f"{PREFIX}*{SUFFIX}")):
        lock = path.with_name(path.name + LOCK)
        try:
            held = os.open(
                lock, os.O_RDWR | os.O_CREAT, 0o600
            )  # a leftover of a killed session may have none
        except OSError:
            continue
        taken = False
        try:
            if _in_use(held):
                continue  # its editor is still open, or another sweep is sealing it
            taken = True
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue  # gone meanwhile: another sweep sealed it, or its session ended
            try:
                raw = _read_all(fd)
            finally:
                os.close(fd)
            why = _seal_or_delete(owner, path, raw)
            if why:
                stayed.append(why)
        finally:
            if taken:
                lock.unlink(missing_ok=True)
            os.close(held)
    if stayed:
        count = "A text" if len(stayed) == 1 else f"{len(stayed)} texts"
        print(
            f"{count} left in the editor by an earlier `journal write` that was cut off could not be kept yet"
            f" ({'; '.join(sorted(set(stayed)))}). Nothing was deleted: it stays in {folder}, readable only by"
            " you, and the next reverie command keeps it once it can.",
            file=sys.stderr,
        )


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    return b"".join(chunks)


def _seal_or_delete(owner: Any, path: Path, raw: bytes) -> str:
    """Seal ``raw`` into a recovery copy, then delete ``path``; or delete it when it is empty. Bytes that are not
    UTF-8 (nor unambiguous UTF-16) are sealed as they are, with a note: no encoding is guessed, and `journal recover`
    saves them only once the person has chosen how they read (h103). A leftover is never left in plain text for
    ever, and never deleted while it holds what was typed (`journal recover --discard` deletes a copy the person
    does not want). A text an entry would refuse (too long, a NUL) is sealed all the same, as `journal write` keeps
    what was typed. When sealing fails for any other reason, ``path`` stays (mode 0600) and the reason is returned,
    never the text ("" when the file is gone)."""

    from reverie.clinic.services import recovery
    from reverie.clinic.services.journal import EntryDraft
    from reverie.errors import ReverieError, is_disk_full
    from reverie.text import NOT_UTF8, read_typed

    note, undecoded = "", None
    body = read_typed(raw)
    if (
        body is None
    ):  # an editor set to another encoding: kept as its bytes, never deleted (r81), never guessed
        note, undecoded, body = f" {NOT_UTF8}", raw, "."
    sidecar = path.with_name(path.name + OPTIONS)
    if not body.strip():
        path.unlink(missing_ok=True)  # nothing was typed: nothing to keep
        sidecar.unlink(missing_ok=True)
        return ""
    # Not validated as an entry: a text too long or with a stray NUL is kept sealed all the same, as `journal
    # write` keeps typed text, so `journal recover --show` can still give it back (r54); only `--discard` deletes.
    # The options given on the command line come from the sidecar; without it, said plainly (review r135).
    try:
        with_options = recovery.draft_with_options(sidecar.read_bytes(), body)
    except OSError:
        with_options = None
    draft = with_options or EntryDraft(kind="free_association", body=body)
    try:
        recovery.keep(owner, draft, undecoded=undecoded)
    except Exception as exc:  # whatever stops the sealing, the text stays for a later sweep
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
        if isinstance(exc, OSError) and is_disk_full(exc):
            return "the disk is full"
        if isinstance(exc, ReverieError):
            return exc.message.rstrip(".")
        if isinstance(exc, OSError):
            return (exc.strerror or type(exc).__name__).lower()
        return f"it could not be sealed: {type(exc).__name__}"
    path.unlink(missing_ok=True)  # only now: a sealed copy exists
    sidecar.unlink(missing_ok=True)
    print(
        "A text left in the editor by an earlier `journal write` that was cut off is kept"
        + (": `reverie journal recover` saves it." if undecoded is None else f" as it is.{note}")
        + ("" if with_options is not None else AS_FREE_ASSOCIATION),
        file=sys.stderr,
    )
    return ""
