"""``reverie insights`` and ``reverie demo``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from reverie.cli.plain import check_id


def insights(
    ctx: typer.Context,
    user: Annotated[
        str | None, typer.Option("--user", "-u", help="Your user name (or REVERIE_USER).")
    ] = None,
    client: Annotated[
        int | None, typer.Option(callback=check_id, help="Therapists: the client's id.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    pdf: Annotated[Path | None, typer.Option(help="Write a printable PDF report here.")] = None,
) -> None:
    """Patterns over time in what you wrote (or, for a therapist, in what a client shared)."""
    if ctx.invoked_subcommand is not None:
        return
    from reverie.cli.rich_text import console as rich_console
    from reverie.cli.rich_text import shown
    from reverie.cli.runtime import sign_in
    from reverie.clinic.services import insights as service
    from reverie.insights.view import DISCLAIMER

    actor = sign_in(user)
    view = service.view_for(actor, client)
    if pdf is not None:
        from reverie.cli.paths import write_named

        write_named(pdf, service.report_pdf(actor, view, client))
        typer.echo(f"Wrote {pdf}.")
        return
    if as_json:
        typer.echo(json.dumps(view.to_json(), ensure_ascii=False))
        return
    from reverie.insights.highlights import highlights, readable_sections

    console = rich_console()
    console.print(f"[dim]{DISCLAIMER}[/]")
    if view.too_few_entries:  # one plain sentence, no figures (review r116)
        from reverie.insights.view import too_few_words

        console.print(too_few_words(view))
        return
    console.print("\n[bold]The strongest patterns[/]")
    for n, h in enumerate(highlights(view), 1):
        console.print(f"  {n}. {shown(h.sentence)} [dim]({shown(str(h.seen))})[/]")
    unverified = [(view.unverified.title, view.unverified.statements)] if view.unverified else []
    for title, statements in [*readable_sections(view), *unverified]:
        console.print(f"\n[bold]{shown(title)}[/]")
        if not statements:
            console.print("  [dim]nothing to show yet[/]")
        for s in statements:
            console.print(
                f"  • {shown(s.text)} [dim]({shown(s.strength)}; entries {', '.join(e[:8] for e in s.evidence[:5])})[/]"
            )


def demo() -> None:
    """Load invented demo data (a client and a therapist, six months of entries) and analyse it. For a fresh data
    folder only: refused where accounts other than the demo's exist."""
    from reverie.cli.rich_text import progress
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.services.demo import load_demo, sign_in_words

    with progress() as bar:
        task = bar.add_task("Writing and analysing demo entries", total=None)
        accounts = load_demo(lambda i, n: bar.update(task, completed=i, total=n))
    typer.echo(
        f"Demo loaded ({accounts.entries} invented entries, tagged 'demo data').\n"
        f"Open http://127.0.0.1:8000/ (`reverie serve`). {sign_in_words(accounts)}\nThen open Patterns."
    )


def precision(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """For the operator: how often people said an observation fits, per analyzer, over the whole install.

    Counts only (no entry, no person, no observation text); an analyzer with fewer than 5 answers shows none.
    """
    from rich.table import Table

    from reverie.cli.rich_text import console as rich_console
    from reverie.cli.runtime import django_ready

    django_ready()
    from reverie.clinic.services.observations import MIN_ANSWERS
    from reverie.clinic.services.observations import precision as measure

    rows = measure()
    if as_json:
        typer.echo(
            json.dumps({"schema": "reverie.fit-precision/1", "analyzers": [r.to_json() for r in rows]})
        )
        return
    table = Table("analyzer", "answers", "people", "fits", "doesn't fit", "not sure", "precision")
    for r in rows:
        cells = [r.fits, r.does_not_fit, r.not_sure]
        shown = ["–" if c is None else str(c) for c in cells]
        p = r.precision
        table.add_row(r.analyzer, str(r.answered), str(r.people), *shown, "–" if p is None else f"{p:.2f}")
    console = rich_console()
    console.print(table)
    console.print(f"[dim]precision = fits ÷ (fits + doesn't fit); hidden below {MIN_ANSWERS} answers.[/]")


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        help="Patterns over time in what you wrote (or, for a therapist, in what a client shared)."
    )
    group.callback(invoke_without_command=True)(insights)
    group.command()(precision)
    app.add_typer(group, name="insights")
    app.command()(demo)
