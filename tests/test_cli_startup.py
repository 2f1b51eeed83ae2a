"""``reverie --help`` stays light: no Rich, no Django, no analysis stack (issue 16; bench/cli_help_bench.py), and not
Click itself (Typer ≥ 0.20 carries its own copy; importing Click too cost about as much as Typer) nor ``secrets``."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
sys.argv = ["reverie", "--help"]
from reverie.cli.main import run
try:
    run()
except SystemExit:
    pass
heavy = ["rich", "django", "numpy", "spacy", "onnxruntime", "reverie.analysis.pipeline", "click", "secrets"]
print("LOADED", [name for name in heavy if name in sys.modules])
"""


def test_help_imports_no_rich_django_or_analysis() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
    assert "Usage: reverie" in out
    assert "LOADED []" in out
