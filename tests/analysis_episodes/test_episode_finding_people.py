"""Episodes 1.7.0–1.8.0 / people 1.2.0–1.3.0: finding the person of an episode. Strangers named by trade or
slang (1.8.0). Names after a title, names tied to a role in apposition or brackets, a letter's "you", places read as names, people named
only inside a wish, and the role words of people met outside the family (the GP, the vicar). Each rule is tested
both ways, on sentences written for this file."""

from __future__ import annotations

from reverie.analysis.document import prepare
from reverie.analysis.episodes import find_episodes
from reverie.analysis.people import find_mentions


def _people(text: str, kind: str = "journal") -> list[tuple[str, str]]:
    doc = prepare(text, kind)
    return [(m.role, text[m.span.start : m.span.end]) for m in find_mentions(doc) if m.role != "self"]


def _others(text: str, kind: str = "journal") -> list[str]:
    return [str(f.data["other"]) for f in find_episodes(prepare(text, kind))]


# ---- a title before a name --------------------------------------------------------------------------------
def test_a_rank_before_a_name_is_the_boss_and_the_name_keeps_that_role() -> None:
    people = _people("Sgt Okafor made me run the course again. Okafor stood there timing me. I felt small.")
    assert ("boss", "Sgt Okafor") in people
    assert ("boss", "Okafor") in people


def test_a_coach_is_a_teacher_and_a_plain_title_is_someone_else() -> None:
    assert ("teacher", "Coach Brennan") in _people(
        "Coach Brennan benched me for the final. I wanted to play."
    )
    assert ("other", "Mrs Pike") in _people("Mrs Pike from number nine shouted at me over the hedge.")


def test_a_title_without_a_name_after_it_is_no_person() -> None:
    assert _people("The Major road was closed so I walked.") == []


def test_an_abbreviated_rank_does_not_end_the_sentence() -> None:
    doc = prepare("I reported to Capt. Mendes at six. He sent me home.", "journal")
    assert len(doc.sentences) == 2


# ---- a name tied to a role in apposition or brackets ------------------------------------------------------
def test_a_role_word_then_a_name_in_brackets_ties_the_name_to_the_role() -> None:
    people = _people("Call with my supervisor (Ines) this morning. Ines said the report was sloppy.")
    assert [role for role, text in people if "Ines" in text] == ["boss", "boss"]


def test_the_role_word_then_a_titled_name_after_a_comma_is_one_person() -> None:
    text = "First visit to the grief counsellor, Dr. Amadi. She let me cry and did not rush me."
    assert {role for role, _ in _people(text)} == {"therapist"}


def test_a_bracket_that_holds_no_name_ties_nothing() -> None:
    people = _people("My manager (who never reads email) shouted at me again.")
    assert [role for role, _ in people] == ["boss"]


def test_someone_elses_role_word_then_a_name_stays_someone_else() -> None:
    people = _people("Her manager, Ines, rang me at home. Ines wanted the keys.")
    assert "boss" not in {role for role, _ in people}


# ---- a heading or God is no person ----------------------------------------------------------------------------
# A rule that made a capitalised name the entity recogniser misses a person (when a later "he"/"she" could refer
# to it) was tried and dropped: it matched no expected episode on any seen file and added spurious "other" ones
# (docs/ccrt.md, episodes 1.7.0).
def test_a_heading_is_no_person() -> None:
    assert _people("Mood: low. Sleep: bad. I felt awful.") == []


def test_god_is_not_an_episode_partner() -> None:
    assert _people("I prayed to God all night. He felt far away.") == []


# ---- places read as names ----------------------------------------------------------------------------------
def test_a_name_after_in_is_a_place_and_the_pronoun_goes_to_the_person() -> None:
    people = _people("Rang my husband Piet from the hotel in Rotterdam. He sounded tired and hung up on me.")
    assert {role for role, _ in people} == {"partner"}


def test_a_diary_verb_the_tagger_reads_as_a_name_is_no_person() -> None:
    assert {role for role, _ in _people("Rang my sister. She hung up on me.")} == {"sibling"}


def test_a_name_after_with_is_still_a_person() -> None:
    people = _people("Had coffee with Rotterdam-born Piet. He laughed at me.")
    assert any(role == "other" for role, _ in people)


def test_a_practitioner_after_to_is_the_practice_not_the_person() -> None:
    people = _people("Took my son to the dentist. He screamed the whole way and I lost my temper with him.")
    assert ("child", "my son") in people
    assert all(role == "child" for role, _ in people)


def test_the_practitioner_who_acts_is_a_person() -> None:
    assert ("other", "dentist") in _people("The dentist told me off for not flossing.")


# ---- a letter's "you" ----------------------------------------------------------------------------------------
def test_a_letter_to_a_role_reads_you_as_that_person() -> None:
    text = "Mum, I will never post this. I wanted you to come to my wedding. You stayed at home. I cried all night."
    people = _people(text)
    assert [role for role, t in people if t.lower() == "you"] == ["mother", "mother"]
    assert _others(text) == ["mother"]


def test_a_letter_to_a_name_reads_you_as_that_name() -> None:
    people = _people("Dear Tomasz, this stays in my notebook. You laughed when I told you about the job.")
    assert [role for role, t in people if t.lower() == "you"] == ["other", "other"]


def test_a_text_that_does_not_open_with_an_address_keeps_you_as_nobody() -> None:
    text = "Honestly, you never know with people. I wanted my sister to call. She didn't."
    assert all(t.lower() != "you" for _, t in _people(text))
    assert _people("Anyway, you know how it is.") == []


# ---- a person named only in the writer's wish ----------------------------------------------------------------
def test_a_person_named_only_in_a_wish_does_not_split_the_episode() -> None:
    text = (
        "My boss praised my pitch in front of everyone. I had wanted to impress the new client. I felt proud."
    )
    assert _others(text) == ["boss"]


def test_a_person_who_acts_after_the_wish_still_starts_an_episode() -> None:
    text = (
        "My boss praised my pitch. I felt proud. Then the new client shouted at me about the price. I froze."
    )
    assert _others(text) == ["boss", "other"]


# ---- role words of people met outside the family -------------------------------------------------------------
def test_people_met_outside_the_family_have_a_role_word() -> None:
    for text, role in [
        ("The vicar ignored me after the service.", "other"),
        ("My grandson rang me on Sunday.", "other"),
        ("The GP barely looked at me.", "other"),
        ("My fella shouted at me.", "partner"),
        ("Asked Rania from accounts for help.", "colleague"),
    ]:
        assert role in {r for r, _ in _people(text)}, text


def test_a_former_pupil_is_not_an_ex_and_a_team_is_not_a_colleague() -> None:
    assert {r for r, _ in _people("A former pupil of mine waved at me.")} == {"other"}
    assert _people("My team lost the match.") == []
    assert {r for r, _ in _people("My former wife rang.")} == {"ex"}


# ---- the therapist known by name and setting -------------------------------------------------------------------
def test_a_name_in_the_setting_of_a_session_is_the_therapist() -> None:
    assert ("therapist", "Mark") in _people(
        "Session with Mark this morning. He let me cry for the whole hour."
    )
    people = _people("Tues. Session 9. Talked about the move. Told Dr Farah I was fine. She did not buy it.")
    assert {role for role, _ in people} == {"therapist"}


def test_a_session_of_something_else_or_one_that_only_dates_what_follows_is_no_setting() -> None:
    assert "therapist" not in {
        role for role, _ in _people("Gym session with Mark today. He pushed me too hard.")
    }
    assert ("therapist", "Mark") not in _people(
        "After my session I met Mark for a coffee. He was late again."
    )


def test_a_text_that_names_its_therapist_keeps_other_names_apart() -> None:
    people = _people("Session with my therapist Hilde today. Afterwards Tom Walsh rang me. He was drunk.")
    assert ("other", "Tom Walsh") in people


# ---- a letter's addressee acts towards the writer ---------------------------------------------------------------
def test_in_a_letter_what_the_addressee_did_is_an_interaction() -> None:
    text = "Dad, I will never send this. I wanted you at my graduation. You promised. I still feel let down."
    assert _others(text) == ["father"]


def test_a_my_boy_is_a_child_and_a_boy_alone_is_nobody() -> None:
    assert ("child", "My boy") in _people("My boy rang me from camp.")
    assert _people("A boy at the bus stop laughed.") == []


# ---- interaction without the writer named: the other says something ---------------------------------------------
def test_what_the_other_says_is_said_to_the_writer() -> None:
    assert _others("My aunt said she needs time alone. I wanted to be close to her. I lay awake.") == [
        "other"
    ]


def test_the_other_only_somewhere_or_only_wished_to_speak_is_no_interaction() -> None:
    assert _others("My aunt was in the garden. I wanted to be close to her. I lay awake.") == []
    assert _others("I wanted my aunt to say she was proud. I lay awake.") == []


def test_my_childs_teacher_is_a_teacher_and_a_friends_teacher_is_someone_else() -> None:
    assert ("teacher", "teacher") in _people("My son's teacher called me in after school.")
    assert {r for r, _ in _people("My friend's teacher called me in after school.")} == {"friend", "other"}


# ---- a stranger named by trade or slang (the 2026-12-02 round) ---------------------------------------------
def test_a_stranger_named_by_trade_or_slang_is_someone_else() -> None:
    assert ("other", "conductor") in _people("The conductor shouted that my ticket was torn.")
    assert ("other", "rando") in _people("Last night some rando in the chat called me washed.")
    assert _others(
        "The conductor shouted that my ticket was torn. I wanted to get to work without a fight. I felt small."
    ) == ["other"]


def test_a_stranger_by_trade_who_does_nothing_with_the_writer_is_no_episode() -> None:
    assert _others("The conductor of the orchestra was on the radio this morning. I made tea.") == []


def test_two_strangers_by_slang_stay_two_people() -> None:
    keys = {m.key for m in find_mentions(prepare("A bloke pushed me and another bloke laughed at me."))}
    assert len([k for k in keys if k.startswith("other@")]) == 2


def test_a_business_party_is_no_stranger_by_trade() -> None:
    """ "The vendor", "the buyer": a firm as often as a person; left out of the stranger words."""
    assert _people("The vendor sent the invoice late again.") == []
