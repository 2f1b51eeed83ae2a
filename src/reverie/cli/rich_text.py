"""The one way the command line hands text to Rich (tables, colours, progress bars).

Rich reads square brackets as styling ("[bold]", "[/]", "[link=x]") and ``:name:`` as an emoji code: a person's
words, stored or typed, must reach the terminal as written, never restyled, never stopping the command with a
markup error. So every text a person wrote (an entry, a title, a feeling's or a person's name, a quote, a sentence
built from them) goes through :func:`shown` before it is put in markup or a table cell, and is printed by a
:func:`console` that reads no emoji codes. Progress bars go to stderr and only to a terminal (:func:`progress`), so
output piped to a file or another program holds only what the command says."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported on first use, so `--help` stays instant
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn


def shown(value: str) -> str:
    """``value`` (a person's words) for Rich markup or a table cell: its brackets printed as characters."""
    from rich.markup import escape

    return escape(value)


def console(*, stderr: bool = False) -> Console:
    """A console that prints ``:name:`` as typed (no emoji codes): a person's ":cry:" stays ":cry:"."""
    from rich.console import Console

    return Console(emoji=False, stderr=stderr)


def progress(*columns: str | ProgressColumn) -> Progress:
    """A transient progress bar on stderr, shown only when stderr is a terminal: nothing of it in a pipe or a
    file (not even an empty line). ``columns`` as Rich's ``Progress`` takes them (its default bar when none): every
    progress bar of the command line is made here."""
    from rich.progress import Progress

    out = console(stderr=True)
    return Progress(*columns, transient=True, console=out, disable=not out.is_terminal)
