"""Run a block with some of Reverie's settings changed: ``with configured(REVERIE_ANALYSIS="background"): ...``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def configured(**changes: Any) -> Iterator[None]:
    """``settings.REVERIE`` with ``changes`` over its values, the original back afterwards (also on failure)."""
    from django.conf import settings

    from reverie import settings as reverie_settings

    original = settings.REVERIE
    settings.REVERIE = reverie_settings.Config({**original.values, **changes})
    try:
        yield
    finally:
        settings.REVERIE = original
