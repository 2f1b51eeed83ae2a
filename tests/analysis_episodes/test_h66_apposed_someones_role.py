"""h66 point 1 (people 1.7.3): a name in apposition to a possessive role phrase takes the role of the phrase's head,
never of the role word that owns the head. "Sam, my mum's friend, told me ..." was read as the mother telling (the
name took "mum", the first role word after "my"), so the episode's other was the mother. The phrase's head ("friend",
someone else's: the mother's) names the person, as it does without the comma ("My mum's friend Sam told me ...").
Written for this check (no vignette line); each apposition is compared with the same phrase before the name."""

from __future__ import annotations

import pytest

from reverie.analysis.document import prepare
from reverie.analysis.episodes import find_episodes
from reverie.analysis.people import find_mentions

REST = " I wanted them to like me. I felt ashamed and went quiet."


def _name_roles(text: str, name: str) -> set[str]:
    return {
        m.role for m in find_mentions(prepare(text, "journal")) if text[m.span.start : m.span.end] == name
    }


def _others(text: str) -> list[str]:
    return [str(f.data["other"]) for f in find_episodes(prepare(text, "journal"))]


@pytest.mark.parametrize(
    ("apposed", "before", "name", "owner_role"),
    [
        (
            "Sam, my mum's friend, told me I was too loud at dinner.",
            "My mum's friend Sam told me I was too loud at dinner.",
            "Sam",
            "mother",
        ),
        (
            "Sam (my mum's friend) told me I was too loud at dinner.",
            "My mum's friend Sam told me I was too loud at dinner.",
            "Sam",
            "mother",
        ),
        (
            "Jo, my friend's mum, shouted at me in the car park.",
            "My friend's mum Jo shouted at me in the car park.",
            "Jo",
            "friend",
        ),
        (
            "Marek, my sister's husband, laughed at my new job.",
            "My sister's husband Marek laughed at my new job.",
            "Marek",
            "sibling",
        ),
    ],
)
def test_a_name_apposed_to_someones_role_is_that_role_not_its_owners(
    apposed: str, before: str, name: str, owner_role: str
) -> None:
    assert owner_role not in _name_roles(apposed + REST, name)
    assert _others(apposed + REST) == _others(before + REST)
    assert owner_role not in _others(apposed + REST)
