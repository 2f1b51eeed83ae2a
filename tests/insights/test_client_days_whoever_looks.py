"""The client's day whoever looks, and after the client moves (r20, part 2). Only the clock is mocked."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from reverie.clinic.services import insights, journal, local_time
from reverie.clinic.services.journal import EntryDraft, Feeling

pytestmark = [pytest.mark.django_db, pytest.mark.db]
NEW_YORK = ZoneInfo("America/New_York")


def test_a_therapist_elsewhere_sees_the_clients_feelings_on_the_clients_day(
    paired: Any, monkeypatch: Any
) -> None:
    """A Tokyo therapist looking at a New York client's shared Tuesday 21:00 rating sees it on Tuesday."""
    client, therapist = paired
    local_time.set_time_zone(client, "America/New_York")
    local_time.set_time_zone(therapist, "Asia/Tokyo")
    monkeypatch.setattr("django.utils.timezone.now", lambda: datetime(2026, 3, 11, 14, tzinfo=UTC))
    evening = datetime(2026, 3, 10, 21, 0, tzinfo=NEW_YORK)  # Wednesday 01:00 UTC, 10:00 in Tokyo
    view = journal.create_entry(
        client,
        EntryDraft(
            kind="reflection", body="A long day.", happened_at=evening, feelings=(Feeling("anger", 4),)
        ),
    )
    journal.set_shared(client, view.id, True)
    [week] = insights.feelings_calendar(therapist, client.pk, weeks=1)
    felt = {day.day: [name for name, _ in day.feelings] for day in week.days}
    assert felt[date(2026, 3, 10)] == ["anger"] and felt[date(2026, 3, 11)] == []


def test_quarters_follow_the_client_when_they_change_their_zone(make_user: Any) -> None:
    """A 30 Sep 23:30 UTC entry is 2026-Q3 in UTC; once the client says they live in London it is 2026-Q4."""
    from reverie.clinic.services import analysis

    client = make_user()
    view = journal.create_entry(
        client,
        EntryDraft(
            kind="reflection",
            body="My mother called and I felt scared again.",
            happened_at=datetime(2026, 9, 30, 23, 30, tzinfo=UTC),
        ),
    )
    analysis.analyse_stored_entry(view.id, 1)
    assert [p.period for p in insights.view_for(client).periods] == ["2026-Q3"]
    local_time.set_time_zone(client, "Europe/London")
    client.refresh_from_db()
    assert [p.period for p in insights.view_for(client).periods] == ["2026-Q4"]


def test_pattern_links_are_dated_on_the_clients_day(paired: Any) -> None:
    """The Patterns page and session prep date a shared entry behind a pattern on the client's day (a Tokyo
    therapist, a New York client's Tuesday 21:00 entry: 10 Mar, not 11 Mar)."""
    client, therapist = paired
    local_time.set_time_zone(client, "America/New_York")
    local_time.set_time_zone(therapist, "Asia/Tokyo")
    evening = datetime(2026, 3, 10, 21, 0, tzinfo=NEW_YORK)
    view = journal.create_entry(
        client, EntryDraft(kind="reflection", body="A long day.", happened_at=evening)
    )
    journal.set_shared(client, view.id, True)
    assert insights.entry_dates(therapist, [str(view.id)]) == {str(view.id): date(2026, 3, 10)}
    assert insights.entry_dates(client, [str(view.id)]) == {str(view.id): date(2026, 3, 10)}
