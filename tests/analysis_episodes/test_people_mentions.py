"""People: roles, names introduced by a role, pronouns, the therapist as "you" in session text."""

from __future__ import annotations

from reverie.analysis.document import prepare
from reverie.analysis.people import ROLE_GROUP, Mention, PeopleAnalyzer, find_mentions


def others(text: str, kind: str = "journal") -> list[tuple[str, str, str | None]]:
    """(mention text, role, name) of every mention that is not the self."""
    return [
        (m.span.text(text), m.role, m.name) for m in find_mentions(prepare(text, kind)) if m.role != "self"
    ]


def roles(text: str, kind: str = "journal") -> list[str]:
    return [role for _, role, _ in others(text, kind)]


def test_people_role_words_map_to_roles() -> None:
    text = "My mum rang. My ex-husband texted. My co-worker laughed. My shrink listened. My girlfriend left."
    assert roles(text) == ["mother", "ex", "colleague", "therapist", "partner"]


def test_people_my_ex_alone_is_the_ex() -> None:
    assert roles("My ex keeps texting me.") == ["ex"]


def test_people_other_peoples_relatives_are_others() -> None:
    found = others("My husband's mother criticised me. My mother-in-law called.")
    assert found[0][1] == "partner"
    assert [role for _, role, _ in found[1:]] == ["other", "other"]


def test_people_role_words_that_do_not_point_at_a_person_are_skipped() -> None:
    assert roles("When I was a kid I was shy.") == []
    assert roles("As a mother I worry.") == []
    assert roles("I felt like a bad daughter.") == []


def test_people_names_introduced_by_a_role_keep_it() -> None:
    found = others("My husband Tom said he was tired. Later Tom called me.")
    assert found[0] == ("My husband Tom", "partner", "Tom")
    assert ("Tom", "partner", "Tom") in found[1:]


def test_people_names_introduced_after_the_name() -> None:
    assert others("Anna, my sister, laughed.")[0] == ("Anna", "sibling", "Anna")


def test_people_names_introduced_by_be() -> None:
    found = others("Sophie is my closest friend. She sent flowers.")
    assert found == [("Sophie", "friend", "Sophie"), ("She", "friend", "Sophie")]


def test_people_names_from_work_are_colleagues() -> None:
    assert others("Ben from work interrupted me.")[0] == ("Ben", "colleague", "Ben")


def test_people_unknown_names_are_others() -> None:
    assert others("Yesterday Priya shouted at me.")[0][1:] == ("other", "Priya")


def test_people_pronouns_resolve_to_a_compatible_earlier_person() -> None:
    found = others("My mother called my brother. She was upset with him.")
    assert found[2:] == [("She", "mother", None), ("him", "sibling", None)]


def test_people_pronouns_prefer_the_previous_subject_over_a_possessive() -> None:
    found = others("My brother always takes Dad's side. Last week he told me off.")
    assert found[-1] == ("he", "sibling", None)


def test_people_they_after_mother_and_father_is_the_parents() -> None:
    found = others("My mom and Dad fought. They never stopped.")
    assert found[-1] == ("They", "parents", None)


def test_people_unresolvable_pronouns_are_left_out() -> None:
    assert others("She never called back.") == []


def test_people_you_is_the_therapist_only_in_session_text() -> None:
    assert roles("I wanted you to understand. You listened.", kind="session") == ["therapist", "therapist"]
    assert roles("I wanted you to understand. You listened.") == []


def test_people_you_know_as_a_filler_is_not_the_therapist() -> None:
    assert roles("You know, I was tired.", kind="session") == []


def test_people_self_is_found_once_per_sentence() -> None:
    mentions = find_mentions(prepare("I told myself I was fine. Then I cried."))
    selves = [m for m in mentions if m.role == "self"]
    assert [m.sentence for m in selves] == [0, 1]


def test_people_findings_follow_the_contract() -> None:
    text = "My boss Karen ignored me."
    findings = PeopleAnalyzer().run(prepare(text))
    boss = next(f for f in findings if f.label == "boss")
    assert boss.kind == "person"
    assert boss.analyzer == "people"
    assert dict(boss.data) == {"group": "authority", "name": "Karen", "sentence": 0}
    assert boss.spans[0].text(text) == "My boss Karen"
    assert {f.label for f in findings} == {"self", "boss"}


def test_people_groups_cover_every_role() -> None:
    assert ROLE_GROUP["parents"] == "family"
    assert ROLE_GROUP["ex"] == "partners"
    assert ROLE_GROUP["teacher"] == "authority"
    assert ROLE_GROUP["other"] == "others"
    assert Mention("friend", prepare("x").sentences[0].span, 0, "noun").group == "friends"


def test_people_texts_without_sentences_have_no_mentions() -> None:
    assert find_mentions(prepare("   ")) == []
