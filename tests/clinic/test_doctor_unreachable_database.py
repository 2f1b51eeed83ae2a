"""``reverie doctor`` (and every command) when the clinic's PostgreSQL cannot be reached or refuses the
connection for good says "the database is busy … try again in a moment"."""

from __future__ import annotations

import os
import socket
from typing import Any

import pytest

BUSY = "the database is busy"


def _closed_port() -> int:
    """A loopback port nothing listens on (taken from the kernel, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_doctor_with_the_database_server_down_says_it_cannot_be_reached(cli: Any) -> None:
    """An admin whose PostgreSQL is down (or ``REVERIE_DATABASE_URL`` names the wrong host or port) runs
    ``reverie doctor`` and reads: "Not saved: the database is busy (another Reverie program is writing to it, or it
    is restarting). Nothing saved before is lost; try again in a moment." Nothing was being saved, no other program
    is writing, and waiting will not help. Doctor should say the database server at that address could not be
    reached (check it is running and the address in REVERIE_DATABASE_URL), never "busy" and "Not saved"."""
    url = f"postgresql://reverie@127.0.0.1:{_closed_port()}/reverie"
    code, out, err = cli("doctor", check=False, REVERIE_DATABASE_URL=url)
    said = out + err
    assert code != 0
    assert BUSY not in said and "Not saved" not in said, said
    assert "reach" in said or "connect" in said, said
    assert code == 15 and "[E560]" in said and "REVERIE_DATABASE_URL" in said, (code, said)


@pytest.mark.parametrize("command", [("doctor",), ("user", "create", "cz")])
def test_a_database_host_that_does_not_resolve_is_unreachable_not_busy(
    cli: Any, command: tuple[str, ...]
) -> None:
    """r130 fault 5: a host name that does not resolve (``.invalid`` never does) was "Not saved: the database is
    busy … [E540]", exit 13: psycopg resolves the name itself and raises an OperationalError with no half-made
    connection and no SQLSTATE. It is a failed connection attempt, told by where it was raised: E560, exit 15."""
    url = "postgresql://reverie:S3cretPW@db.invalid:5432/reverie"
    code, out, err = cli(*command, check=False, REVERIE_DATABASE_URL=url)
    said = out + err
    assert code == 15 and "[E560]" in said and "db.invalid" in said, (code, said)
    assert BUSY not in said and "Not saved" not in said and "S3cretPW" not in said, said


@pytest.mark.db
@pytest.mark.postgres
def test_doctor_with_a_database_name_that_does_not_exist_names_it(cli: Any) -> None:
    """``REVERIE_DATABASE_URL`` names a database the (running) server does not have (a typo in the name, or the
    database not created yet): ``reverie doctor`` says "the database is busy … try again in a moment", for ever.
    It should say that the server has no database of that name (or, at least, that it refused the connection and
    why), never "busy"."""
    base = os.environ.get("REVERIE_DATABASE_URL", "")
    if not base.startswith("postgres"):
        pytest.skip("needs the PostgreSQL server started by the test command")
    url = base.rsplit("/", 1)[0] + "/no_such_database_here"
    code, out, err = cli("doctor", check=False, REVERIE_DATABASE_URL=url)
    said = out + err
    assert code != 0
    assert BUSY not in said and "Not saved" not in said, said
    assert "no_such_database_here" in said or "does not exist" in said, said
