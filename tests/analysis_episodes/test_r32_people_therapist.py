"""Review r32 (moved next to the people analyzer; people 1.7.1 fixes it): people 1.7.0 read as the therapist people the writer says are NOT their therapist.

"Sam isn't my therapist", "Dr Okafor is my therapist's husband", "is not my therapist anymore", "is no longer my
therapist": each is read with the role ``therapist`` (with or without 1.7.0's ``_therapist_by_naming``: the
copula "X is … my therapist" makes X the therapist whatever the negation or the possessive says). The therapist
corner of the triangles and the transference mirror then count a stranger, a husband or a former therapist."""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse

NOT_THE_THERAPIST = {
    "negated": ("Sam isn't my therapist. I met her at the party.", "Sam"),
    "husband": ("Dr Okafor is my therapist's husband. He waved at me in the car park.", "Okafor"),
    "anymore": ("Dr Okafor is not my therapist anymore. I saw her in the shop today.", "Okafor"),
    "no_longer": ("Dr Okafor is no longer my therapist. I saw her in the shop today.", "Okafor"),
    "old": ("Dr Okafor is my old therapist. I saw her in the shop today and hid.", "Okafor"),
    "years_ago": ("Dr Okafor was my therapist years ago. I saw her in the shop today.", "Okafor"),
    "never": ("Sam will never be my therapist. I met her at the party.", "Sam"),
    "wish": ("I wish Sam were my therapist. She listens so well.", "Sam"),
    "question": ("Is Sam my therapist? I keep forgetting what she is to me.", "Sam"),
    "former": ("Dr Okafor is my former therapist. I saw her in the shop today.", "Okafor"),
    "used_to": ("Dr Okafor used to be my therapist. I saw her in the shop today.", "Okafor"),
    "old_apposed": ("My old therapist Dr Okafor was in the shop today. I hid.", "Okafor"),
    "pronoun_negated": ("Dr Okafor said hello. She isn't my therapist, just a friend of Mum's.", "Okafor"),
}

MY_THERAPIST_NOW = {
    "plain": ("Sam is my therapist. She listens.", "Sam"),
    "now": ("Dr Okafor is my therapist now. She listens.", "Okafor"),
    "new": ("Dr Okafor is my new therapist. She listens.", "Okafor"),
    "not_my_mother": ("Dr Okafor said hello. She's my therapist not my mother.", "Okafor"),
}


@pytest.mark.parametrize("case", sorted(NOT_THE_THERAPIST))
def test_someone_the_writer_says_is_not_their_therapist_is_not_read_as_the_therapist(case: str) -> None:
    """A person the writer says is not (or no longer, or the husband of) their therapist is never read as therapist."""
    text, name = NOT_THE_THERAPIST[case]
    people = analyse(text, "reflection", only=["people"]).of_kind("person")
    roles = {f.label for f in people if f.data.get("name") == name}
    assert "therapist" not in roles, (case, roles)


@pytest.mark.parametrize("case", sorted(MY_THERAPIST_NOW))
def test_someone_the_writer_says_is_their_therapist_now_is_still_read_as_the_therapist(case: str) -> None:
    """The rule that leaves out the negated, former and unreal still reads the writer's current therapist."""
    text, name = MY_THERAPIST_NOW[case]
    people = analyse(text, "reflection", only=["people"]).of_kind("person")
    assert {f.label for f in people if f.data.get("name") == name} == {"therapist"}, case
