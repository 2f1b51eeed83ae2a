"""r41: with "someone else" out of the dream lines (h33), the therapist role now reaches the therapist's page; its
line must read as English ("You appear…"), not "You as therapist appears in 2 dreams"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from reverie.analysis.findings import Finding, Span
from reverie.insights import Item, build_view

DAY0 = datetime(2024, 1, 1, 10, 0, tzinfo=UTC)


def _dream(n: int) -> Item:
    person = Finding("test", "1", "none", "person", "therapist", 0.9, (Span(0, 20),), {"group": "therapist"})
    return Item(f"d{n}", "entry", "dream", DAY0 + timedelta(days=n * 20), True, False, (person,))


def test_the_therapist_reads_a_grammatical_line_about_themself_in_dreams() -> None:
    """The therapist's dream line about themself agrees in person and number."""
    view = build_view([_dream(n) for n in range(3)], "therapist")
    lines = [
        s.text for sec in view.sections for s in sec.statements if "dream" in s.text and "therapist" in s.text
    ]
    assert lines, [s.text for sec in view.sections for s in sec.statements]
    assert not any("as therapist appears" in line for line in lines), lines


def test_the_dream_line_reads_well_on_both_pages() -> None:
    """The therapist reads "You (as their therapist) appear in 3 dreams"; the client reads "Your therapist
    appears in 3 dreams"."""
    dreams = [_dream(n) for n in range(3)]
    for audience, start in (
        ("therapist", "You (as their therapist) appear in 3 dreams"),
        ("client", "Your therapist appears in 3 dreams"),
    ):
        texts = [s.text for sec in build_view(dreams, audience).sections for s in sec.statements]
        assert any(t.startswith(start) for t in texts), (audience, texts)
