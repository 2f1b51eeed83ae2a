"""Commands that run or look after an installation: serve, users, keys, backup, restore, erase."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reverie.errors import ConfigurationError, InvalidInput

user_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
keys_app = typer.Typer(help="Manage the master key.", no_args_is_help=True)


def check_safe_to_serve(host: str) -> None:
    """Refuse clinic mode without TLS or with default secrets; refuse a public address in embedded mode."""
    from django.conf import settings

    config = settings.REVERIE
    if config.clinic_mode:
        if not config["REVERIE_TLS"]:
            raise ConfigurationError("Clinic mode needs TLS: serve behind HTTPS and set REVERIE_TLS=true.")
        if not config["REVERIE_DATABASE_URL"].startswith(("postgres://", "postgresql://")):
            raise ConfigurationError("Clinic mode needs PostgreSQL: set REVERIE_DATABASE_URL=postgresql://…")
    elif host not in ("127.0.0.1", "localhost", "::1"):
        raise ConfigurationError(
            "The embedded mode serves this machine only (127.0.0.1). Use clinic mode for more."
        )


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on (default REVERIE_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default REVERIE_PORT).")] = None,
    worker: Annotated[bool, typer.Option(help="Also run the analysis worker in this process.")] = True,
) -> None:
    """Start Reverie's web app (first run: open it in a browser to create the first account)."""
    from django.conf import settings

    from reverie.cli.runtime import django_ready

    django_ready()
    config = settings.REVERIE
    bind_host = host or str(config["REVERIE_HOST"])
    bind_port = port or int(config["REVERIE_PORT"])
    check_safe_to_serve(bind_host)
    from reverie.clinic.services import keys

    if keys.ensure_key_file():
        typer.echo(
            f"Created a new master key at {config.key_file}. Back it up: without it nothing can be read."
        )
    if worker:
        from reverie.clinic.services.worker import start_background_worker

        start_background_worker()
    import waitress

    from reverie.clinic.wsgi import application

    typer.echo(f"Reverie is running at http://{bind_host}:{bind_port}/  (Ctrl+C to stop)")
    waitress.serve(application, host=bind_host, port=bind_port, threads=8, ident="reverie", _quiet=True)


@user_app.command("create")
def user_create(
    username: str,
    role: Annotated[str, typer.Option(help="client or therapist.")] = "client",
) -> None:
    """Create an account (the password is asked for, or read from REVERIE_PASSWORD)."""
    from reverie.cli.runtime import django_ready, password_from
    from reverie.clinic.services import keys, people

    django_ready()
    keys.ensure_key_file()
    user = people.create_user(username, password_from("New password: "), role)
    typer.echo(f"Created {user.role} account '{user.username}'.")


@keys_app.command("rotate")
def keys_rotate() -> None:
    """Add a new master key and re-wrap every client's data key under it."""
    from django.conf import settings

    from reverie.cli.runtime import django_ready
    from reverie.clinic.services import keys
    from reverie.vault.keys import rotate_key_file

    django_ready()
    if settings.REVERIE["REVERIE_MASTER_KEY"]:
        raise ConfigurationError(
            "The master key comes from REVERIE_MASTER_KEY; rotate it in your secret store."
        )
    kid = rotate_key_file(settings.REVERIE.key_file)
    keys.forget_cached_keys()
    count = keys.rewrap_all()
    typer.echo(f"New master key {kid} is active; re-wrapped {count} data keys.")


def backup(path: Path) -> None:
    """Write a backup of the whole database (ciphertext stays ciphertext; back up the key file separately)."""
    from reverie.cli.runtime import django_ready
    from reverie.clinic.services.backup import create_backup

    django_ready()
    count = create_backup(path)
    typer.echo(f"Backed up {count} records to {path}. Keep the key file safe too: the backup needs it.")


def restore(path: Path) -> None:
    """Restore a backup into an empty database."""
    from reverie.cli.runtime import django_ready
    from reverie.clinic.services.backup import restore_backup

    django_ready()
    count = restore_backup(path)
    typer.echo(f"Restored {count} records.")


def erase(
    user: Annotated[str | None, typer.Option("--user", "-u", help="Your user name.")] = None,
    confirm: Annotated[str, typer.Option(help="Type your user name again to confirm.")] = "",
) -> None:
    """Erase your account and everything you wrote, for good (your data key is destroyed)."""
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import portability

    actor = sign_in(user)
    if not confirm:
        raise InvalidInput("Erasing cannot be undone. Repeat with --confirm YOUR-USER-NAME.")
    count = portability.erase_client(actor, confirm)
    typer.echo(f"Erased the account and {count} entries. Old backups can no longer be read for this person.")


def worker(
    interval: Annotated[float, typer.Option(help="Seconds between polls for new tasks.")] = 1.0,
) -> None:
    """Run background tasks (analysis of saved entries). Several workers may share one PostgreSQL database."""
    from django.core.management import call_command

    from reverie.cli.runtime import django_ready

    django_ready()
    call_command("db_worker", interval=interval, verbosity=0)


def register(app: typer.Typer) -> None:
    app.command()(serve)
    app.command()(worker)
    app.command()(backup)
    app.command()(restore)
    app.command()(erase)
