"""One error family for everything a person can get wrong or the machine can refuse.

Every error carries a stable code (``E###``) and a message written for the person reading it. Messages
never contain entry text: callers pass only identifiers, sizes and field names.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class ReverieError(Exception):
    """Base of every error Reverie reports to a person. ``code`` is stable across releases."""

    code = "E000"
    http_status = 400
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class InvalidInput(ReverieError):
    """The input cannot be accepted as given (empty, too large, malformed, out of range).

    ``field`` names the one input the refusal is about where there is one (the name the caller's data gives it:
    ``happened_at``, ``feelings``, ``password``), never what was typed; a form shows the message next to that field
    and marks it invalid (``clinic.web.forms.refusal_on_field``), the API and the command line show the message."""

    code = "E100"
    http_status = 400
    exit_code = 2

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@contextmanager
def about(field: str) -> Iterator[None]:
    """Whatever refusal of the input is raised inside names ``field`` unless it names its own: a check shared by
    many callers (a time zone, a year, a recurrence rule) says what is wrong, its caller says which input it read
    (``with about("timezone"): zone_of(draft.timezone)``), so a form shows the message on that box."""
    try:
        yield
    except InvalidInput as exc:
        if exc.field is None:
            exc.field = field
        raise


class TooLarge(InvalidInput):
    """A file over the size it may have (an attachment over ``REVERIE_MAX_ATTACHMENT_BYTES``): nothing was kept."""

    code = "E413"
    http_status = 413


class UnsupportedMedia(InvalidInput):
    """A file whose content is not one of the formats taken there (judged by its bytes, never by its name)."""

    code = "E415"
    http_status = 415


class KeyReused(InvalidInput):
    """A client-chosen key for one save (the API's ``Idempotency-Key``) sent again with a different request: the
    first save stands, nothing new was stored (422, as the IETF Idempotency-Key draft answers a reused key with
    another payload). The message names neither body."""

    code = "E422"
    http_status = 422


class NotFound(ReverieError):
    """The record does not exist, or the asking person may not see it: both answer exactly alike."""

    code = "E404"
    http_status = 404
    exit_code = 4


class PermissionDenied(ReverieError):
    """The action itself is not allowed for this role (never used to hide a record's existence)."""

    code = "E403"
    http_status = 403
    exit_code = 5


class Conflict(ReverieError):
    """The change conflicts with what is stored (a duplicate, an overlapping session)."""

    code = "E409"
    http_status = 409
    exit_code = 6


class AlreadySaved(Conflict):
    """The same save sent again (a double tap, a replay, a retry): the entry with this client-chosen id is already
    stored, by the same writer, so nothing new was written. Not a failure: callers answer "saved" with it.
    ``entry_id`` names the stored entry, ``in_trash`` whether it was moved to the trash since."""

    def __init__(self, message: str, *, entry_id: str, in_trash: bool = False) -> None:
        super().__init__(message)
        self.entry_id = entry_id
        self.in_trash = in_trash


class DeletedForGood(Conflict):
    """A save sent again (an ``Idempotency-Key`` retry, a form sent twice) whose record was deleted for good since:
    the deletion stands and nothing is stored again (409)."""


class StaleEdit(Conflict):
    """An edit based on an older version than the one stored now (someone saved in between): nothing was saved.

    ``current`` is the version stored now, so the person (or a client program) can look at it and save again on
    purpose. Only numbers travel with it, never text.
    """

    def __init__(self, message: str, *, current: int) -> None:
        super().__init__(message)
        self.current = current

    @classmethod
    def check(
        cls, stored: int, base: int | None, what: str, resent: Callable[[], bool] | None = None
    ) -> bool:
        """Optimistic concurrency, one rule for every edited record: refuse an edit made from an older version.

        ``base`` is the version the person opened to edit (a form's hidden field, the API's ``revision``); ``None``
        (an old client) applies the edit to whatever is stored, as before. Callers hold the row locked, so two
        saves from the same base cannot both win. The message holds version numbers only, never text.

        ``resent`` says whether the edit is exactly what is stored now (asked only for an old base): then it is the
        save that made it, sent again (a double tap, a retry), and True means "nothing to refuse, nothing to save"."""
        if base is not None and base != stored:
            if resent is not None and resent():
                return True
            raise cls(
                f"This {what} was changed somewhere else since you opened it: it is now at version {stored}, "
                f"you had version {base}. Nothing was changed.",
                current=stored,
            )
        return False


class LeftOpen(Conflict):
    """An ending refused because it leaves open what its caller has not seen (a course's unacknowledged risk
    alerts, questionnaires answered for a session the ending cancels): nothing was ended (409). Only counts travel
    with it (the API gives them beside the message), never text."""

    def __init__(self, message: str, *, open_alerts: int, answered_ahead: int) -> None:
        super().__init__(message)
        self.open_alerts = open_alerts
        self.answered_ahead = answered_ahead


class Unconfirmed(Conflict):
    """A change that cannot be undone, refused because its caller did not confirm it (the API's answer where the
    web asks a question first): nothing was changed (409). ``details`` are the facts the question names, ready for
    JSON (counts, dates, ids, addresses; never a word anyone wrote); the API gives them beside the message."""

    def __init__(self, message: str, *, details: dict[str, object]) -> None:
        super().__init__(message)
        self.details = details


class AuthenticationFailed(ReverieError):
    """Wrong user name or password, or too many attempts."""

    code = "E401"
    http_status = 401
    exit_code = 3


class IntegrityError(ReverieError):
    """Stored data failed an integrity check (tampering, a moved ciphertext, a wrong key)."""

    code = "E500"
    http_status = 500
    exit_code = 7


class KeyUnavailable(ReverieError):
    """The master key or a client's data key is missing, unreadable or destroyed."""

    code = "E510"
    http_status = 503
    exit_code = 8


class ConfigurationError(ReverieError):
    """A setting is missing, malformed or unsafe for the chosen mode."""

    code = "E600"
    http_status = 500
    exit_code = 9


class AnalysisUnavailable(ReverieError):
    """An analyzer could not run (missing model artefact, unsupported input)."""

    code = "E700"
    http_status = 503
    exit_code = 10


class StorageFull(ReverieError):
    """The disk refused a write: it is full, a quota is used up, or a file-size limit was reached (ENOSPC, EDQUOT,
    EFBIG). Nothing was saved; the message says whether the text was kept."""

    code = "E520"
    http_status = 507
    exit_code = 11


class DatabaseDamaged(ReverieError):
    """The database file cannot be read as a database (cut short, overwritten): ``reverie doctor`` and a backup."""

    code = "E530"
    http_status = 503
    exit_code = 12


class DatabaseBusy(ReverieError):
    """The database would not take the write just now: SQLite locked by another writer past its wait, a database
    server restarting or a connection lost mid-way (one that cannot be made at all is :class:`DatabaseUnreachable`). Nothing was saved; trying again in a moment works."""

    code = "E540"
    http_status = 503
    exit_code = 13
    # Seconds an HTTP answer asks a client to wait (``Retry-After``), the web's and the API's: SQLite's writer, a
    # server restarting or breaking a deadlock.
    retry_after_s = 5


class DatabaseUnreachable(ReverieError):
    """The database server could not be connected to at all: not running, a wrong host or port, a database or role
    it does not have, a password it refuses, no connection slot free. Told apart from :class:`DatabaseBusy` by
    mechanism (the driver's error is the connection attempt's own, never a statement's): waiting rarely helps, the
    setting or the server needs looking at. The message names the database, host, port and user from the settings,
    never the password or anything else of the URL."""

    code = "E560"
    http_status = 503
    exit_code = 15


class StorageRefused(ReverieError):
    """The disk refused a write for a reason other than space: permission denied (a folder left owned by another
    user), a read-only file system. Nothing was saved; the message names the folder and says where the text is."""

    code = "E550"
    http_status = 503
    exit_code = 14


class AccountErased(ReverieError):
    """The account these words belong to was erased while they were being written or sent (a `journal write` waiting
    for its text, a form loaded before the erasure and sent after it, a save racing it): nothing of them was saved or
    kept anywhere, no recovery copy either, for an erasure is never undone by what comes after it (review r124)."""

    code = "E410"
    http_status = 410
    exit_code = 16


ACCOUNT_ERASED_MESSAGE = (
    "Not saved: this account was erased (its journal, its keys and its copies are gone) while this was being"
    " written, so nothing of it was saved or kept anywhere."
)


# The one classification of a failure of the machine itself, for the command line, the web and the API alike: a disk
# that refuses a write, a database that is busy, a database that is damaged. By mechanism, never by what a message
# happens to say (a PostgreSQL DETAIL line echoes a person's key value, so "database is locked" can be anyone's
# words): the exception's class *name*, its driver's module and PostgreSQL's SQLSTATE, so this module needs no
# Django (a ``DatabaseError`` of Django's or of a driver alike).
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
# A constraint, a value or a statement the database refused is the request's or the program's fault, never the
# machine's, whatever its message says. A constraint refused (IntegrityError: a unique key another save holds, a row
# another request removed) is a conflict with what is stored (:data:`CONFLICT_MESSAGE`), never "busy".
_NEVER_A_FAILURE = frozenset({"IntegrityError", "DataError", "ProgrammingError", "NotSupportedError"})
CONFLICT_MESSAGE = (
    "Not saved: this clashed with a change saved at the same moment (the same form sent twice, or another tab or"
    " device). Nothing saved before is lost; look at what is stored now, then try again if it is still needed."
)
# PostgreSQL, by SQLSTATE: too many connections, a serialization failure or deadlock, a lock or statement timeout,
# a server shutting down, restarted or not yet accepting connections (and class 08, any connection failure).
_PG_BUSY = frozenset({"53300", "53400", "40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03"})
_PG_FULL = frozenset({"53100"})  # disk_full: "could not extend file ...: No space left on device"
_PG_DAMAGED = frozenset({"58030", "XX001", "XX002"})  # io_error, data_corrupted, index_corrupted
_PG_DRIVERS = frozenset({"psycopg", "psycopg2"})
# SQLite, by its result code (``sqlite_errorname``, Python 3.11+) or else the engine's own fixed message, which is
# never a person's words (SQLite's messages name no stored value; a constraint's is an IntegrityError, never asked).
_SQLITE_BUSY = ("SQLITE_BUSY", "SQLITE_LOCKED")
# SHMSIZE: the WAL's shared-memory file cannot grow (r135)
_SQLITE_FULL = ("SQLITE_FULL", "SQLITE_IOERR_SHMSIZE")
# any other I/O error: the disk is full only when the data folder's disk has no room (NO_ROOM_BYTES)
_SQLITE_IOERR = "SQLITE_IOERR"
_SQLITE_IOERR_SAID = ("disk i/o error",)
# under 1 MiB free on the data folder's disk: an I/O error there is the disk being full
NO_ROOM_BYTES = 1 << 20
_SQLITE_DAMAGED = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_SQLITE_BUSY_SAID = ("database is locked", "database table is locked", "database schema is locked")
_SQLITE_FULL_SAID = ("database or disk is full",)
_SQLITE_DAMAGED_SAID = ("database disk image is malformed", "file is not a database")
# The database or its folder cannot be opened or written (a read-only file system, a folder not Reverie's to write,
# a missing folder): SQLite's result codes, each with its extended codes (SQLITE_READONLY_CANTINIT, …), or with none
# its engine's fixed words (review r124).
_SQLITE_REFUSED = ("SQLITE_READONLY", "SQLITE_CANTOPEN")
_SQLITE_REFUSED_SAID = ("attempt to write a readonly database", "unable to open database file")
UNREACHABLE_MESSAGE = "Cannot reach the database: check REVERIE_DATABASE_URL and that the server runs."
BUSY_MESSAGE = (
    "Not saved: the database is busy (another Reverie program is writing to it, or it is restarting). Nothing"
    " saved before is lost; try again in a moment."
)


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` is the disk refusing a write: full, over quota or over a file-size limit (EFBIG: Python
    ignores SIGXFSZ, so a write past ``ulimit -f`` fails with it)."""
    return isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS


def disk_full(kept: str = "") -> StorageFull:
    """The one message for a full disk; ``kept`` says what became of the text (empty: nothing to say)."""
    tail = f" {kept}" if kept else ""
    return StorageFull(
        "Not saved: the disk is full (or a disk quota or file-size limit was reached). Free some space and try"
        f" again.{tail}"
    )


def is_database_error(exc: BaseException) -> bool:
    """A database's own error (Django's ``DatabaseError`` or a DB-API driver's), told by name: no import."""
    return any(cls.__name__ == "DatabaseError" for cls in type(exc).__mro__)


def _data_folder_full() -> bool:
    """Whether the disk holding the database (or, before Django is set up, the data folder) has no room left
    (:data:`NO_ROOM_BYTES`): an SQLite I/O error there is then the disk being full (review r135 fault 2: a full disk
    failed the connect with SQLITE_IOERR_SHMSIZE and every command said "unexpected OperationalError"). False when it
    cannot be told."""
    import os
    import shutil

    name = _database_file()
    folder = Path(name).parent if name != "the database file" else None
    if folder is None:
        from reverie.settings import _default_data_dir

        folder = Path(os.environ.get("REVERIE_DATA_DIR") or _default_data_dir()).expanduser()
    try:
        return shutil.disk_usage(folder).free < NO_ROOM_BYTES
    except OSError:
        return False


def _database_file() -> str:
    conf = sys.modules.get("django.conf")  # asked only when something has already loaded Django
    try:
        name = conf.settings.DATABASES["default"]["NAME"] if conf is not None else ""
    except Exception:
        name = ""
    return str(Path(str(name))) if name else "the database file"


def _names(exc: BaseException) -> frozenset[str]:
    return frozenset(cls.__name__ for cls in type(exc).__mro__)


def _sqlstate(exc: BaseException) -> str:
    """PostgreSQL's SQLSTATE of ``exc`` (psycopg's ``sqlstate``, psycopg2's ``pgcode``), or of its driver error
    when ``exc`` is Django's wrapping of one; empty when there is none."""
    for err in (exc, exc.__cause__):
        for attr in ("sqlstate", "pgcode"):
            code = getattr(err, attr, None)
            if isinstance(code, str) and code:
                return code
    return ""


def _driver(exc: BaseException) -> str:
    """The top-level module of the DB-API driver that raised ``exc`` (``sqlite3``, ``psycopg``), or ``""``."""
    for err in (exc, exc.__cause__):
        if err is not None and is_database_error(err):
            module = type(err).__module__.split(".")[0]
            if module != "django":
                return module
    return ""


def _damaged() -> DatabaseDamaged:
    return DatabaseDamaged(
        f"The database file {_database_file()} is damaged (cut short or overwritten) and cannot be read;"
        " nothing was changed. Move it aside (keep it), restore your latest backup with `reverie restore FILE`,"
        ' then run `reverie doctor` to check that every record opens (docs/usage.md, "A damaged database").'
    )


def _unreachable() -> DatabaseUnreachable:
    """The connection attempt failed: which database, where and as whom, from the settings (never the password)."""
    conf = sys.modules.get("django.conf")  # asked only when something has already loaded Django
    try:
        db = conf.settings.DATABASES["default"] if conf is not None else {}
    except Exception:
        db = {}
    where = ""
    if db.get("NAME"):
        host = f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}"
        user = f" as user {db['USER']}" if db.get("USER") else ""
        where = f' Reverie could not connect to the database "{db["NAME"]}" on {host}{user}:'
    return DatabaseUnreachable(
        f"{UNREACHABLE_MESSAGE}{where or ' Reverie could not connect to it:'} the server is not running or not"
        " at that address, it has no database or user of that name, it refused the password, or it has no"
        " connection free. Nothing was changed."
    )


def _connect_failed(exc: BaseException, names: frozenset[str]) -> bool:
    """Whether ``exc`` is a failed connection attempt, by mechanism: psycopg gives its connection attempt's errors
    the half-made connection (``pgconn``); a connect timeout is its own class; and an error raised before any
    connection was begun, within the driver's ``connect`` (a host name that does not resolve: psycopg resolves it
    itself and raises an ``OperationalError`` with neither ``pgconn`` nor SQLSTATE, r130, which was "busy"), is
    told by where it was raised: a frame of psycopg's connect in its traceback."""
    return (
        "ConnectionTimeout" in names
        or any(getattr(err, "pgconn", None) is not None for err in (exc, exc.__cause__))
        or any(_raised_in_driver_connect(err) for err in (exc, exc.__cause__) if err is not None)
    )


def _raised_in_driver_connect(err: BaseException) -> bool:
    """Whether ``err`` was raised inside psycopg's ``Connection.connect`` (the making of a connection, never a
    statement on one already made)."""
    trace = err.__traceback__
    while trace is not None:
        frame = trace.tb_frame
        if frame.f_code.co_name == "connect" and str(frame.f_globals.get("__name__", "")).startswith(
            "psycopg."
        ):
            return True
        trace = trace.tb_next
    return False


def _server_damaged() -> DatabaseDamaged:
    return DatabaseDamaged(
        "The database server reports damaged data or a failing disk and cannot read it; nothing was changed. Have"
        " whoever runs the server check its disk and logs, then run `reverie doctor` to check that every record"
        " opens."
    )


def _of_postgresql(exc: BaseException, state: str, names: frozenset[str]) -> ReverieError | None:
    if _connect_failed(exc, names):
        return _unreachable()
    if state in _PG_FULL:
        return disk_full()
    if state in _PG_DAMAGED:
        return _server_damaged()
    if state in _PG_BUSY or state.startswith("08"):
        return DatabaseBusy(BUSY_MESSAGE)
    if not state and names & {"OperationalError", "InterfaceError"}:
        return DatabaseBusy(
            BUSY_MESSAGE
        )  # the driver's own: a connect that failed, a connection closed or lost
    return None


def _of_sqlite(exc: BaseException, names: frozenset[str]) -> ReverieError | None:
    if not ("OperationalError" in names or type(exc).__name__ == "DatabaseError"):
        return None  # SQLite says busy and full with OperationalError, damaged with DatabaseError itself
    result = next(
        (
            code
            for err in (exc, exc.__cause__)
            if isinstance(code := getattr(err, "sqlite_errorname", None), str) and code
        ),
        "",
    )
    said = str(exc).strip().lower()
    if result.startswith(_SQLITE_FULL) or said.startswith(_SQLITE_FULL_SAID):
        return disk_full()
    if (result.startswith(_SQLITE_IOERR) or said.startswith(_SQLITE_IOERR_SAID)) and _data_folder_full():
        return disk_full()
    if result.startswith(_SQLITE_DAMAGED) or said.startswith(_SQLITE_DAMAGED_SAID):
        return _damaged()
    if result.startswith(_SQLITE_BUSY) or said.startswith(_SQLITE_BUSY_SAID):
        return DatabaseBusy(BUSY_MESSAGE)
    if result.startswith(_SQLITE_REFUSED) or said.startswith(_SQLITE_REFUSED_SAID):
        return _database_refused()
    return None


def _database_refused() -> StorageRefused:
    """The database's folder refuses it (read-only, not Reverie's to write, missing): said naming that folder, the
    command line's words (the web and the API say it without a server path)."""
    name = _database_file()
    folder = Path(name).parent if name != "the database file" else None
    where = f"its database in {folder}" if folder is not None else "its database"
    return StorageRefused(
        f"Reverie cannot open or write {where}: the folder is read-only (a disk mounted read-only), not writable"
        " by the account running Reverie, or missing. Nothing was saved or changed. Make the data folder (the"
        " database and its -wal and -shm files beside it) writable by that account, then try again."
    )


def is_refusal(exc: BaseException) -> bool:
    """Whether ``exc`` is the database refusing what was sent (a constraint, a value, a statement), told by class
    name: never a failure of the machine, so never "busy" or "damaged"."""
    names = _names(exc) | (_names(exc.__cause__) if exc.__cause__ is not None else frozenset())
    return is_database_error(exc) and bool(names & _NEVER_A_FAILURE)


def failure_of(exc: BaseException) -> ReverieError | None:
    """The project's error for a failure of the disk or of the database (full, busy or locked, damaged), or for a
    constraint the database refused (:class:`Conflict`); ``None`` for anything else. The command line's exit point,
    the web's error handling and the API's all ask this.

    Only a database's own failure is a candidate for busy, full or damaged, never a refusal of what was sent
    (``IntegrityError``, ``DataError``, ``ProgrammingError``, whatever their text): an ``IntegrityError`` is a
    :class:`Conflict` (409, exit 6: a save that clashed with one made at the same moment), the others ``None``. PostgreSQL is told by SQLSTATE (class 08 and too many
    connections, serialization failures, deadlocks, lock and statement timeouts, a server shutting down or not yet
    accepting connections: busy; a connection attempt that failed (the driver's error carries the half-made
    connection, ``pgconn``: no server there, no such database or role, a refused password):
    :class:`DatabaseUnreachable`, E560, exit 15; 53100: the disk is full; 58030, XX001, XX002: damaged) or, with none, by its
    driver's connection error (busy); SQLite by its result code or its engine's fixed message."""
    if isinstance(exc, ReverieError):
        return exc
    if is_disk_full(exc):
        return disk_full()
    if not is_database_error(exc):
        return None
    names = _names(exc)
    cause = exc.__cause__
    if cause is not None and is_database_error(cause):
        names |= _names(cause)
    if "IntegrityError" in names:
        return Conflict(CONFLICT_MESSAGE)
    if names & _NEVER_A_FAILURE:
        return None
    state = _sqlstate(exc)
    if state or _driver(exc) in _PG_DRIVERS:
        return _of_postgresql(exc, state, names)
    return _of_sqlite(exc, names)
