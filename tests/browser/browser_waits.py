"""Visibility checks that wait: a page reached by a click may still be loading when the next line runs.

``locator.is_visible()`` answers at once, so ``assert page.locator(...).is_visible()`` right after a click that
submits a form fails by chance on a busy machine. ``shown`` waits (up to the page's default timeout) for the
element to become visible and then answers True; a check that something is *not* visible stays immediate.
"""

from __future__ import annotations

from typing import Any


def shown(locator: Any) -> bool:
    locator.wait_for(state="visible")
    return True
