"""``reverie user passwd|reset-password|reset-two-step|invite-therapist``: passwords, two-step sign-in and therapist
accounts from the CLI."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from reverie.errors import AuthenticationFailed, InvalidInput

UserOpt = Annotated[str | None, typer.Option("--user", "-u", help="Your user name (or REVERIE_USER).")]


def _new_password() -> str:
    given = os.environ.get("REVERIE_NEW_PASSWORD")
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise AuthenticationFailed(
            "No new password: set REVERIE_NEW_PASSWORD or run in a terminal to be asked."
        )
    import getpass

    first = getpass.getpass("New password: ")
    if getpass.getpass("The new password again: ") != first:
        raise InvalidInput("The two new passwords differ; nothing was changed.")
    return first


def passwd(user: UserOpt = None) -> None:
    """Change your password (the current one from REVERIE_PASSWORD or asked; the new one from
    REVERIE_NEW_PASSWORD or asked twice). Ends your web sessions and revokes your API tokens."""
    from reverie.cli.runtime import django_ready, password_from

    django_ready()
    from reverie.clinic.models import User
    from reverie.clinic.services import passwords

    name = (user or os.environ.get("REVERIE_USER") or "").strip().lower()
    if not name:
        raise AuthenticationFailed("Say who you are with --user NAME (or REVERIE_USER).")
    current = password_from("Current password: ")
    person = User.objects.filter(username=name, is_active=True).first() or User(username=name)
    revoked = passwords.change_password(person, current, _new_password(), address="cli")
    typer.echo(f"Password changed. Other sessions ended; {revoked} API tokens revoked.")


def reset_password(
    username: Annotated[str, typer.Argument(help="The user name of the person who forgot their password.")],
    stdin: Annotated[
        bool, typer.Option("--stdin", help="Read the one-time password from standard input.")
    ] = False,
) -> None:
    """Operator: set a one-time password for USERNAME (printed, or read with --stdin); the person must choose
    their own at the next sign-in. Ends their sessions and revokes their API tokens."""
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.services import passwords

    given = sys.stdin.readline().rstrip("\r\n") if stdin else None
    if stdin and not given:
        raise InvalidInput("No password on standard input.")
    password = passwords.reset_password(username, given)
    if stdin:
        typer.echo(
            f"Password of '{username.strip().lower()}' reset; they must change it at their next sign-in."
        )
    else:
        typer.echo(f"One-time password for '{username.strip().lower()}' (shown once; they must change it):")
        typer.echo(password)


def reset_two_step(
    username: Annotated[
        str, typer.Argument(help="The user name of the person who lost their authenticator.")
    ],
) -> None:
    """Operator: turn two-step sign-in off for USERNAME (their authenticator and recovery codes stop working;
    audited), sign them out everywhere and revoke their API tokens. A therapist sets a new authenticator up at their next
    sign-in; a client may."""
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.services import signin

    name = username.strip().lower()
    if signin.reset_second_factor(name):
        typer.echo(
            f"Two-step sign-in of '{name}' cleared; their old codes no longer work. "
            "They are signed out everywhere (their sessions ended) and their API tokens were revoked."
        )
    else:
        typer.echo(
            f"'{name}' had no two-step sign-in; nothing to clear. "
            "They are signed out everywhere (their sessions ended) and their API tokens were revoked."
        )


def invite_therapist(
    days: Annotated[int, typer.Option(help="Days the code stays valid (1–90).")] = 14,
) -> None:
    """Operator: a one-time code with which one therapist signs up (the public sign-up makes clients only)."""
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.services import enrolment, keys

    keys.ensure_key_file()
    code = enrolment.issue_account_invitation(days=days)
    typer.echo(f"Therapist invitation (shown once, valid {days} days; enter it on the sign-up page):")
    typer.echo(code)


def register(user_app: typer.Typer) -> None:
    user_app.command("passwd")(passwd)
    user_app.command("reset-password")(reset_password)
    user_app.command("reset-two-step")(reset_two_step)
    user_app.command("invite-therapist")(invite_therapist)
    from reverie.cli.local_times import time_zone

    user_app.command("time-zone")(time_zone)
