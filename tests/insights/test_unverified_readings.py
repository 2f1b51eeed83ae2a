"""The therapist's one labelled section of unverified readings (review r30): relationship episodes and defense
readings, which no summary counts while their analyzers score under MIN_SCORE, stay readable as research prompts,
under their measured accuracy taken from ``SUPPORT`` (one source), and never as a count in the triangles."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from insight_builders import emotion, episode, finding, item

from reverie.insights import build_view
from reverie.insights.observations import SUPPORT
from reverie.insights.pictures import triangles_svg


def _items() -> list[Any]:
    return [
        item("a", 0, [*episode("partner", 5, 5, 2), emotion("sadness")]),
        item(
            "b",
            1,
            [*episode("partner", 5, 5, 2), finding("defense", "5", {"level": 5, "defense": "repression"})],
        ),
        item("c", 2, [finding("defense", "2", {"level": 2, "defense": "splitting"})]),
    ]


def test_the_section_states_what_reverie_coded_under_the_figures_of_support(monkeypatch: Any) -> None:
    monkeypatch.setitem(SUPPORT, "relationships", replace(SUPPORT["relationships"], unseen=(1, 10)))
    research = build_view(_items(), "therapist").unverified
    assert research is not None
    assert research.title.startswith("Unverified readings")
    assert "about 1 in 10 times (1 of 10)" in research.title and "measured" in research.title
    text = " ".join(s.text for s in research.statements)
    assert "Reverie coded the wish (W) as 'be close and accepting' in 2 of the 2" in text
    assert (
        "2 passages with a DMRS defence level (1 at level 5 (Neurotic), 1 at level 2 (Major image-distorting)"
        in text
    )
    # no ODF, no core theme; a level is named only beside its number, as what Reverie coded (r106)
    unnamed = re.sub(r"at level \d \([^)]*\)", "", text)
    assert not re.search(r"ODF|neurotic|image-distorting|most frequent", unnamed)


def test_the_client_never_gets_the_section() -> None:
    view = build_view(_items(), "client")
    assert view.unverified is None and view.to_json()["unverified"] is None


def test_the_triangles_say_the_defense_corner_is_not_read_and_count_nothing_from_it() -> None:
    view = build_view(_items(), "therapist")
    assert "D" not in dict(view.triangles.corners)
    assert not any("D" in (a, b) for a, b, _ in view.triangles.links)
    assert "Defense not read" in triangles_svg(view)
    section = view.section("triangles")
    assert section is not None and "not read" in section.title
    assert not any("defense" in s.text for s in section.statements)


@pytest.mark.usefixtures("relationships_worded")
def test_nothing_from_the_section_leads_the_summary_while_it_is_there() -> None:
    # Once relationships clear MIN_SCORE they are counted in the summary and leave the section of unverified ones.
    research = build_view(_items(), "therapist").unverified
    assert research is not None and not any(s.key.startswith("unverified:ccrt") for s in research.statements)
