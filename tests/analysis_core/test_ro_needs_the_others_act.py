"""A response of the other (RO) needs the other's act, told as done (review r106, fault 2; issue 13 point 3).

Review r106 read, for "I'm furious with my partner but I'll just be extra nice to him tonight so he doesn't
notice.", "other: rejecting and opposing": the partner does nothing in the text. Issue 13 point 3: "Only the other
person's actual response is RO. Scene-setting, the writer's hypotheticals and the writer's own wishes are not.
There is no episode without an interaction." The real analyzers run (people, timeframes, episodes).
"""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse

ANALYZERS = ["people", "timeframes", "episodes"]


def _episodes(text: str) -> list[tuple[str, int | None]]:
    """(other, RO cluster or None) of every episode found."""
    found = analyse(text, "free_association", only=ANALYZERS).of_kind("episode")
    return [(f.label, (f.data["ro"] or {}).get("cluster")) for f in found]


def _ro_of(text: str, role: str) -> list[int]:
    return [ro for other, ro in _episodes(text) if other == role and ro is not None]


# (the writer's plan, feeling or hypothetical, the other doing nothing; the same people with a real response; role)
PAIRS = [
    pytest.param(  # review r106's entry
        "I'm furious with my partner but I'll just be extra nice to him tonight so he doesn't notice.",
        "I'm furious with my partner. He laughed at me in front of his friends tonight.",
        "partner",
        id="r106-hidden-anger",
    ),
    pytest.param(
        "Tomorrow I'll tell my manager I'm leaving. He'll probably try to talk me out of it, and I'll probably "
        "let him.",
        "Told my manager I'm leaving. He tried to talk me out of it and I let him.",
        "boss",
        id="a-plan-and-a-guess",
    ),
    pytest.param(
        "Seething at my brother but I'll smile through the christening so he doesn't suspect a thing.",
        "Seething at my brother. He laughed at me in front of everyone at the christening.",
        "sibling",
        id="a-purpose-after-a-plan",
    ),
    pytest.param(
        "I'm livid with my husband but I'll keep quiet at dinner so the kids don't notice.",
        "I'm livid with my husband. He shouted at me at dinner in front of the kids.",
        "partner",
        id="the-children-in-a-purpose",
    ),
]


@pytest.mark.parametrize(("unreal", "real", "role"), PAIRS)
def test_relationship_reading_without_an_interaction_has_no_response_of_the_other(
    unreal: str, real: str, role: str
) -> None:
    """No RO from the writer's plan, feeling, guess or purpose ("so he doesn't notice"), for anyone; the same
    people with a response told as done keep theirs."""
    assert [ro for _, ro in _episodes(unreal) if ro is not None] == [], _episodes(unreal)
    assert _ro_of(real, role), _episodes(real)


def test_a_plan_towards_someone_is_no_episode() -> None:
    """ "I'm going to ask my sister …" is a plan and "She will just laugh at me" a guess: no interaction, so no
    episode (it was read as an episode with the sister); asked and answered, it is one with her response."""
    assert (
        _episodes("I'm going to ask my sister to stop borrowing my clothes. She will just laugh at me.") == []
    )
    assert _ro_of("I asked my sister to stop borrowing my clothes. She just laughed at me.", "sibling")
