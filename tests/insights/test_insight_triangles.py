from __future__ import annotations

import pytest
from insight_builders import emotion, episode, finding, item

from reverie.insights import Item, Statement, build_view


def _keyed(items: list[Item]) -> dict[str, Statement]:
    return {s.key: s for s in build_view(items, "therapist").statements()}


@pytest.mark.usefixtures("relationships_worded")  # no summary counts an episode today
def test_triangles_past_present_link_from_the_same_pattern() -> None:
    items = [
        item(
            "m1", 0, [*episode("mother", 6, 5, 2, tense="past_childhood"), finding("time", "past_childhood")]
        ),
        item("m2", 1, episode("father", 6, 5, 2, tense="past_childhood")),
        item("p1", 2, episode("partner", 6, 5, 2)),
        item("b1", 3, episode("boss", 8, 6, 1, ro_valence="positive", rs_valence="positive")),
    ]
    found = _keyed(items)
    link = found["pattern-link:P-C"]
    assert set(link.evidence) == {"m1", "m2", "p1"}
    assert "(2 episodes)" in link.text and "(1 episode)" in link.text  # singular for one (QA qa33 point 10)
    assert link.tentative
    assert "pattern-link:T-C" not in found and "pattern-link:T-P" not in found


@pytest.mark.usefixtures("relationships_worded")  # no summary counts an episode today
def test_triangles_transference_links_with_therapist() -> None:
    items = [
        item("t1", 0, episode("therapist", 5, 5, 2), kind="session", source="session"),
        item("p1", 1, episode("partner", 5, 5, 2)),
        item("m1", 2, episode("mother", 5, 5, 2, tense="past_childhood")),
    ]
    found = _keyed(items)
    assert set(found["pattern-link:T-C"].evidence) == {"t1", "p1"}
    assert set(found["pattern-link:T-P"].evidence) == {"t1", "m1"}


@pytest.mark.usefixtures("defenses_worded")  # no summary counts a DMRS reading today
def test_triangles_corners_and_item_links_counted() -> None:
    items = [
        item(
            "a",
            0,
            [
                emotion("fear"),
                emotion("sadness", at=100),
                finding("defense", "5", {"level": 5, "defense": "repression"}),
            ],
        ),
        item("b", 1, [emotion("nervousness")]),
        item("c", 2, [finding("defense", "7", {"level": 7, "defense": "humor"})]),
        item("d", 3, [finding("unexplained_feeling", "", {})]),
    ]
    view = build_view(items, "therapist")
    corners = dict(view.triangles.corners)
    assert corners["F"] == 2  # sadness in a, the unexplained feeling in d
    assert corners["A"] == 2
    assert corners["D"] == 1  # a high-adaptive defense (level 7) is not the defense corner
    links = {(a, b): n for a, b, n in view.triangles.links}
    assert links[("A", "F")] == 1 and links[("A", "D")] == 1 and links[("D", "F")] == 1
    found = {s.key: s for s in view.statements()}
    assert found["corner:A"].evidence == ("a", "b")
    # counted for the picture, but one item together is no relation beyond chance: no line (h100)
    assert not any(key.startswith("link:") for key in found)
