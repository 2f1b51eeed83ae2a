"""People 1.4.0 / episodes 1.9.0: people known only by name. The role the grammar around a name gives it ("Keeley
at work", "Keeley and I have been friends"), brands and events the entity recogniser calls people, and the
finder of name-only people by grammar (``NAMES_BY_GRAMMAR``; since people 1.6.0 on only for names whose role the
grammar tells, ``NAMES_WITHOUT_ROLE`` off: docs/ccrt.md; the fixture below turns the whole finder on). Each
rule is tested both ways, on sentences written for this file."""

from __future__ import annotations

import pytest

from reverie.analysis import people
from reverie.analysis.document import prepare
from reverie.analysis.episodes import find_episodes
from reverie.analysis.people import find_mentions


def _people(text: str, kind: str = "journal") -> list[tuple[str, str]]:
    doc = prepare(text, kind)
    return [(m.role, text[m.span.start : m.span.end]) for m in find_mentions(doc) if m.role != "self"]


def _others(text: str, kind: str = "journal") -> list[str]:
    return [str(f.data["other"]) for f in find_episodes(prepare(text, kind))]


@pytest.fixture
def by_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(people, "NAMES_BY_GRAMMAR", True)
    # people 1.6.0: the whole finder, names with no role told included, as measured in 1.4.0
    monkeypatch.setattr(people, "NAMES_WITHOUT_ROLE", True)


NOT_PEOPLE = (
    "Lunch at Nando's was fine.",
    "Monday was long.",
    "Brexit came up again at dinner.",
    "We watched Bake Off and Brexit came up again.",
    "Netflix all evening, Tesco run after.",
    "Then Tesco ran out of oat milk.",
    "Walked down Elm Street in the rain.",
    "Went to Leeds on the train.",
    "Walked Biscuit before work.",
)


# ---- not people, with the finder off (the default) and on -----------------------------------------------------
@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_brands_days_places_and_a_pet_in_passing_are_no_people(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_brands_days_places_and_a_pet_in_passing_are_no_people_by_grammar(
    text: str, by_grammar: None
) -> None:
    assert _people(text) == []


def test_a_pet_walked_in_passing_is_no_episode(by_grammar: None) -> None:
    assert _others("Walked Biscuit before work. I wanted a quiet morning.") == []


# ---- the role the grammar around a name gives -----------------------------------------------------------------
def test_a_name_at_work_is_a_colleague() -> None:
    assert ("colleague", "Keeley") in _people("Keeley at work laughed at me in the meeting.")
    assert ("other", "Keeley") in _people("Keeley laughed at me in the meeting.")


def test_a_name_the_writer_has_been_friends_with_is_a_friend() -> None:
    found = _people("Keeley and I have been friends since school. She laughed at me.")
    assert ("friend", "Keeley") in found and ("friend", "She") in found
    assert ("other", "Keeley") in _people("Keeley and I have been neighbours since May.")


def test_a_name_who_forgot_our_anniversary_is_the_partner() -> None:
    assert ("partner", "Keeley") in _people("Keeley forgot our anniversary and I cried.")
    assert ("other", "Keeley") in _people("Keeley forgot our meeting and I cried.")


# ---- the finder by grammar (off by default) -------------------------------------------------------------------
def test_a_name_only_person_who_acts_towards_the_writer_is_a_person_by_grammar(by_grammar: None) -> None:
    assert ("other", "Dawit") in _people("Dawit texted me at midnight.")
    assert ("other", "Joss") in _people(
        "Told Joss at the allotment meeting that I was quitting. He laughed at me."
    )
    assert ("other", "Priti") in _people("Priti came round after work and shouted at me about the rent.")
    assert ("other", "Hamish") in _people("Went to Leeds with Hamish and he ignored me the whole way.")
    assert ("other", "Bex") in _people("Bex and I fell out over the wedding.")
    assert ("other", "Ugo") in _people("Ugo's mum picked me up.")


def test_a_name_only_person_is_missed_without_the_finder() -> None:
    # since people 1.6.0 the finder is on for names whose role the grammar tells; nothing tells Dawit's
    assert ("other", "Dawit") not in _people("Dawit texted me at midnight.")


def test_a_name_only_person_who_acts_towards_the_writer_is_an_episode(by_grammar: None) -> None:
    text = (
        "Dawit texted me at midnight and shouted at me for missing his call. I felt small and said nothing."
    )
    assert _others(text) == ["other"]


def test_a_name_found_by_grammar_takes_the_role_the_grammar_gives(by_grammar: None) -> None:
    assert ("colleague", "Dawit") in _people("I work with Dawit and he ignored me all day.")


def test_an_apposition_or_a_relative_clause_gives_a_name_its_role() -> None:
    assert ("colleague", "Keeley") in _people("Keeley, who I work with, laughed at me.")
    assert ("other", "woman") in _people("Keeley, the woman next door, laughed at me.")
    assert ("colleague", "Keeley") not in _people("Keeley, who I met at a party, laughed at me.")


def test_a_name_who_covers_my_shift_is_a_colleague_and_one_who_calls_me_into_her_office_the_boss() -> None:
    assert ("colleague", "Keeley") in _people("Keeley covered my shift and then complained to me.")
    assert ("boss", "Keeley") in _people("Keeley called me into her office and yelled at me.")
    assert ("other", "Keeley") in _people("Keeley called me into the kitchen and yelled at me.")


def test_a_date_with_a_name_is_the_partner() -> None:
    assert ("partner", "Keeley") in _people("Went on a date with Keeley and she laughed at me.")
    assert ("partner", "Keeley") not in _people("Went for a walk with Keeley and she laughed at me.")
