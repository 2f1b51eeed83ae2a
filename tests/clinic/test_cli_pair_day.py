"""``reverie pair list`` dates a link on the reader's own day (r20, part 2: a person's day is their own)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from test_cli_pair import CODE


@pytest.mark.db
def test_pair_list_dates_the_link_on_the_readers_day(cli: Any) -> None:
    """Linked now, listed by a therapist whose calendar day differs from UTC's now (UTC+14 or UTC−12, whichever
    is not on today's UTC date): "since" gives their date, not UTC's."""
    zone = "Pacific/Kiritimati" if datetime.now(UTC).hour >= 10 else "Etc/GMT+12"
    cli("user", "create", "tara", "--role", "therapist")
    cli("user", "create", "cleo")
    cli("user", "time-zone", zone, "-u", "tara")
    code = CODE.search(cli("pair", "invite", "--user", "tara")[1])
    assert code is not None
    cli("pair", "accept", code.group(0), "--user", "cleo")
    listed = cli("pair", "list", "--user", "tara")[1]
    assert f"since {datetime.now(ZoneInfo(zone)).date().isoformat()}" in listed, listed
