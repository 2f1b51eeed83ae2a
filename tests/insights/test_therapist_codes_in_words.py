"""Review r106: codes the therapist reads on the patterns view of a client's shared entries, from the real analyzers.

Entries written for this review; the real pipeline reads them (``analysis.analyse_stored_entry``), the therapist's
view is the one the patterns page, the PDF and ``reverie insights`` show (``insights.view_for``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from reverie.analysis.dmrs import LEVELS
from reverie.clinic.services import analysis, insights, journal
from reverie.clinic.services.journal import EntryDraft

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("inline")]

DREAMS = (
    "Dreamt I was late for an exam in a school I've never seen. A man in a grey coat kept handing me the wrong "
    "paper. I felt anxious and ran down endless corridors.",
    "A dream: my therapist's office had no door. I waited in the corridor and she walked past without seeing me.",
)
DEFENSIVE = (
    "Asked my manager for a raise. He said he'd think about it. I felt oddly calm, like it was happening to "
    "someone else.",
    "Honestly everything is fine. Work is fine, home is fine. I don't know why people keep asking. It doesn't "
    "bother me at all that Tom moved out.",
    "I'm furious with my partner but I'll just be extra nice to him tonight so he doesn't notice.",
    "Went for a run along the canal. Legs heavy, head clear. Tomorrow I'll try the longer loop.",
)


def _shared(client: Any, kind: str, bodies: tuple[str, ...]) -> None:
    for body in bodies:
        view = journal.create_entry(client, EntryDraft(kind=kind, body=body))
        journal.set_shared(client, view.id, True)
        analysis.analyse_stored_entry(view.id, view.revision)


def test_recurring_dream_setting_is_said_in_words_for_the_therapist(paired: tuple[Any, Any]) -> None:
    """Two shared dreams (an unknown school's corridors, a therapist's office corridor): the therapist's patterns
    page says "The dream element 'setting:IQ' recurs in 2 of 2 dreams." — a raw Hall–Van de Castle code, in a
    format not even the HVdC manual uses. The entry page's details already say it in words ("setting: indoors,
    questionable", ``summary.describe_dream_code``); the patterns line should too."""
    client, therapist = paired
    _shared(client, "dream", DREAMS)
    view = insights.view_for(therapist, client.id)
    lines = [s.text for s in view.statements() if s.key.startswith("dream:element:")]
    assert lines, [s.text for s in view.statements()]
    assert not [line for line in lines if re.search(r"'[a-z_]+:[A-Z0-9]{1,5}\b", line)], lines


def test_unverified_defence_levels_are_named_not_only_numbered(paired: tuple[Any, Any]) -> None:
    """Four shared entries (a calm that feels like someone else's, "everything is fine", fury covered by
    niceness, a plan for tomorrow's run). The therapist's "Unverified readings" say "Reverie coded 4 passages
    with a DMRS defence level (1 at level 7, 2 at level 5, 1 at level 3; unverified)": bare level numbers, with
    no word of what level 7 or 3 is (High-adaptive, Disavowal: ``dmrs.LEVELS``), though the entry page's details
    name them ("Neurotic (dissociation)"). Each number should carry its level's name."""
    client, therapist = paired
    _shared(client, "free_association", DEFENSIVE)
    view = insights.view_for(therapist, client.id)
    assert view.unverified is not None
    line = next(s.text for s in view.unverified.statements if s.key == "unverified:defenses")
    numbered = [int(n) for n in re.findall(r"at level (\d)", line)]
    assert numbered, line
    missing = [n for n in numbered if LEVELS[n].name.lower() not in line.lower()]
    assert not missing, line
