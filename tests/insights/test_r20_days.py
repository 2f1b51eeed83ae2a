"""r20 adversarial review: which day a moment falls on, for people who do not live in UTC. Only the clock is mocked."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from course_week import Clock
from reverie.clinic.services import insights, journal
from reverie.clinic.services.journal import EntryDraft, Feeling

pytestmark = [pytest.mark.django_db, pytest.mark.db]
NEW_YORK = ZoneInfo("America/New_York")


def test_feelings_calendar_puts_an_evening_rating_on_the_clients_own_day(
    make_user: Any, monkeypatch: Any
) -> None:
    """A New York client's feelings ticked on Tuesday at 21:00 their time show on that Tuesday, not Wednesday."""
    client = make_user()
    client.time_zone = "America/New_York"
    client.save(update_fields=["time_zone"])
    Clock(monkeypatch, datetime(2026, 3, 11, 9, tzinfo=NEW_YORK))
    evening = datetime(2026, 3, 10, 21, 0, tzinfo=NEW_YORK)  # Tuesday evening; Wednesday 01:00 in UTC
    journal.create_entry(
        client,
        EntryDraft(
            kind="free_association",
            body="A long day.",
            happened_at=evening,
            feelings=(Feeling("sadness", 3),),
        ),
    )
    [week] = insights.feelings_calendar(client, weeks=1)
    felt = {day.day: [name for name, _ in day.feelings] for day in week.days}
    assert felt[date(2026, 3, 10)] == ["sadness"]
    assert felt[date(2026, 3, 11)] == []


def test_dream_and_diary_on_the_same_local_day_read_as_the_same_day(make_user: Any) -> None:
    """A Sydney client's dream at 06:30 and diary at 20:00 the same local day are linked as "the same day" (0 days)."""
    from reverie.clinic.services import analysis
    from reverie.clinic.services.dreams import series_for

    sydney = ZoneInfo("Australia/Sydney")
    client = make_user()
    client.time_zone = "Australia/Sydney"
    client.save(update_fields=["time_zone"])
    dream = journal.create_entry(
        client,
        EntryDraft(
            kind="dream",
            body="I was in my childhood house and my mother was shouting at me. I was scared and ran outside.",
            happened_at=datetime(2026, 3, 10, 6, 30, tzinfo=sydney),  # 9 Mar 19:30 UTC
        ),
    )
    analysis.analyse_stored_entry(dream.id, 1)
    waking = journal.create_entry(
        client,
        EntryDraft(
            kind="reflection",
            body="My mother called and I felt scared again.",
            happened_at=datetime(2026, 3, 10, 20, 0, tzinfo=sydney),  # 10 Mar 09:00 UTC
        ),
    )
    analysis.analyse_stored_entry(waking.id, 1)
    links = [link for link in series_for(client).continuity.links if link.entry_id == str(waking.id)]
    assert links
    assert {link.days_apart for link in links} == {0}


def test_insight_quarters_count_an_entry_in_the_clients_own_quarter(make_user: Any) -> None:
    """A London entry written at 00:30 on 1 Oct 2026 (BST) counts in October–December (2026-Q4), not July–September."""
    from reverie.clinic.services import analysis

    client = make_user()
    client.time_zone = "Europe/London"
    client.save(update_fields=["time_zone"])
    view = journal.create_entry(
        client,
        EntryDraft(
            kind="reflection",
            body="My mother called and I felt scared again.",
            happened_at=datetime(2026, 10, 1, 0, 30, tzinfo=ZoneInfo("Europe/London")),  # 30 Sep 23:30 UTC
        ),
    )
    analysis.analyse_stored_entry(view.id, 1)
    periods = [p.period for p in insights.view_for(client).periods]
    assert periods == ["2026-Q4"]


def test_the_printed_reports_evidence_dates_an_entry_on_the_clients_day(
    make_user: Any, monkeypatch: Any
) -> None:
    """The insight report labels a New York client's Tuesday 21:00 entry "10 Mar 2026", not "11 Mar 2026"."""
    client = make_user()
    client.time_zone = "America/New_York"
    client.save(update_fields=["time_zone"])
    Clock(monkeypatch, datetime(2026, 3, 11, 9, tzinfo=NEW_YORK))
    view = journal.create_entry(
        client,
        EntryDraft(
            kind="reflection", body="A long day.", happened_at=datetime(2026, 3, 10, 21, 0, tzinfo=NEW_YORK)
        ),
    )
    label = insights.evidence_labels(client, [str(view.id)])[str(view.id)]
    assert label.startswith("10 Mar 2026"), label
