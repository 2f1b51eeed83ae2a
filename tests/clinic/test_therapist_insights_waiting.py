"""The therapist's patterns view of a client while entries wait for analysis (h148, after h141's ``waiting``).

h141 counted the client's entries not yet read by the worker on the client's own patterns page and ``--json``; the
therapist's view of the same client never filled it, so it said ``waiting`` 0 while shared entries were still being
read. The therapist's count takes the policy's reading rule (``policy.visible_entries``): only entries shared with
them within the link, never a count of the client's unshared ones."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from configured import configured
from reverie.clinic.models import Entry, StoredAnalysis
from reverie.clinic.services import analysis, insights, journal, keys
from reverie.clinic.services.journal import EntryDraft
from web_client import signed_in

pytestmark = pytest.mark.django_db


def _write(client: Any, shared: int, private: int) -> None:
    """``shared`` entries shared with the linked therapist and ``private`` ones kept to the client, none read yet."""
    for n in range(shared + private):
        made = journal.create_entry(
            client, EntryDraft(kind="reflection", body=f"A long day at work, number {n}.")
        )
        if n < shared:
            journal.set_shared(client, made.id, True)


def test_therapist_view_counts_the_shared_entries_still_being_read(paired: tuple[Any, Any]) -> None:
    """The client shared 4 entries and kept 2 to themselves; the worker has read none. The therapist's
    ``reverie insights --client N --json`` said ``waiting`` 0 and "the client has shared no entries with you": it
    should count the 4 shared entries as still being read, and never the 2 unshared ones (6 would tell the
    therapist that the client writes entries they do not share)."""
    client, therapist = paired
    with configured(REVERIE_ANALYSIS="background"):
        _write(client, shared=4, private=2)
        seen = insights.view_for(therapist, client.pk).to_json()
        own = insights.view_for(client).to_json()
    assert seen["waiting"] == 4, seen["waiting"]
    told = seen["too_few_entries"] or ""
    assert "the client has shared 4 entries with you, and Reverie is still reading 4 of them" in told, told
    assert own["waiting"] == 6, own["waiting"]  # the client's own view counts all of theirs


def _read(client: Any) -> None:
    """A stored analysis (no findings) of each of the client's entries: read by the worker, as far as any view goes."""
    for entry in Entry.objects.filter(client=client):
        payload = json.dumps({"schema": "reverie.analysis/1", "findings": []}).encode()
        sealed = keys.seal_for(client, analysis._result_id(entry.id, 1), analysis.RESULT_PURPOSE, payload)
        StoredAnalysis.objects.create(entry=entry, revision=1, analyzers={}, payload=sealed)


def test_therapist_patterns_page_says_the_shared_entries_are_being_read(paired: tuple[Any, Any]) -> None:
    """The same on the therapist's patterns page of the client, past the few-entries floor: 3 shared entries read,
    2 shared and 5 unshared still waiting. The page said nothing of the 2 being read (the client's own page says
    "Reverie is still reading …"): it should say 2 of the shared entries are, and nothing of the 5 unshared."""
    client, therapist = paired
    with configured(REVERIE_ANALYSIS="background"):
        _write(client, shared=3, private=0)
        _read(client)
        _write(client, shared=2, private=5)
        page = signed_in(therapist).get(f"/clients/{client.pk}/insights/").content.decode()
    said = " ".join(
        re.sub(r"<[^>]+>", " ", page.split('<main id="main">', 1)[1].split("</main>", 1)[0]).split()
    )
    assert "Reverie is still reading 2 of the entries the client shared with you" in said, said
    assert "So far" not in said, said  # past the floor: the patterns themselves, not the few-entries sentence
