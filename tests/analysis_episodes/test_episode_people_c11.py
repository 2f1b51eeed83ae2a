"""People 1.6.0 / episodes 1.13.0 (c11): finding the episode's other. A person known only by name whose role the
grammar tells ("Priya, the other welder", "Tomasz, who plasters with me", "introduced me as her oldest friend"), a
business owner as the boss, role words the tagger misreads, and a bystander beside the one who responds. Each rule
is tested both ways, on sentences written for this file (none from a vignette file)."""

from __future__ import annotations

import pytest

from reverie.analysis import people
from reverie.analysis.document import prepare
from reverie.analysis.episodes import _mentions, _segment, find_episodes
from reverie.analysis.people import find_mentions


def _people(text: str) -> list[tuple[str, str]]:
    doc = prepare(text, "journal")
    return [(m.role, text[m.span.start : m.span.end]) for m in find_mentions(doc) if m.role != "self"]


def _roles(text: str) -> set[str]:
    return {role for role, _ in _people(text)}


def _others(text: str) -> list[str]:
    return [str(f.data["other"]) for f in find_episodes(prepare(text, "journal"))]


# ---- a name whose role the grammar tells -------------------------------------------------------------------
TOLD = (
    (
        "Priya, the other welder on my crew, spotted the crack I had missed. I wanted to hide. She said it "
        "happens to everyone. I felt better.",
        "colleague",
    ),
    (
        "Tomasz, who plasters with me most summers, watched me struggle with the ladder. I wanted him to leave "
        "me to it. He grabbed the ladder and laughed at me.",
        "colleague",
    ),
    (
        "Lorcan, our trainee, dropped the tray of glasses. I wanted to shout at him. He said sorry and swept it "
        "up. I felt calm.",
        "colleague",
    ),
    (
        "Went to Bryony's party and she introduced me to her flatmates as her oldest friend. I wanted to belong. "
        "She kept hugging me. I felt loved.",
        "friend",
    ),
)


@pytest.mark.parametrize(("text", "role"), TOLD)
def test_a_name_whose_role_the_grammar_tells_is_that_role(text: str, role: str) -> None:
    assert role in _roles(text)
    assert role in _others(text)


NOT_TOLD = (
    # a relative clause "with me" that tells no shared work
    ("Tomasz, who lives with me, watched me struggle with the ladder. He laughed.", "colleague"),
    # a trade with "a", not "the other": not the writer's own trade
    ("Priya, a welder from the yard next door, spotted the crack. She laughed at me.", "colleague"),
    # introduced to her friend, not as one
    ("Bryony introduced me to her oldest friend. She kept hugging me.", "friend"),
)


@pytest.mark.parametrize(("text", "role"), NOT_TOLD)
def test_a_near_miss_gives_no_such_role(text: str, role: str) -> None:
    assert role not in _roles(text)


def test_a_name_found_by_grammar_with_no_role_told_is_left_off() -> None:
    # "Kit ate my lunch" acts on the writer's things, but nothing tells Kit's role: the finder keeps Kit off
    # (NAMES_WITHOUT_ROLE), as no such name was a person before
    text = "Kit ate my lunch again. I wanted to scream. He laughed at me. I felt furious."
    assert people.NAMES_BY_GRAMMAR and not people.NAMES_WITHOUT_ROLE
    assert _people(text) == []


def test_with_names_without_role_on_the_same_name_is_other(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "NAMES_WITHOUT_ROLE", True)
    text = "Kit ate my lunch again. I wanted to scream. He laughed at me. I felt furious."
    assert ("other", "Kit") in _people(text)


# ---- owners, and role words ---------------------------------------------------------------------------------
def test_the_owner_of_a_business_is_the_boss() -> None:
    assert "boss" in _roles("The bakery owner cut my hours again. She said times were hard.")
    assert "boss" in _roles("The owner of the garage docked my pay. He said the jack was my fault.")


def test_the_owner_of_a_dog_is_no_boss() -> None:
    assert "boss" not in _roles("The owner of the dog shouted at me. He said I had scared it.")
    assert "boss" not in _roles("The dog's owner shouted at me. He said I had scared it.")


def test_with_the_switch_off_an_owner_is_no_person(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "OWNERS_AS_BOSS", False)
    assert "boss" not in _roles("The bakery owner cut my hours again. She said times were hard.")


def test_psych_is_the_therapist_but_not_the_psych_ward() -> None:
    assert "therapist" in _roles("Psych asked why I never sleep. She said we could go slowly.")
    assert "therapist" not in _roles("The psych ward was full so they sent me home.")


# ---- capitalised words that are no people --------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    (
        "Monday ate my whole budget. I wanted to cry.",
        "Leeds, the other city I lived in, was cheaper.",
        "Tesco, who sells everything with me in mind, was shut.",
    ),
)
def test_a_capitalised_non_person_is_no_person(text: str) -> None:
    assert _people(text) == []


# ---- a bystander beside the one who responds -----------------------------------------------------------------
def test_the_named_colleague_who_responds_is_the_other_not_the_bystander() -> None:
    text = (
        "Nadia, the other cook on the line, burnt the sauce I had made. Her sister sat at the bar scrolling. "
        "I wanted to yell. Nadia said sorry and made it again. I felt calmer."
    )
    assert _others(text) == ["colleague"]


def _episode_sentences(text: str) -> list[tuple[str, list[int]]]:
    doc = prepare(text, "journal")
    return [(e.key, e.sentences) for e in _segment(doc, _mentions(doc))]


def test_one_sentence_about_a_bystander_does_not_split_the_episode() -> None:
    text = (
        "My manager called me into the office to say a customer had praised me. Tomas the cleaner was mopping "
        "behind, not looking up. My manager said keep it up. I walked out proud."
    )
    assert _episode_sentences(text) == [("boss", [0, 1, 2, 3])]


def test_two_sentences_about_someone_else_end_the_episode() -> None:
    # near-miss: Tomas takes two sentences, so he is no passing bystander and the manager's return is a new episode
    text = (
        "My manager called me into the office to say a customer had praised me. Tomas the cleaner turned round "
        "and laughed at me. Tomas said I was a creep. My manager said keep it up. I walked out proud."
    )
    assert [key for key, _ in _episode_sentences(text)] == ["boss", "tomas", "boss"]


def test_a_foreign_title_before_an_apposed_name_is_no_person() -> None:
    text = "Brygadzista on the site, Marek, shouted that I am too slow. I wanted to tell him where to go."
    assert ("colleague", "Brygadzista") not in _people(text)
    # near-miss: a name with a role told by apposition is still found
    assert ("colleague", "Priya") in _people("Priya, the other welder on my crew, shouted that I was slow.")
