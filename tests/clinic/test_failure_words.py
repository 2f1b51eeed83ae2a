"""errors.failure_of must not classify a constraint error as "busy" because of the words it echoes."""

from __future__ import annotations

from django.db import IntegrityError

from reverie.errors import CONFLICT_MESSAGE, Conflict, DatabaseBusy, failure_of


def test_an_integrity_error_echoing_a_persons_words_is_not_a_busy_database() -> None:
    """PostgreSQL's DETAIL echoes the key's value: a name someone typed ("database is locked") is not a busy DB."""
    exc = IntegrityError(
        'duplicate key value violates unique constraint "clinic_tag_name"\n'
        "DETAIL:  Key (name)=(database is locked) already exists."
    )
    said = failure_of(exc)  # a conflict (409, exit 6) in fixed words, never busy, never the key's value
    assert isinstance(said, Conflict) and not isinstance(said, DatabaseBusy)
    assert said.message == CONFLICT_MESSAGE


def test_a_refused_value_or_statement_is_never_a_machine_failure() -> None:
    """DataError and ProgrammingError carry what was sent or a program's fault, whatever their words."""
    from django.db import DataError, ProgrammingError

    assert failure_of(DataError("value too long: database or disk is full")) is None
    assert failure_of(ProgrammingError("file is not a database")) is None


def test_a_postgresql_failure_is_told_by_its_sqlstate_not_its_words() -> None:
    """A PostgreSQL error whose SQLSTATE is none of the machine's (a check constraint, 23514) says nothing by its
    text; a deadlock (40P01) is busy whatever its text says."""
    import psycopg.errors as pg
    from django.db import OperationalError

    class Other(OperationalError):
        sqlstate = "P0001"  # raise_exception: a function's own message, which could echo anything

    assert failure_of(Other("database is locked")) is None
    deadlock = OperationalError("deadlock")
    deadlock.__cause__ = pg.DeadlockDetected("deadlock detected")
    assert isinstance(failure_of(deadlock), DatabaseBusy)
