"""Layer 1.21.0 (h184): mechanisms behind emotion_journal_frozen17's misses (a feeling wished for or awaited, a
question about one's own feeling asked without its mark, thanks given to the writer, a look that calls the writer
something), each tested both ways on sentences written for these tests (none copied from a fixture: the last test
checks)."""

from __future__ import annotations

import pytest
from emotion_scope_kit import THRESHOLDS, decide_text, moods, probs_of

from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import cues, decide, emotion_words

WRITTEN: list[str] = []


def _cases(*cases: tuple[object, ...]) -> list[tuple[object, ...]]:
    WRITTEN.extend(str(case[0]) for case in cases)
    return list(cases)


def _decide_after(previous: str, text: str, **given: float) -> tuple[str, ...]:
    """The layer's labels for ``text`` read after ``previous`` (the head's ``given`` probabilities)."""
    probs = probs_of(**given)
    chosen = [label for label, p in probs.items() if p >= THRESHOLDS[label]] or [
        max(probs, key=probs.__getitem__)
    ]
    words = emotion_words(list(load_spacy()(text)))
    return decide(probs, THRESHOLDS, chosen, words, cues(text, previous=previous)).labels


def _written(text: str) -> str:
    WRITTEN.append(text)
    return text


# --- a feeling wished for or awaited is not felt; wishing is a desire ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "label", "mood"),
    _cases(
        ("I just want to feel safe in my own flat again.", "relief", "wished"),
        ("Still hoping to feel excited about the move at some point.", "excitement", "wished"),
        ("Been trying to be grateful for the small stuff.", "gratitude", "wished"),
        ("I felt safe in my own flat again.", "relief", "stated"),
        ("Excited about the move, finally.", "excitement", "stated"),
    ),
)
def test_a_feeling_after_want_hope_try_to_is_wished_not_felt(text: str, label: str, mood: str) -> None:
    found = [m for m in moods(text) if m[0] == label]
    assert found and found[0][1] == "writer" and found[0][3] == mood


def test_a_wished_feeling_gives_desire_and_not_itself() -> None:
    text = _written("I just want to be cheerful for once.")
    labels = decide_text(text, joy=0.4, desire=0.2)
    assert "joy" not in labels and labels[0] == "desire"
    plain = _written("Cheerful all afternoon, for once.")
    assert decide_text(plain, joy=0.4)[0] == "joy"


def test_someone_elses_wish_stays_theirs() -> None:
    text = _written("My brother wants to feel proud of his band.")
    assert all(m[1] != "writer" for m in moods(text) if m[0] == "pride")


# --- a question about one's own feeling, with its mark left off ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "asked"),
    _cases(
        ("did i ever actually love the job or just the salary", True),
        ("do we even enjoy these dinners anymore", True),
        ("Do I love this flat? yes", True),
        ("i do love the new flat", False),
        ("Was I glad when the fire alarm stopped", False),
    ),
)
def test_do_i_opening_a_sentence_asks_even_without_a_question_mark(text: str, asked: bool) -> None:
    found = [m for m in moods(text) if m[0] in {"love", "joy"}]
    assert found and (found[0][3] == "hedged") is asked


def test_asking_about_ones_own_feeling_keeps_the_heads_confusion() -> None:
    asked = _written("did i ever actually love the job or just the salary")
    labels = decide_text(asked, love=0.5, confusion=0.2)
    assert "love" not in labels and "confusion" in labels
    # a plain statement: the faint confusion stays a leftover beside the love said
    said = _written("I love the job, not just the salary.")
    assert decide_text(said, love=0.5, confusion=0.2)[0] == "love"


# --- thanks given to the writer are the thanker's -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "writers"),
    _cases(
        ("Neighbour popped round, kept thanking me for the ladder.", False),
        ("Got a card from the twins thanking us for the lifts.", False),
        ("Thanked the driver twice, honestly so grateful.", True),
    ),
)
def test_thanks_whose_object_is_the_writer_are_not_the_writers_gratitude(text: str, writers: bool) -> None:
    thanks = [m for m in moods(text) if m[0] == "gratitude"]
    assert thanks and any(m[1] == "writer" for m in thanks) is writers


# --- a look that calls the writer something ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mood"),
    _cases(
        ("The receptionist stared at me like I was furious about something.", "regarded"),
        ("My sister talks to us as if we were scared of her.", "regarded"),
        ("I feel like I am furious all the time lately.", "stated"),
    ),
)
def test_a_feeling_in_a_like_clause_after_the_writer_as_object_is_a_look(text: str, mood: str) -> None:
    found = [m for m in moods(text) if m[0] in {"anger", "fear"}]
    assert found and found[0][1] == "writer" and found[0][3] == mood


# --- praise in a short line after a word in scare quotes -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "following", "given", "turned"),
    [
        ("The council 'repaired' the swings with cable ties.", "Top job, really.", {"admiration": 0.6}, True),
        ("My flatmate 'tidied' by shoving it all under the sofa.", "So helpful.", {"approval": 0.5}, True),
        # the writer names a good feeling of their own: meant
        ("The nurse called it a 'small' scratch.", "So relieved it's done.", {"relief": 0.5}, False),
        # no scare quotes before: praise is praise
        ("The council repaired the swings at last.", "Top job, really.", {"admiration": 0.6}, False),
        # a longer line is no tag
        (
            "Gran calls it her 'little' garden.",
            "Spent the whole afternoon admiring her roses with her.",
            {"admiration": 0.6},
            False,
        ),
    ],
)
def test_a_short_praise_after_a_scare_quoted_word_is_sarcasm(
    text: str, following: str, given: dict[str, float], turned: bool
) -> None:
    WRITTEN.extend([text, following])
    labels = _decide_after(text, following, **given)
    assert ("annoyance" in labels and not set(labels) & set(given)) is turned, labels


# --- funniness denied ---------------------------------------------------------------------------------------------


def test_a_laugh_followed_by_nothing_funny_is_no_amusement() -> None:
    text = _written("Burst out laughing when the vet told us.")
    following = _written("There was nothing remotely funny about it.")
    assert cues(text, following).unfunny and cues(following).unfunny
    assert "amusement" not in decide_text(text, following, amusement=0.8)
    assert "amusement" not in decide_text(following, amusement=0.5)
    plain = _written("Burst out laughing at the vet's terrible pun.")
    assert not cues(plain, _written("The dog was fine.")).unfunny
    assert "amusement" in decide_text(plain, amusement=0.8)


# --- clenching as the cause of an ache ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "anger"),
    _cases(
        ("Teeth aching from grinding them all through the call.", True),
        ("My hands are raw from clenching the steering wheel on the ice.", True),
        ("Jaw sore from the dentist poking at it.", False),
    ),
)
def test_an_ache_from_clenching_is_a_sign_of_anger(text: str, anger: bool) -> None:
    assert ("anger" in cues(text).signs) is anger


# --- the holder before a chain of prepositional phrases -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "holder"),
    _cases(
        ("The lad behind us in the queue was giggling at his phone.", "lad"),
        ("Woman next to me at the bar burst into tears.", "Woman"),
        ("Everyone but me at the table was laughing.", None),
        ("I was giggling next to him on the sofa.", "writer"),
    ),
)
def test_the_feeling_of_a_person_before_prepositional_phrases_is_theirs(
    text: str, holder: str | None
) -> None:
    found = [m for m in moods(text) if m[0] in {"amusement", "sadness"}]
    assert found
    if holder is not None:
        assert found[0][1].endswith(holder)


# --- the heart full ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "joy"),
    _cases(
        ("All of us round one table again, my heart is bursting.", True),
        ("Heart so full after the christening.", True),
        ("Heart full of dread about tomorrow.", False),
    ),
)
def test_a_full_heart_is_joy_and_a_heart_full_of_something_names_it(text: str, joy: bool) -> None:
    assert (("joy", "writer", False, "stated") in moods(text)) is joy


@pytest.mark.parametrize(
    ("text", "sarcastic"),
    _cases(
        ("Bus broke down twice, the highlight of my month really.", True),
        ("Stuck in traffic for an hour, best part of my day.", True),
        ("Swimming with my niece was the highlight of my week.", False),
    ),
)
def test_the_highlight_of_my_week_after_a_mishap_is_sarcasm(text: str, sarcastic: bool) -> None:
    assert cues(text).sarcasm is sarcastic


def test_these_sentences_are_in_no_journal_set(journal_set_texts: frozenset[str]) -> None:
    assert WRITTEN and not [t for t in WRITTEN if t.strip().lower() in journal_set_texts]
