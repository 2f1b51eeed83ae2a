"""Review r39 (tests/review_r39 on branch r39), fault 5 and its note on bodily signs, moved next to the code that now
reads them (emotions 1.16.0):

* the feeling of a relative clause is held by the clause's antecedent, not the writer: "The film was about a man who
  was terrified of the dark" was shown as "Your words carry fear";
* a feeling read from a bodily sign ("I woke up with my heart racing") was shown as nervousness "Named in the entry's
  own words" at 0.07: the writer named the sign, not the feeling.

The review's lines go through the whole pipeline and the entry panel; the held-out lines (other voices, written for
this check, both directions) go through the layer's holder scan."""

from __future__ import annotations

import pytest

from reverie.analysis.document import load_spacy
from reverie.analysis.emotion_scope import emotion_words
from reverie.analysis.pipeline import analyse
from reverie.insights.observations import read_entry


@pytest.mark.parametrize(
    ("text", "feeling"),
    [
        ("The film was about a man who was terrified of the dark.", "fear"),
        ("The book is about a girl who is grieving her father.", "sadness"),
    ],
)
def test_the_entry_panel_does_not_give_the_writer_a_feeling_held_by_someone_in_a_relative_clause(
    text: str, feeling: str
) -> None:
    """A feeling of 'a man who was terrified' or 'a girl who is grieving' is not "Your words carry fear/sadness"
    (before: shown as the writer's own, "fairly sure" or "Named in the entry's own words"), as 'My son was
    terrified' already is not."""
    reading = read_entry(text, analyse(text, "reflection").to_json())
    said = [o.text for o in reading.observations]
    assert f"Your words carry {feeling}." not in said, said


def test_the_writers_own_fear_is_still_theirs_and_a_sons_is_his() -> None:
    mine = "I was terrified."
    assert "Your words carry fear." in [
        o.text for o in read_entry(mine, analyse(mine, "reflection").to_json()).observations
    ]
    his = "My son was terrified."
    assert "Your words carry fear." not in [
        o.text for o in read_entry(his, analyse(his, "reflection").to_json()).observations
    ]


def _holders(text: str) -> list[tuple[str, str]]:
    return [(w.label, w.holder) for w in emotion_words(list(load_spacy()(text)))]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("We watched a documentary about a climber who was scared of heights.", "fear"),
        ("Read a story about an old woman who was lonely all winter.", "sadness"),
        ("My neighbour has a son who is furious with everyone.", "anger"),
        ("I sat next to a girl, who was clearly nervous about the exam.", "nervousness"),
        ("I work with a nurse that is always cheerful.", "joy"),
        ("The novel follows a detective who is grieving his wife.", "grief"),
        ("He is someone who gets angry fast.", "anger"),
    ],
)
def test_a_feeling_inside_a_relative_clause_is_held_by_its_antecedent(text: str, label: str) -> None:
    holders = _holders(text)
    assert (label, "writer") not in holders, holders
    assert any(lab == label for lab, _ in holders), holders


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I met a man who was rude, and I was furious.", "anger"),
        ("I was scared of the man who shouted.", "fear"),
        ("Anyone who knows me knows I'm anxious.", "nervousness"),
        ("The film that I watched made me sad.", "sadness"),
        ("It was the kind of day that is sad.", "sadness"),
    ],
)
def test_the_writers_feeling_beside_a_relative_clause_stays_theirs(text: str, label: str) -> None:
    assert (label, "writer") in _holders(text)


@pytest.mark.parametrize(
    "text",
    [
        "I woke up with my heart racing.",
        "My heart was racing all through the meeting.",
        "My hands were shaking.",
    ],
)
def test_a_feeling_read_from_a_bodily_sign_is_not_marked_as_named(text: str) -> None:
    result = analyse(text, "reflection")
    named = [f.label for f in result.findings if f.kind == "emotion" and f.data.get("stated")]
    assert named == [], named
    said = [o.sureness for o in read_entry(text, result.to_json()).observations if o.analyzer == "feelings"]
    assert "Named in the entry's own words" not in said, said


def test_a_feeling_the_writer_names_beside_a_sign_is_still_named() -> None:
    text = "I was nervous and my heart was racing."
    named = [
        f.label for f in analyse(text, "reflection").findings if f.kind == "emotion" and f.data.get("stated")
    ]
    assert "nervousness" in named, named


def test_the_entry_panel_says_a_feeling_read_from_a_bodily_sign_was_read_from_it() -> None:
    """Shown as before (from the stated floor), but as what it is: "heart racing" names the sign, not the feeling."""
    text = "I woke up with my heart racing."
    shown = [
        (o.text, o.sureness)
        for o in read_entry(text, analyse(text, "reflection").to_json()).observations
        if o.analyzer == "feelings"
    ]
    assert shown == [("Your words carry nervousness.", "Read from a bodily sign the entry describes")], shown
