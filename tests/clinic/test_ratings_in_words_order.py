"""r128 fault 9: "Your ratings in words, day by day" on the patterns page runs newest first throughout. Weeks ran
newest first but the days inside each week oldest first (the table's Monday-to-Sunday columns), so the list read
"Sat 5 Dec, Fri 20 Nov, Thu 12 Nov, Sun 15 Nov, Sat 7 Nov"."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

import pytest

from reverie.clinic.services import analysis, journal
from reverie.clinic.services.journal import EntryDraft, Feeling
from reverie.insights.highlights import Day, Week, rated_days

pytestmark = [pytest.mark.django_db, pytest.mark.db]

DAYS = (date(2026, 11, 7), date(2026, 11, 12), date(2026, 11, 15), date(2026, 11, 20), date(2026, 12, 5))
TEXT = (
    "I walked to the river with my brother and we argued about our father again. I felt sad and then angry."
)


def test_the_ratings_in_words_run_newest_first(make_user: Any, web_as: Any) -> None:
    maya = make_user()  # UTC: the days are the dates given
    for day in DAYS:
        draft = EntryDraft(
            kind="free_association",
            body=TEXT,
            happened_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
            feelings=(Feeling("sadness", 3),),
        )
        view = journal.create_entry(maya, draft)
        analysis.analyse_stored_entry(view.id, 1)
    page = web_as(maya).get("/insights/?show=1").content.decode()
    listed = page.split("ratings in words, day by day</summary>", 1)[1].split("</ul>", 1)[0]
    shown = re.findall(r"<li>(\w{3} \d{1,2} \w{3}):", listed)
    assert shown == ["Sat 5 Dec", "Fri 20 Nov", "Sun 15 Nov", "Thu 12 Nov", "Sat 7 Nov"]


def test_rated_days_leaves_out_days_without_a_rating() -> None:
    monday = date(2026, 11, 9)
    days = tuple(Day(date(2026, 11, 9 + n), (("joy", 2),) if n in (1, 4) else ()) for n in range(7))
    assert [d.day.day for d in rated_days([Week(monday, days, ())])] == [13, 10]
