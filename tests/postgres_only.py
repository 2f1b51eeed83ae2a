"""The one marker of a test that runs on PostgreSQL only: ``@postgres_only("why")`` on a test, or
``pytestmark = [..., *postgres_only("why")]`` for a whole module.

It marks the test ``db`` (the PostgreSQL run of ``scripts/test`` selects ``-m "db and not browser"``) and
``postgres`` (needs the server the test command starts), and skips it unless ``REVERIE_DATABASE_URL`` names
PostgreSQL, saying why it is PostgreSQL's alone: a race SQLite cannot have (its write transactions are serialised).
Test modules import it by its bare name (``from postgres_only import postgres_only``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TypeVar

import pytest

T = TypeVar("T")


def on_postgres() -> bool:
    """Whether the tests run against PostgreSQL (``REVERIE_DATABASE_URL``, as the test command sets it)."""
    return "postgresql" in os.environ.get("REVERIE_DATABASE_URL", "")


class postgres_only:
    """The marks of a PostgreSQL-only test: a decorator for one test, and iterable for a module's ``pytestmark``."""

    def __init__(self, why: str) -> None:
        self.marks = (
            pytest.mark.db,
            pytest.mark.postgres,
            pytest.mark.skipif(not on_postgres(), reason=f"PostgreSQL only: {why}"),
        )

    def __iter__(self) -> Iterator[pytest.MarkDecorator]:
        return iter(self.marks)

    def __call__(self, test: T) -> T:
        for mark in self.marks:
            test = mark(test)
        return test
