"""``reverie token …``: personal API access tokens (the secret is shown once; only its hash is kept)."""

from __future__ import annotations

from typing import Annotated

import typer

from reverie.cli.plain import check_id

app = typer.Typer(help="Personal access tokens for the REST API.", no_args_is_help=True)
UserOpt = Annotated[str | None, typer.Option("--user", "-u", help="Your user name (or REVERIE_USER).")]


def _no_therapists_without_code(actor: object) -> None:
    from reverie.errors import PermissionDenied

    if getattr(actor, "is_therapist", False):
        raise PermissionDenied("Therapists create API tokens in the web app, after the two-step sign-in.")


@app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="A name to know it by, e.g. the app that uses it.")],
    user: UserOpt = None,
) -> None:
    """Create a token; it is printed once."""
    from reverie.cli.runtime import sign_in

    actor = sign_in(user)
    _no_therapists_without_code(actor)
    from reverie.api import tokens

    issued = tokens.issue(actor, name)
    typer.echo(f"Token {issued.token.pk} '{name}' (shown once, keep it secret):\n{issued.secret}")


@app.command("list")
def list_(user: UserOpt = None) -> None:
    """List your tokens (never their secrets)."""
    from reverie.cli.local_times import stamp, zone_for
    from reverie.cli.runtime import sign_in

    actor = sign_in(user)
    from reverie.api import tokens

    zone = zone_for(actor)
    for token in tokens.owned(actor):
        used = stamp(token.last_used_at, zone) if token.last_used_at else "never"
        typer.echo(f"{token.pk}\t{token.name}\t{token.prefix}…\tlast used {used}")


@app.command("revoke")
def revoke(
    token_id: Annotated[
        int, typer.Argument(callback=check_id, help="The token's number, from `token list`.")
    ],
    user: UserOpt = None,
) -> None:
    """Revoke one of your tokens."""
    from reverie.cli.runtime import sign_in

    actor = sign_in(user)
    from reverie.api import tokens

    tokens.revoke(actor, token_id)
    typer.echo(f"Revoked token {token_id}.")
