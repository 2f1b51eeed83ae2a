"""Review r128, fault 2: the therapist's session-prep page counted every entry and edit the client saved, private
ones included ("7 entries screened; 1 at ideation or above (trend: rising)"), which the client is never told: /pair/
says a therapist sees only what is shared, besides the risk alerts. An edit with new words was counted as another
entry. The page now shows the alerts alone (level and date), one per entry however often it was edited."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.care.services import alerts
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def _course(client: Any, therapist: Any) -> Any:
    from reverie.care.services.course import CourseDraft, create_course

    start = (timezone.now() + timedelta(days=1)).replace(tzinfo=None, minute=0, second=0, microsecond=0)
    return create_course(
        therapist, CourseDraft(client=client.username, programme="dit", start=start, timezone="Europe/London")
    )


def test_prep_counts_the_alerts_never_the_private_entries_nor_an_edit(
    paired: tuple[Any, Any], web_as: Any
) -> None:
    from reverie.care.services.prep import risk_overview

    client, therapist = paired
    course = _course(client, therapist)
    walk = journal.create_entry(client, EntryDraft(kind="reflection", body="Went for a walk with the dog."))
    journal.create_entry(client, EntryDraft(kind="reflection", body="Bookshop daydream, quiet and warm."))
    journal.update_entry(
        client, walk.id, EntryDraft(kind="reflection", body="Went for a long walk with the dog.")
    )
    risky = journal.create_entry(client, EntryDraft(kind="reflection", body=RISKY))
    journal.update_entry(
        client, risky.id, EntryDraft(kind="reflection", body=RISKY + " I have the pills ready.")
    )

    overview = risk_overview(course, timezone.now())
    assert (overview.alerts, overview.flagged) == (1, 1)  # the one entry, at its highest level
    assert overview.highest == "behavior"
    page = web_as(therapist).get(f"/courses/{course.id}/prep/").content.decode()
    section = re.search(r'<section aria-labelledby="prep-risk">(.*?)</section>', page, re.S)
    assert section is not None
    words = re.sub(r"<[^>]+>", "", section.group(1))
    assert "screened" not in words and "entries" not in words.split("Counted")[0], words
    assert "1 risk alert;" in words and "suicide or self-harm: a plan or preparation" in words
    assert (
        len({a.record_id for a in alerts.received(therapist, client.pk)}) == 2
    )  # one alert per version of words


def test_no_alert_no_count(paired: tuple[Any, Any], web_as: Any) -> None:
    """A client who wrote only harmless private entries: the therapist learns nothing of them, not even a count."""
    client, therapist = paired
    course = _course(client, therapist)
    for n in range(3):
        journal.create_entry(client, EntryDraft(kind="reflection", body=f"Quiet day number {n} at home."))
    page = web_as(therapist).get(f"/courses/{course.id}/prep/").content.decode()
    assert "No risk alert." in page and "3 entries" not in page and "screened" not in page


def test_pair_page_says_what_the_prep_page_counts(paired: tuple[Any, Any], web_as: Any) -> None:
    client, _therapist = paired
    page = web_as(client).get("/pair/").content.decode()
    assert "counts these alerts over the last 30" in page.replace("\n", " ")
