"""Review r122: the people finder's role-noun rules (h131, h139, h144/h145) on new voices.

None of these lines come from a vignette file. The real analyzers run, through the same ``analyse`` the entry page
uses (people found; episodes with their RO and RS).
"""

from __future__ import annotations

import pytest

from reverie.analysis.pipeline import analyse

ANALYZERS = ["people", "timeframes", "episodes"]

THINGS = [
    "My manager account locked me out and I felt furious.",
    "The boss fight in the game took me three hours and I felt proud.",
]


@pytest.mark.parametrize("line", THINGS, ids=["manager-account", "boss-fight"])
def test_a_boss_word_naming_a_thing_is_no_person(line: str) -> None:
    """A client writes "My manager account locked me out and I felt furious." (an account on a website): the entry
    lists a boss among the people and makes an episode with the boss as the other, so the therapist's relationship
    pattern counts a controlling boss who was never there ("the boss fight in the game" lists a boss too). No one
    but the writer should be found, and there should be no episode."""
    found = analyse(line, "journal", only=ANALYZERS)
    others = [f.label for f in found.of_kind("person") if f.label != "self"]
    assert others == [], f"people found in {line!r}: {others}"
    assert [f.label for f in found.of_kind("episode")] == []


def test_a_nurse_practitioner_who_tells_the_writer_off_is_a_person() -> None:
    """A client writes "The nurse practitioner told me off and I felt small.": the entry finds nobody and makes no
    episode, so the nurse who told the writer off is missing from the pattern ("the school nurse shouted at me"
    gives the episode). The nurse practitioner should be found, with an episode whose RO and RS are read."""
    found = analyse("The nurse practitioner told me off and I felt small.", "journal", only=ANALYZERS)
    assert "other" in {f.label for f in found.of_kind("person")}
    episodes = found.of_kind("episode")
    assert len(episodes) == 1
    assert episodes[0].data.get("ro") and episodes[0].data.get("rs")


SOMEONES_HELPER = [
    "My boss's assistant yelled at me. I felt humiliated.",
    "The landlord's agent rang and shouted at me about the rent. I felt scared.",
    "The nurse's aide snapped at me while I was washing. I felt ashamed.",
]


@pytest.mark.parametrize("line", SOMEONES_HELPER, ids=["assistant", "agent", "aide"])
def test_someones_helper_who_acts_toward_the_writer_makes_an_episode(line: str) -> None:
    """A client writes "My boss's assistant yelled at me. I felt humiliated.": the entry lists the boss (who did
    nothing) and makes no episode, so the person who yelled is missing from the therapist's pattern ("the
    mechanic's son shouted at me" and "the doctor's receptionist was rude to me" do give an episode). There should
    be one episode, with the one who yelled as the other and an RO and RS read."""
    episodes = analyse(line, "journal", only=ANALYZERS).of_kind("episode")
    assert len(episodes) == 1, f"episodes for {line!r}: {[e.label for e in episodes]}"
    assert episodes[0].data.get("ro") and episodes[0].data.get("rs")
