"""r22: a typed date at the very edge of the calendar (1 Jan year 1, 00:30, for a person in Berlin; 31 Dec 9999,
23:30, in New York) read by ``local_time.wall_clock`` (h6) overflowed when turned into UTC: the write form answered 500
and ``reverie journal write --happened-at`` crashed, where a plain refusal is owed. Now a date outside the years
1900-9998 is refused in plain words (``local_time.check_year``). Only the clock is real."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.models import Entry

pytestmark = [pytest.mark.django_db, pytest.mark.db]


@pytest.mark.parametrize(
    ("zone", "typed"),
    [("Europe/Berlin", "0001-01-01T00:30"), ("America/New_York", "9999-12-31T23:30")],
)
def test_write_form_refuses_a_date_at_the_calendar_edge_instead_of_500(
    make_user: Any, web_as: Any, zone: str, typed: str
) -> None:
    """The write form answers 400 with the text kept (no 500) for a time whose UTC instant is outside years 1-9999."""
    user = make_user()
    user.time_zone = zone
    user.save(update_fields=["time_zone"])
    browser = web_as(user)
    browser.raise_request_exception = False
    response = browser.post("/write/", {"kind": "dream", "body": "kept dream text", "happened_at": typed})
    assert response.status_code == 400
    assert "kept dream text" in response.content.decode()
    assert not Entry.objects.filter(client=user).exists()


def test_cli_write_refuses_a_date_at_the_calendar_edge_plainly(cli: Any) -> None:
    """`reverie journal write --happened-at 0001-01-01T00:30` for a Berlin user exits with a plain message, no traceback."""
    cli("user", "create", "bea")
    cli("user", "time-zone", "Europe/Berlin", "-u", "bea")
    code, _, err = cli(
        "journal", "write", "-u", "bea", "--kind", "dream", "--happened-at", "0001-01-01T00:30",
        input=b"a dream", check=False,
    )  # fmt: skip
    assert code != 0
    assert "unexpected" not in err and "OverflowError" not in err


@pytest.mark.parametrize("year", [1, 1899])
def test_the_journal_service_refuses_an_entry_dated_before_1900_on_every_path(year: int) -> None:
    """h8: the one accepted range for ``happened_at`` (years 1900-9998) is checked in the service every path shares
    (web, API, CLI, import), before any UTC arithmetic: a plain InvalidInput naming the range."""
    from datetime import datetime, timedelta, timezone

    from reverie.clinic.services.journal import EntryDraft, validate
    from reverie.errors import InvalidInput

    when = datetime(year, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1)))
    with pytest.raises(InvalidInput, match="between the years 1900 and 9998"):
        validate(EntryDraft(kind="dream", body="a dream", happened_at=when))
