"""``reverie recovery-legacy``: the operator's look at recovery copies of the first format, which name no owner."""

from __future__ import annotations

from typing import Annotated

import typer


def recovery_legacy(
    delete: Annotated[
        bool, typer.Option("--delete", help="Delete them (they cannot be given to anyone).")
    ] = False,
) -> None:
    """List (or delete) recovery copies in the old reverie.recovery/1 format: they name no owner, so
    `journal recover` never restores them into anyone's journal."""
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.services import recovery

    copies = recovery.legacy()
    for path in copies:
        if delete:
            recovery.discard(path)
        typer.echo(str(path))
    verb = "Deleted" if delete else "Found"
    typer.echo(f"{verb} {len(copies)} recovery copies of the old format {recovery.LEGACY_FORMAT}.")


def register(app: typer.Typer) -> None:
    app.command("recovery-legacy")(recovery_legacy)
