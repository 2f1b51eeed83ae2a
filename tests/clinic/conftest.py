"""Fixtures for the clinic's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def inline() -> Iterator[None]:
    """Analysis runs inline, in the saving request (no worker); a test module may define its own ``inline``."""
    from configured import configured

    with configured(REVERIE_ANALYSIS="inline"):
        yield
