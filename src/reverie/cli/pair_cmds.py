"""``reverie pair …``: link a client with a therapist by a one-time invitation code, list and end links."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from reverie.cli.plain import check_id

app = typer.Typer(help="Link a client and a therapist (an invitation code, as on the web's /pair/ page).")
UserOpt = Annotated[str | None, typer.Option("--user", "-u", help="Your user name (or REVERIE_USER).")]


@app.command("invite")
def invite(user: UserOpt = None) -> None:
    """Make a one-time invitation code for the other person (works once, for 14 days)."""
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import people

    actor = sign_in(user)
    code = people.issue_invitation(actor)
    typer.echo(f"Invitation code (works once, for 14 days; give it to the other person):\n{code}")
    _tell_what_the_therapist_sees(actor)


@app.command("accept")
def accept(
    code: Annotated[str, typer.Argument(help="The invitation code you were given.")], user: UserOpt = None
) -> None:
    """Link with the person who gave you CODE (dashes and case do not matter). A client is told what their
    therapist will see, as on the web and through the API."""
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import people

    actor = sign_in(user)
    people.accept_invitation(actor, code)
    typer.echo("You are now linked.")
    _tell_what_the_therapist_sees(actor)


def _tell_what_the_therapist_sees(actor: Any) -> None:
    """A client linking (or inviting) is told what a linked therapist sees: the words the web's /pair/ page and the
    API's answers give (``alerts.THERAPIST_SEES``, the one source)."""
    from reverie.care.services.alerts import THERAPIST_SEES

    if actor.is_client:
        typer.echo(THERAPIST_SEES)


@app.command("list")
def list_(user: UserOpt = None) -> None:
    """Your active links: the link's number, the other person and since when."""
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import people
    from reverie.clinic.services.local_time import local_date

    actor = sign_in(user)
    departed = people.departed_notice(actor)  # their only therapist's account closed (review r97)
    if departed:
        typer.echo(departed)
    for pair in people.active_pairs(actor):
        other = pair.therapist if actor.is_client else pair.client
        typer.echo(
            f"{pair.pk}\t{other.username}\tsince {local_date(pair.started_at, actor)}"
        )  # their own day


@app.command("end")
def end(
    pair_id: Annotated[int, typer.Argument(callback=check_id, help="The link's number, from `pair list`.")],
    user: UserOpt = None,
    yes: Annotated[bool, typer.Option("--yes", help="End without asking.")] = False,
) -> None:
    """End link PAIR_ID (from `pair list`); asks first unless --yes. Nothing more is shared after it."""
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import people

    actor = sign_in(user)
    if not yes:
        _tell_what_the_end_closes(actor, pair_id)
    if not yes and not typer.confirm(
        f"End link {pair_id}? Nothing more is shared after it, and an open course of therapy between you ends today.",
        default=False,
    ):
        typer.echo("Kept the link.")
        return
    people.end_pair(actor, pair_id)
    typer.echo("The link has ended. Nothing more is shared.")


def _tell_what_the_end_closes(actor: Any, pair_id: int) -> None:
    """To a therapist, before the question: their course records with this client that the end puts out of reach,
    each with where to download it, and the client's alerts they have not acknowledged (the web's confirmation says
    the same, review r133)."""
    from reverie.care.services import alerts, course
    from reverie.clinic.services import local_time, people

    pair = next((p for p in people.active_pairs(actor) if p.pk == pair_id), None)
    if pair is None:
        return  # not one of theirs: end_pair refuses it as a missing link
    closes = course.link_end_closes(actor, pair)
    if closes is None or not (closes.courses or closes.alerts):
        return
    if closes.alerts:  # alert lines shown: a reading, audited as on the web
        alerts.record_read(actor, closes.alerts)
    typer.echo(
        f"After the end you cannot open your course records with {pair.client.username} any more (the sessions,"
        " progress and process notes, questionnaires, formulation, goals and letter); they open again only if you"
        " link again."
    )
    for line in closes.lines(local_time.zone_of(actor)):
        typer.echo(f"- {line}")
