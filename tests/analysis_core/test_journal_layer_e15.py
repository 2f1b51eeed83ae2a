"""Layer 1.12.0 (e15): wrong credits first. Mechanisms behind wrongly credited lines that recur in sets written by
different people: a thing judged funny (or not) after "find / think + object", whose judge holds the feeling and
whose negation denies it; a laugh or a smile put on "along" with others; then a plain feeling left unread: being
loved or valued, felt ("I felt so loved"). Each is tested both ways on sentences
written for these tests (none copied from a fixture: the last test checks)."""

from __future__ import annotations

import pytest
from emotion_scope_kit import decide_text, moods

from reverie.analysis.emotion_scope import cues

WRITTEN: list[str] = []


def _written(*texts: str) -> list[str]:
    WRITTEN.extend(texts)
    return list(texts)


def _cases(*cases: tuple[object, ...]) -> list[tuple[object, ...]]:
    WRITTEN.extend(str(case[0]) for case in cases)
    return list(cases)


# --- a thing judged funny: the judge's feeling, denied with the verb ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "holder", "negated"),
    _cases(
        ("I didn't find my uncle's joke funny at all.", "writer", True),
        ("Did not find the supplier's excuse hilarious.", "writer", True),
        ("Never found that cartoon funny, even as a kid.", "writer", True),
        ("I found the whole rehearsal funny.", "writer", False),
        ("I thought the puppet show was hilarious.", "writer", False),
        ("My nephew found the video funny.", "My nephew", False),
    ),
)
def test_a_thing_judged_funny_is_the_judges_feeling(text: str, holder: str, negated: bool) -> None:
    found = [m for m in moods(text) if m[0] == "amusement"]
    assert found and found[0][1] == holder and found[0][2] is negated


@pytest.mark.parametrize(
    "text",
    _written(
        "There was a funny noise under the bonnet all the way home.",
        "I find it funny how she never answers on a Sunday.",
        "I think she is funny in a dry sort of way.",
    ),
)
def test_funny_as_odd_or_a_persons_wit_is_no_amusement_word(text: str) -> None:
    assert not [m for m in moods(text) if m[0] == "amusement"]


def test_a_joke_not_found_funny_credits_no_amusement_and_no_letdown() -> None:
    text = _written("Didn't find my flatmate's prank funny in the slightest.")[0]
    labels = decide_text(text, amusement=0.5, disapproval=0.45, neutral=0.2)
    assert "amusement" not in labels
    assert "disappointment" not in labels  # not a letdown: the head's disapproval stands
    assert labels[0] == "disapproval"


def test_a_joke_found_funny_keeps_the_amusement() -> None:
    text = _written("I found my flatmate's prank funny, honestly.")[0]
    assert decide_text(text, amusement=0.5, neutral=0.2)[0] == "amusement"


def test_a_good_feeling_denied_is_still_a_letdown() -> None:
    text = _written("I wasn't pleased with the new kitchen.")[0]
    assert "disappointment" in decide_text(text, joy=0.3, disappointment=0.1, neutral=0.2)


# --- a laugh or a smile put on "along" with others ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "performed"),
    _cases(
        ("The whole office was laughing at the boss's pun and I laughed along.", True),
        ("Everyone toasted the engagement; I just smiled along.", True),
        ("We all nodded along while he boasted about the car.", True),
        ("I was laughing along with the video all night.", True),
        ("We sang along to the radio the whole drive.", False),
        ("The crowd laughed along with me when I fell off the stage.", False),
        ("I laughed so hard at the video I cried.", False),
    ),
)
def test_a_laugh_or_smile_along_is_put_on(text: str, performed: bool) -> None:
    assert cues(text).performed is performed


def test_a_smile_put_on_credits_no_joy() -> None:
    text = _written("My brother was over the moon about his promotion; I smiled along.")[0]
    labels = decide_text(text, joy=0.6, neutral=0.3)
    assert "joy" not in labels


def test_a_laugh_put_on_credits_no_amusement() -> None:
    text = _written("They all laughed at my haircut and I laughed along like it was nothing.")[0]
    labels = decide_text(text, amusement=0.6, embarrassment=0.3, neutral=0.2)
    assert "amusement" not in labels and labels[0] == "embarrassment"


def test_a_laugh_shared_keeps_the_amusement() -> None:
    text = _written("My sister told the story of the goat and I laughed till I cried.")[0]
    assert "amusement" in decide_text(text, amusement=0.6, neutral=0.2)


def test_a_good_feeling_named_beside_the_smile_stays() -> None:
    text = _written("I smiled along, honestly glad for her.")[0]
    assert "joy" in decide_text(text, joy=0.6, neutral=0.2)


# --- being loved or valued, felt ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "label"),
    _cases(
        ("I felt so loved when the whole street turned up for the party.", "love"),
        ("Sat on the porch feeling really loved.", "love"),
        ("Feel unloved in my own family some days.", "sadness"),
    ),
)
def test_feeling_loved_is_the_writers_feeling(text: str, label: str) -> None:
    assert (label, "writer", False, "stated") in moods(text)


@pytest.mark.parametrize(
    "text",
    _written(
        "My loved ones are all coming for Easter.",
        "The old dog was loved by every kid on the estate.",
    ),
)
def test_loved_not_after_feel_is_no_stated_feeling(text: str) -> None:
    assert not [m for m in moods(text) if m[0] == "love" and m[3] == "stated" and m[1] == "writer"]


def test_a_feeling_of_being_loved_after_a_bad_one_ranks_by_the_head() -> None:
    text = _written("The train was cancelled and I was livid, but my daughter met me and I felt so loved.")[0]
    assert decide_text(text, love=0.5, anger=0.05, neutral=0.2)[0] == "love"


def test_these_sentences_are_in_no_journal_set(journal_set_texts: frozenset[str]) -> None:
    assert WRITTEN and not [t for t in WRITTEN if t.strip().lower() in journal_set_texts]
