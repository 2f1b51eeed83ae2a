"""r20 adversarial review: the therapist's week view at the ends of the calendar."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.db]


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01"])
def test_week_view_at_the_ends_of_the_calendar_is_a_plain_page(paired: Any, web_as: Any, week: str) -> None:
    """/week/?week=9999-12-31 (or 0001-01-01) answers a readable page (200 or 400), never a server error."""
    _client, therapist = paired
    therapist.time_zone = "America/New_York"
    therapist.save(update_fields=["time_zone"])
    response = web_as(therapist).get(f"/week/?week={week}")
    assert response.status_code in (200, 400)
