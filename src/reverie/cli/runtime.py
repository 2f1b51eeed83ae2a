"""Lazy set-up for commands that touch storage: Django is imported only when a command needs it."""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reverie.errors import AuthenticationFailed

if TYPE_CHECKING:
    from reverie.clinic.models import User

_ready = False


def django_ready(*, migrate: bool = True) -> None:
    global _ready
    if _ready:
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reverie.clinic.settings")
    import django

    django.setup()
    if migrate:
        _migrate_if_needed()
    _ready = True


# The PostgreSQL advisory lock held while migrating (any fixed number; this one spells "revmigr" loosely).
MIGRATION_LOCK_KEY = 0x7265766D6967


def _migrate_if_needed() -> None:
    """Bring the database up to date, once, even when several processes start together on a fresh database (two
    workers at boot, a worker beside the first `reverie serve`): the check and the migration are made under a
    lock, so the second waits for the first and then finds nothing to do."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return  # the usual case, with no lock taken
    with _migration_lock():
        executor = MigrationExecutor(connection)  # read again: another process may have migrated meanwhile
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            from django.core.management import call_command

            call_command("migrate", verbosity=0, interactive=False)


@contextlib.contextmanager
def _migration_lock() -> Iterator[None]:
    """PostgreSQL: a session advisory lock (every process on every machine sharing the database); SQLite: an
    exclusive file lock in the data folder (the processes sharing that database file)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK_KEY])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK_KEY])
        return
    import fcntl

    from django.conf import settings

    data_dir = settings.REVERIE.data_dir
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(data_dir / "migrate.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # released when the file is closed, or the process ends
        yield
    finally:
        os.close(fd)


def password_from(prompt: str = "Password: ") -> str:
    given = os.environ.get("REVERIE_PASSWORD")
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise AuthenticationFailed("No password: set REVERIE_PASSWORD or run in a terminal to be asked.")
    return getpass.getpass(prompt)


def sign_in(username: str | None) -> User:
    """The person a command acts for: --user (or REVERIE_USER) and their password."""
    django_ready()
    from reverie.clinic.services import people

    name = username or os.environ.get("REVERIE_USER")
    if not name:
        raise AuthenticationFailed("Say who you are with --user NAME (or REVERIE_USER).")
    user = people.authenticate(name, password_from())
    if user.must_change_password:
        raise AuthenticationFailed(
            "Your password was reset: choose your own first with `reverie user passwd`."
        )
    from reverie.cli import editing

    editing.sweep(
        user
    )  # an editor's file a cut-off `journal write` could not remove: sealed, never left plain
    return user


# Importing this module readies Django: commands import it before any model or service.
django_ready()
