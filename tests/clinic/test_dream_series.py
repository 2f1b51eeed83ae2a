from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.clinic.services import analysis, journal
from reverie.clinic.services.dreams import series_for
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

DREAMS = [
    "I was in my childhood house and my mother was shouting at me. I was scared and ran outside.",
    "A stranger chased me through a dark forest. I fell and hurt my leg.",
    "My mother and I were at the beach. She hugged me and I felt happy.",
]


def test_dream_series_shows_indicators_warnings_recurring_and_waking_links(
    make_user: Any, web_as: Any
) -> None:
    alice = make_user()
    start = timezone.now() - timedelta(days=20)
    for i, text in enumerate(DREAMS):
        view = journal.create_entry(
            alice, EntryDraft(kind="dream", body=text, happened_at=start + timedelta(days=i * 3))
        )
        analysis.analyse_stored_entry(view.id, 1)
    waking = journal.create_entry(
        alice,
        EntryDraft(
            kind="reflection",
            body="My mother called and I felt scared again.",
            happened_at=start + timedelta(days=1),
        ),
    )
    analysis.analyse_stored_entry(waking.id, 1)
    series = series_for(alice)
    assert len(series.codings) == 3
    assert series.profile.warnings  # three dreams are far too few to compare with the norms
    assert any(link.entry_id == str(waking.id) for link in series.continuity.links)
    page = web_as(alice).get("/dreams/")
    text = page.content.decode()
    assert page.status_code == 200 and "<svg" in text and "Cohen" in text
    assert "does not say what they mean" in text


def test_dream_series_with_no_dreams_has_no_division_errors(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    assert series_for(alice).codings == []
    assert b"No analysed dreams yet" in web_as(alice).get("/dreams/").content
