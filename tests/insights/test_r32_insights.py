"""Review r32 (moved next to the insights; fixed in pictures.py and view.py): the therapist's summaries after h17 (one findings rule for both readers), on review r30's 20 entries.

h17 stopped counting relationship episodes (analyzer under MIN_SCORE) in any summary; the therapist's patterns
page and PDF still draw the relationship map, which now says "No relationship episodes yet" about a client in whose
entries Reverie read 14 (listed, on the same page, in the "Unverified readings" section). A picture that says
something false is worse than none: left out, or saying the episodes are not read, as the triangle's defense corner
does. The client's JSON carries the conflict triangle's corners the client's page never shows."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_the_therapists_patterns_page_does_not_say_no_relationship_episodes_when_they_were_read_but_withheld(
    shared_history: Any, web_as: Any
) -> None:
    """The therapist's page never says "No relationship episodes yet" about episodes read but not stated."""
    client, therapist, _course, _ids = shared_history
    page = web_as(therapist).get(f"/clients/{client.id}/insights/").content.decode()
    assert "Reverie coded the wish" in page  # 14 episodes were read: the unverified section lists them
    assert "No relationship episodes yet" not in page


def test_the_therapists_pdf_does_not_say_no_relationship_episodes_when_they_were_read_but_withheld(
    shared_history: Any,
) -> None:
    """The therapist's PDF report never says "No relationship episodes yet" about episodes read but not stated."""
    from reverie.clinic.services import insights
    from reverie.insights.report import render_pdf

    client, therapist, _course, _ids = shared_history
    view = insights.view_for(therapist, client.id)
    assert view.unverified is not None
    pdf = render_pdf(view, compress=False).decode("latin-1")
    assert "No relationship episodes yet" not in pdf


def test_the_clients_json_carries_only_the_person_triangle_the_clients_page_shows(
    shared_history: Any,
) -> None:
    """A client's `reverie insights --json` carries no conflict-triangle corner (hidden feeling, anxiety, defense)."""
    from reverie.clinic.services import insights

    client, _therapist, _course, _ids = shared_history
    data = insights.view_for(client, client.id).to_json()
    corners = set(data["triangles"]["corners"])
    assert corners <= {"T", "C", "P"}, corners
    assert all(a in "TCP" and b in "TCP" for a, b, _n in data["triangles"]["links"]), data["triangles"][
        "links"
    ]


def test_the_therapists_page_says_the_episodes_were_read_and_points_to_the_unverified_readings(
    shared_history: Any, web_as: Any
) -> None:
    """The empty relationship map says the episodes were read but are not findings, and where they are listed."""
    client, therapist, _course, _ids = shared_history
    page = web_as(therapist).get(f"/clients/{client.id}/insights/").content.decode()
    assert "Relationship episodes were read but are not shown as findings: see" in page


def test_the_therapists_json_gives_null_not_0_for_withheld_episode_and_defense_counts(
    shared_history: Any,
) -> None:
    """ "episode_count": 0 would say no episode was read; withheld from every summary, it is null ("not read")."""
    from reverie.clinic.services import insights

    client, therapist, _course, _ids = shared_history
    data = insights.view_for(therapist, client.id).to_json()
    assert data["episode_count"] is None
    assert data["periods"]
    assert all(p["defenses"] is None and p["scored_episodes"] is None for p in data["periods"]), data[
        "periods"
    ]
