"""The crisis lines as the command line prints them, for every command that shows them (``reverie measure fill``
after PHQ-9 question 9, ``reverie journal``'s check-ins): one heading, one line each. Which lines is one choice,
the web's and the API's too: ``care.services.safety.lines_for_person`` (``lines_in_words`` for the command line)."""

from __future__ import annotations

import typer


def echo_lines(lines: list[tuple[str, str]]) -> None:
    """``lines`` as (name, instruction), under "Crisis lines (or your local emergency number):"."""
    typer.echo("Crisis lines (or your local emergency number):")
    for name, instruction in lines:
        typer.echo(f"  {name}: {instruction}")
