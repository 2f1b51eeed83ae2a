"""The ``reverie`` command: thin Typer commands over the same services the web uses."""

import os

# Plain (click) help instead of Rich panels: ``reverie --help`` then starts about twice as fast, because Typer
# does not import Rich and its Markdown parser just to print the command list (bench/cli_help_bench.py).
# Set TYPER_USE_RICH=1 to get the panels back.
os.environ.setdefault("TYPER_USE_RICH", "0")
