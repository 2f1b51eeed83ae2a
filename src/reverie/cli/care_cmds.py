"""``reverie course|measure|directory|fit``: the course of therapy from the command line."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Mount the course commands on the main app."""
