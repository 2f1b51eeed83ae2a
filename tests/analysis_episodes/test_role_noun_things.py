"""Review r120: everyday role nouns (h131/h139; people 1.8.1, episodes 1.16.0) where the word names a thing.

New voices, none from a vignette file. A role noun that is only part of the name of a thing ("a builder's tea", a
strong tea; "the manager's special", a dish; "the driver's seat", where the writer sits; "my coach trip", a bus
trip) is no person in the writer's day and no one the writer met. The real analyzers run.
"""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse

ANALYZERS = ["people", "timeframes", "episodes"]

THINGS = [
    "Made myself a builder's tea and sat in the garden. I felt calm.",
    "Had the manager's special at the pub and felt a bit better.",
    "I sat in the driver's seat for ages before I could start the car. I felt sick.",
    "My coach trip got cancelled and I felt gutted.",
]


@pytest.mark.parametrize("line", THINGS, ids=["builder", "manager", "driver", "coach"])
def test_a_role_noun_that_names_a_thing_is_no_person(line: str) -> None:
    """A client writes "Made myself a builder's tea and sat in the garden": the people finder lists a builder (or a
    boss for "the manager's special", a teacher for "my coach trip") among the people in the entry, someone who
    was never there. Only the writer should be found."""
    found = analyse(line, "journal", only=ANALYZERS)
    others = [f.label for f in found.of_kind("person") if f.label != "self"]
    assert others == [], f"people found in {line!r}: {others}"


def test_a_coach_trip_is_no_episode_with_a_teacher() -> None:
    """ "My coach trip got cancelled and I felt gutted.": the entry gets an episode with a teacher as the other
    person (the coach), so the therapist's relationship pattern counts a teacher who never existed. There should
    be no episode: nobody acted toward the writer."""
    found = analyse(THINGS[3], "journal", only=ANALYZERS).of_kind("episode")
    assert [f.label for f in found] == []


# Guards (h145): the same words where they name a person the writer met. These pass on main too; they keep the
# rule above from taking real people.
PEOPLE = [
    ("My coach said I was slacking and I felt small.", "teacher"),
    ("The builder's van was outside and he shouted at me about the bins. I felt shaken.", "other"),
    ("I sat in my dad's car while he shouted at me. I felt scared.", "father"),
    ("I waited in the manager's office for an hour. She told me I was being let go and I cried.", "boss"),
]


@pytest.mark.parametrize(("line", "role"), PEOPLE, ids=["coach", "builder", "dad", "manager"])
def test_a_role_noun_for_someone_met_stays_a_person(line: str, role: str) -> None:
    """ "The builder's van was outside and he shouted at me": the builder is the one who shouted, so the entry keeps
    him and the episode with him."""
    found = analyse(line, "journal", only=ANALYZERS)
    assert role in {f.label for f in found.of_kind("person")}
    assert [f.label for f in found.of_kind("episode")] == [role]


# h145: people the first form of the rule (h144) took for things. "My friend group" is a number of friends, not a
# thing of a friend's; in "my boss meeting ran late and she shouted at me" the boss is the one who shouted.
TOGETHER_OR_ACTING = [
    ("My friend group went to the beach without me. I felt left out.", "friend"),
    ("My boss meeting ran late and she shouted at me in front of everyone. I felt humiliated.", "boss"),
]


@pytest.mark.parametrize(("line", "role"), TOGETHER_OR_ACTING, ids=["friend-group", "boss-acts"])
def test_a_role_noun_before_people_or_before_a_person_acting_stays_a_person(line: str, role: str) -> None:
    """A client writes "My friend group went to the beach without me": the people finder dropped the friends (as
    for "my coach trip"), so the entry had no episode and the therapist's pattern lost the friends who left the
    writer out. The friends, and the episode with them, should stay."""
    found = analyse(line, "journal", only=ANALYZERS)
    assert role in {f.label for f in found.of_kind("person")}
    assert [f.label for f in found.of_kind("episode")] == [role]
