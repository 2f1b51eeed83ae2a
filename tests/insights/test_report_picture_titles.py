"""The pictures' titles per reader, one table (``insights.pictures.PICTURE_TITLES``) for the Patterns page and the
printed report (review r67: the client's report titled their picture with Malan's therapist's terms)."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from insight_builders import DAY0, finding
from pdf_words import pdf_text

from reverie.insights import Item, build_view
from reverie.insights.pictures import triangles_svg
from reverie.insights.report import render_pdf


def _entry(n: int, kind: str, findings: list[Any]) -> Item:
    return Item(
        id=f"e{n}",
        source="entry",
        kind=kind,
        happened_at=DAY0 + timedelta(days=3 * n),
        shared_with_therapist=True,
        is_process_note=False,
        findings=tuple(findings),
    )


def _a_few_weeks(seed: int = 67) -> list[Item]:
    """Six weeks of a client's entries: their mother, a partner, a boss, dreams, feelings (seeded)."""
    rng = random.Random(seed)
    people = {"mother": "family", "partner": "partners", "boss": "authority"}
    items = []
    for n in range(14):
        role = rng.choice(sorted(people))
        kind = "dream" if n % 4 == 1 else "reflection"
        found = [
            finding("person", role, {"group": people[role], "sentence": 0}),
            finding("emotion", rng.choice(["sadness", "anger", "joy", "fear"]), {"scope": "entry"}),
        ]
        items.append(_entry(n, kind, found))
    return items


def test_client_report_never_titles_a_picture_with_the_conflict_triangle() -> None:
    """A client who prints their patterns read, over the picture of the people their entries mention, "Triangle of
    conflict and triangle of persons" (Malan's term, and a conflict triangle their picture does not draw). They read
    the title their Patterns page shows; the therapist's report keeps the therapist's."""
    client = build_view(_a_few_weeks(), "client")
    text = pdf_text(render_pdf(client, compress=False))
    assert "People in your life now" in text  # the client's picture is there, in the client's words
    assert "Triangle of conflict" not in text
    assert "triangle of persons" not in text
    assert "People your entries mention" in text and "People your entries mention" in triangles_svg(client)
    therapist = pdf_text(render_pdf(build_view(_a_few_weeks(), "therapist"), compress=False))
    assert "Triangle of conflict and triangle of persons" in therapist
