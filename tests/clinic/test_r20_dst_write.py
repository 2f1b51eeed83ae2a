"""r20 adversarial review (one test of test_r20_dst.py) and its neighbours: the journal's write form on the nights the
clocks change (Europe/London). An hour that occurs twice is read as its first occurrence; one that never occurred is
refused in plain words. Nothing is mocked."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal, local_time
from reverie.errors import InvalidInput

pytestmark = [pytest.mark.django_db, pytest.mark.db]
LONDON = ZoneInfo("Europe/London")


def _londoner(make_user: Any) -> Any:
    user = make_user()
    user.time_zone = "Europe/London"
    user.save(update_fields=["time_zone"])
    return user


def test_a_dream_at_half_past_one_on_the_night_clocks_go_back_can_be_written(
    make_user: Any, web_as: Any
) -> None:
    """A London client writes a dream that happened at 01:30 on 25 Oct 2026 (an hour that occurs twice): it is saved."""
    from reverie.clinic.models import Entry

    user = make_user()
    user.time_zone = "Europe/London"
    user.save(update_fields=["time_zone"])
    response = web_as(user).post(
        "/write/", {"kind": "dream", "body": "a night dream", "happened_at": "2026-10-25T01:30"}
    )
    assert response.status_code == 302, response.content.decode()[-600:]
    assert Entry.objects.filter(client=user).count() == 1


def test_the_twice_occurring_hour_is_read_as_its_first_occurrence(make_user: Any, web_as: Any) -> None:
    """01:30 on 25 Oct 2026 in London is stored as 00:30 UTC (01:30 BST, before the clocks go back), as documented."""
    user = _londoner(make_user)
    web_as(user).post(
        "/write/", {"kind": "dream", "body": "a night dream", "happened_at": "2026-10-25T01:30"}
    )
    assert Entry.objects.get(client=user).happened_at == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_a_time_the_clocks_skipped_is_refused_in_plain_words(make_user: Any, web_as: Any) -> None:
    """01:30 on 29 Mar 2026 never happened in London: the form says so, keeps the text and saves nothing."""
    user = _londoner(make_user)
    response = web_as(user).post(
        "/write/", {"kind": "dream", "body": "kept dream text", "happened_at": "2026-03-29T01:30"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Clocks went forward at 01:00 that night: 01:30 did not exist." in page
    assert "ambiguous" not in page and "kept dream text" in page
    assert not Entry.objects.filter(client=user).exists()


def test_editing_an_entry_in_the_second_occurrence_keeps_it_there(make_user: Any, web_as: Any) -> None:
    """An entry at the second 01:30 (01:30 GMT, after the clocks went back) keeps its time when saved unchanged."""
    user = _londoner(make_user)
    second = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    view = journal.create_entry(
        user, journal.EntryDraft(kind="dream", body="first words", happened_at=second)
    )
    response = web_as(user).post(
        f"/journal/{view.id}/edit/",
        {
            "kind": "dream",
            "body": "changed words",
            "happened_at": "2026-10-25T01:30",
            "base_revision": str(view.revision),
        },
    )
    assert response.status_code == 302, response.content.decode()[-600:]
    assert Entry.objects.get(pk=view.id).happened_at == second


def test_wall_clock_reads_a_local_time_once_for_web_and_command_line() -> None:
    """The one reader of typed local times: the CLI's reads the same (first occurrence; a skipped time refused)."""
    from reverie.cli.local_times import read

    # (compared in UTC: Python never finds an hour that occurs twice equal to an instant in another zone)
    assert read("2026-10-25T01:30", LONDON).astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    later = local_time.wall_clock(datetime(2026, 10, 25, 2, 30), LONDON)
    assert later.astimezone(UTC) == datetime(2026, 10, 25, 2, 30, tzinfo=UTC)
    with pytest.raises(InvalidInput, match="01:30 did not exist"):
        read("2026-03-29T01:30", LONDON)
    with pytest.raises(InvalidInput, match=r"at 02:00 that night: 02:15 did not exist.*from 02:30"):
        local_time.wall_clock(
            datetime(2026, 10, 4, 2, 15), ZoneInfo("Australia/Lord_Howe")
        )  # a half-hour change


def test_a_replayed_form_in_the_repeated_hour_saves_one_entry(make_user: Any, web_as: Any) -> None:
    """The same 01:30 dream sent twice (a double click, a new token each time) is found as the same entry: the time
    read is compared with the stored one as an instant (Python finds no time of the repeated hour equal to a UTC one)."""
    user = _londoner(make_user)
    web = web_as(user)
    form = {"kind": "dream", "body": "a night dream", "happened_at": "2026-10-25T01:30"}
    web.post("/write/", form)
    again = web.post("/write/", form)
    assert Entry.objects.filter(client=user).count() == 1, again.status_code
