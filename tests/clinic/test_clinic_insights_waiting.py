"""The patterns page below 3 entries, while entries wait for analysis (review r118 of h136)."""

from __future__ import annotations

from typing import Any

import pytest

from configured import configured
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def test_patterns_page_with_entries_waiting_for_analysis_does_not_say_there_are_none(
    web_as: Any, make_user: Any
) -> None:
    """A client has written four entries that the worker has not read yet (``REVERIE_ANALYSIS=background``). The
    patterns page says "Reverie is still reading 4 of your entries" and, right under it, "So far there are no
    entries to look for patterns in. Patterns show here once there are at least 3." with a link to write one: a
    wrong count that tells them their four entries are not there. It should count the entries they wrote (or say
    the patterns wait for the reading), never "no entries"."""
    client = make_user("r118-waiting")
    with configured(REVERIE_ANALYSIS="background"):
        for n in range(4):
            journal.create_entry(
                client, EntryDraft(kind="reflection", body=f"A long day at work, number {n}.")
            )
        page = web_as(client).get("/insights/?show=1").content.decode()
    assert "still reading 4 of them" in page, page
    assert "there are no entries" not in page, page


def test_insights_json_with_entries_waiting_does_not_say_there_are_none(make_user: Any) -> None:
    """The same client's ``reverie insights --json`` (``InsightView.to_json``) gives ``too_few_entries``: "So far there
    are no entries to look for patterns in." while four entries wait for analysis; nothing there says they are
    being read. It should not tell a person with four entries that they have none."""
    from reverie.clinic.services import insights

    client = make_user("r118-waiting-json")
    with configured(REVERIE_ANALYSIS="background"):
        for n in range(4):
            journal.create_entry(
                client, EntryDraft(kind="reflection", body=f"A long day at work, number {n}.")
            )
        shown = insights.view_for(client).to_json()
    told = shown["too_few_entries"]
    assert told is None or "no entries" not in told, told
    assert shown["waiting"] == 4, shown["waiting"]
    assert "still reading 4" in told, told
