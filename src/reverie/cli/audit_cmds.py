"""``reverie audit``: check the audit trail's keyed hash chain."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(
    help="The audit trail: who read or changed what, when (never content).", no_args_is_help=True
)


@app.command("verify")
def verify(
    reanchor: Annotated[
        bool,
        typer.Option(
            "--reanchor",
            help="Accept the chain as it is now and move the anchor file to its head (after a restore from "
            "a backup, which truly shortens the chain). Only when every event still verifies.",
        ),
    ] = False,
) -> None:
    """Recheck every audit event, the head row and the anchor file; exit non-zero on any sign of tampering."""
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.services import audit
    from reverie.errors import IntegrityError

    check = audit.reanchor() if reanchor else audit.verify()
    legacy = f", {check.legacy} of them unkeyed (legacy, before the first keyed one)" if check.legacy else ""
    typer.echo(f"{check.events} events{legacy}.")
    if check.restored and check.restored_rounded:
        typer.echo(
            f"The first {check.restored} came from a backup that kept their times to the millisecond only"
            " (reverie.backup/4 or older): each digest is rechecked at the 1,000 times within its millisecond, so"
            " everything but the microseconds of their times is checked; the chain was re-anchored when it was"
            " restored (by a Reverie that did not yet recover those microseconds) and is checked in full from there."
        )
    elif check.restored:
        typer.echo(
            f"The first {check.restored} came from a backup keyed under another key file's master key: they cannot"
            " be checked here; the chain was re-anchored when it was restored and is checked from there."
        )
    if not check.ok:
        where = f" at event {check.first_bad_id}" if check.first_bad_id is not None else ""
        raise IntegrityError(f"The audit trail failed its check{where}: {check.problem}.")
    if reanchor:
        typer.echo(f"Anchor moved to the chain's head ({audit.anchor_path()}).")
    elif not check.anchored:
        typer.echo(
            f"No anchor file yet ({audit.anchor_path()}): removal of the newest events is caught by the head row only."
        )
    typer.echo("The audit trail is intact.")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="audit")
