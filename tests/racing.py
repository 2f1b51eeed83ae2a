"""Two requests at once, for the lock-order tests: one runs on a thread with a database connection of its own
(as another request would), the other in the test; each outcome is kept, never raised, so a deadlock shows as the
error's name in the assertion. On SQLite the write transactions serialise them; the races are PostgreSQL's."""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.db import connection


def on_own_connection(done: str, call: Callable[[], object]) -> tuple[threading.Thread, list[str]]:
    """A thread (not started) that runs ``call`` on its own connection; its list gets ``done`` or the error's name."""
    outcomes: list[str] = []

    def run() -> None:
        try:
            call()
            outcomes.append(done)
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    return threading.Thread(target=run), outcomes


def failure(call: Callable[[], object]) -> str | None:
    """What ``call`` failed with (its error's name and first line), or None when it succeeded."""
    try:
        call()
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    return None
