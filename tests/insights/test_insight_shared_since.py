"""A therapist's insight lane holds only items shared within their link (``shared_since``): never earlier shares."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from insight_builders import emotion, episode, item

from reverie.insights.state import InsightState

LINK = datetime(2026, 3, 1, tzinfo=UTC)


def test_a_share_made_before_the_link_began_never_feeds_the_therapist_lane() -> None:
    before = dataclasses.replace(
        item("old", 1, [*episode("partner", 6, 5, 2), emotion("fear")]),
        shared_at=datetime(2026, 2, 1, tzinfo=UTC),
    )
    after = dataclasses.replace(
        item("new", 2, [*episode("partner", 6, 5, 2), emotion("fear")]),
        shared_at=datetime(2026, 3, 2, tzinfo=UTC),
    )
    state = InsightState([before])
    assert len(state.lane("therapist", shared_since=LINK).members) == 0
    state.add(after)
    assert len(state.lane("therapist", shared_since=LINK).members) == 1
    state.remove("new")
    assert len(state.lane("therapist", shared_since=LINK).members) == 0
    assert (
        len(state.lane("therapist").members) == 1
    )  # no link start given: every shared item (the pure engine's default)
