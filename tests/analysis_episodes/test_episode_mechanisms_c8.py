"""People 1.5.0 / episodes 1.10.0: mechanisms that recur across vignette batches written by different people
(docs/ccrt.md, "Recurring mechanisms across nine batches (c8)"). Each rule is tested both ways, on sentences
written for this file. The word-formation roles are read where the sentence is parsed, i.e. in a text with
another person in it (a pronoun here), as in a told episode."""

from __future__ import annotations

import pytest

from reverie.analysis.document import prepare
from reverie.analysis.episodes import find_episodes
from reverie.analysis.people import find_mentions


def _roles(text: str) -> list[tuple[str, str]]:
    doc = prepare(text, "journal")
    return [(m.role, text[m.span.start : m.span.end]) for m in find_mentions(doc) if m.role != "self"]


# ---- an article makes a kinship or authority word someone else's ------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A daughter in the queue at the post office snapped at me for pushing in.", "daughter"),
        ("Another mum at the gate told me my boy was a bad influence.", "mum"),
        ("The father of the bride called me over and complained about the cake.", "father"),
        ("A manager from the other depot shouted at me across the yard.", "manager"),
        ("A lecturer I had never met stopped me in the corridor and criticised my poster.", "lecturer"),
    ],
)
def test_a_kinship_or_authority_word_with_an_article_is_someone_else(text: str, word: str) -> None:
    assert ("other", word) in _roles(text)


@pytest.mark.parametrize(
    ("text", "role", "word"),
    [
        ("My daughter snapped at me for being late again.", "child", "My daughter"),
        ("Mum told me my boy was a bad influence.", "mother", "Mum"),
        ("The wife laughed when I burnt the toast.", "partner", "wife"),
        ("The boss called me into the office at nine.", "boss", "boss"),
        ("A friend from the allotment rang to ask about my knee.", "friend", "friend"),
        ("A colleague in payroll covered for me on Tuesday.", "colleague", "colleague"),
        ("I saw a therapist for the first time and she listened.", "therapist", "therapist"),
    ],
)
def test_the_writers_own_people_keep_their_role(text: str, role: str, word: str) -> None:
    assert (role, word) in _roles(text)


def test_the_kids_with_the_are_still_the_writers_children() -> None:
    assert ("child", "kids") in _roles("The kids were fighting over the remote and I lost my temper.")


# ---- a nameless stranger and the pronouns that resolve to them are one person -----------------------------
def _episodes(text: str) -> list[str]:
    return [str(f.data["other"]) for f in find_episodes(prepare(text, "journal"))]


def test_a_nameless_stranger_told_over_several_sentences_is_one_episode() -> None:
    text = (
        "A woman on the platform barged past me with her suitcase. I wanted her to say sorry. "
        "She glared at me and swore. I stepped back, rattled."
    )
    doc = prepare(text, "journal")
    keys = {m.key for m in find_mentions(doc) if m.role != "self"}
    assert len(keys) == 1
    assert _episodes(text) == ["other"]


def test_two_nameless_strangers_named_twice_stay_two_people() -> None:
    text = "A man in a red coat shouted at me on the tram. Later a man with a dog helped me up the steps."
    doc = prepare(text, "journal")
    keys = {m.key for m in find_mentions(doc) if m.role != "self"}
    assert len(keys) == 2


def test_the_anchor_travels_through_the_people_findings() -> None:
    text = "A man on a bike clipped my mirror. He laughed at me and rode off. I wanted to chase him. I was shaking."
    doc = prepare(text, "journal")
    findings = [m.to_finding() for m in find_mentions(doc) if m.role != "self"]
    assert {f.data.get("anchor") for f in findings if f.data.get("anchor") is not None} == {
        findings[0].spans[0].start
    }


# ---- a workplace role made by word formation ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "role", "word"),
    [
        ("My co-author sent the draft off without my section. She never asked.", "colleague", "My co-author"),
        ("My co-presenter talked over me and then he laughed.", "colleague", "My co-presenter"),
        ("My bandmate forgot the setlist and he blamed me.", "colleague", "My bandmate"),
        ("The head baker told me my loaves were underproved. She binned them.", "boss", "baker"),
    ],
)
def test_a_role_made_by_word_formation_is_a_workplace_role(text: str, role: str, word: str) -> None:
    assert (role, word) in _roles(text)


@pytest.mark.parametrize(
    "text",
    [
        "The head gasket went on the motorway and he had to call a tow.",
        "I banged my head on the cupboard and she laughed.",
        "It was checkmate in four and he resigned.",
        "The co-op was shut so she walked home.",
    ],
)
def test_word_formation_makes_no_person_of_a_thing(text: str) -> None:
    assert {role for role, _ in _roles(text)} <= {"other"}
    assert not any(word in {"gasket", "head", "checkmate", "op"} for _, word in _roles(text))


def test_the_lexicons_own_words_come_before_word_formation() -> None:
    assert ("other", "My flatmate") in _roles("My flatmate ate my leftovers again.")


# ---- a she or he with no antecedent in a therapy session is the therapist ----------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Therapy this morning. She asked why I keep arriving late and I wanted to lie. I felt caught out.",
        "Counselling, week six. He pushed me about the divorce and I wanted to leave. I went quiet.",
    ],
)
def test_an_unresolved_pronoun_in_a_therapy_session_is_the_therapist(text: str) -> None:
    assert {role for role, _ in _roles(text)} == {"therapist"}
    assert _episodes(text) == ["therapist"]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("My aunt started therapy last year. She told me I was the difficult one.", {"other"}),
        ("No therapy this week. I kept wanting to tell her things.", set()),
        ("Training session at the pool. She made me swim another ten lengths.", set()),
        ("Got home late. She had already gone to bed and I wanted to talk.", set()),
    ],
)
def test_a_pronoun_outside_a_session_or_with_an_antecedent_is_not_the_therapist(
    text: str, roles: set[str]
) -> None:
    assert {role for role, _ in _roles(text)} == roles


# ---- a mother and a father named together are the parents ------------------------------------------------
@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Mum and Dad drove up unannounced and rearranged my kitchen. I wanted them to ask first.",
            "Mum and Dad",
        ),
        ("My dad and my mum both laughed at my new haircut. I felt stupid.", "My dad and my mum"),
    ],
)
def test_a_mother_and_a_father_named_together_are_the_parents(text: str, span: str) -> None:
    assert ("parents", span) in _roles(text)
    assert "mother" not in {role for role, _ in _roles(text)}


def test_a_mother_and_a_father_apart_stay_two_people() -> None:
    roles = _roles("Mum phoned at eight and shouted at me. Dad was at the allotment as usual.")
    assert {role for role, _ in roles} == {"mother", "father"}


def test_someone_elses_mum_and_dad_are_no_parents_of_the_writer() -> None:
    roles = _roles("Her mum and dad were cold to me all through the meal.")
    assert {role for role, _ in roles} == {"other"}


# ---- telling someone else afterwards is an aftermath, not an episode -------------------------------------
def test_telling_someone_else_after_the_response_is_no_episode_of_its_own() -> None:
    text = "My landlord shouted at me about the bins. I wanted him to calm down. I rang my sister afterwards, shaking."
    assert _episodes(text) == ["other"]


def test_someone_else_who_answers_afterwards_is_an_episode() -> None:
    text = (
        "My landlord shouted at me about the bins. I wanted him to calm down. "
        "I rang my sister afterwards and she laughed at me. I felt stupid."
    )
    assert _episodes(text) == ["other", "sibling"]


# ---- tears of joy are the glad feeling, not sadness ------------------------------------------------------
def _rs(text: str) -> list[int | None]:
    return [(f.data["rs"] or {}).get("cluster") for f in find_episodes(prepare(text, "journal"))]


def test_crying_beside_a_glad_feeling_is_that_feeling() -> None:
    text = "Dad came to my graduation after all. I wanted him there. He hugged me at the gate. I cried on the bus, glad."
    assert _rs(text) == [3]


def test_crying_alone_is_still_sadness() -> None:
    text = "Dad skipped my graduation. I wanted him there. He said he was too busy. I cried on the bus."
    assert _rs(text) == [7]
