"""Every count is singular for one (docs/insights.md), in the feelings and the person triangle lines (review r67:
"1 different feelings appear", "1 of 1 entry (100%) mention"); two keep the plural."""

from __future__ import annotations

from datetime import timedelta

from insight_builders import DAY0, finding

from reverie.analysis.findings import Finding
from reverie.insights import Item, build_view
from reverie.insights.highlights import readable_sections


def _said(findings: list[Finding], count: int = 1) -> str:
    items = [
        Item(
            id=f"e{n}",
            source="entry",
            kind="reflection",
            happened_at=DAY0 + timedelta(days=n),
            shared_with_therapist=True,
            is_process_note=False,
            findings=tuple(findings),
        )
        for n in range(count)
    ]
    view = build_view(items, "client")
    return " ".join(s.text for _, statements in readable_sections(view) for s in statements)


def test_one_feeling_and_one_entry_read_in_the_singular() -> None:
    """A client with one entry (sad, about their mother) reads "Reverie read 1 different feeling in your words" and
    "1 of 1 entry (100%) mentions your parents or childhood"."""
    said = _said(
        [
            finding("emotion", "sadness", {"scope": "entry"}),
            finding("person", "mother", {"group": "family", "sentence": 0}),
        ]
    )
    assert "most often sadness (1 entry)" in said
    assert "Reverie read 1 different feeling in your words (its reading, not your ratings)" in said
    assert "1 of 1 entry (100%) mentions your parents or childhood" in said
    two = [finding("emotion", e, {"scope": "entry"}) for e in ("sadness", "anger")]
    said = _said([*two, finding("person", "mother", {"group": "family", "sentence": 0})], count=2)
    assert "Reverie read 2 different feelings in your words" in said  # two keep the plural
    assert "2 of 2 entries (100%) mention your parents or childhood" in said
