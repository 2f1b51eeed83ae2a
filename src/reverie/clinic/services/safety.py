"""Crisis lines and the safety plan, reachable from every page."""

from __future__ import annotations

from typing import Any


def crisis_lines() -> list[Any]:
    from reverie.programmes import safety

    return list(safety.load_crisis_lines())
