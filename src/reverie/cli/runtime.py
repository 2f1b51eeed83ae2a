"""Lazy set-up for commands that touch storage: Django is imported only when a command needs it."""

from __future__ import annotations

import getpass
import os
import sys
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


def _migrate_if_needed() -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", verbosity=0, interactive=False)


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
