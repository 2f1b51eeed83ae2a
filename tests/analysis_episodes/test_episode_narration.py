"""Voices that break the rules by mechanism (issue 13, fourth frozen batch): dictated text with its punctuation
spoken as words, and a journal told in the second person ("You walk in and she …"). Rules only: no encoder, no
learned coder. The sentences are written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.analysis.document import prepare
from reverie.analysis.episodes import find_episodes
from reverie.analysis.findings import Span
from reverie.analysis.narration import first_person
from reverie.analysis.people import find_mentions

SECOND_PERSON = (
    "You ring your uncle to ask for the loan back. He laughs and says you were always tight with money. "
    "You wanted him to apologise for once. You put the phone down and feel about six years old."
)
DICTATED = (
    "quick voice memo period my flatmate Leon ate my leftovers again comma the whole tray period "
    "I wanted him to just admit it period he shrugged and said prove it period I went to my room feeling furious"
)


def rules(text: str, kind: str = "journal") -> list[tuple[Any, ...]]:
    return [
        (f.label, *(f.data[c]["cluster"] if f.data[c] else None for c in ("w", "ro", "rs")))
        for f in find_episodes(prepare(text, kind))
    ]


def test_second_person_narration_reads_as_the_writers_own() -> None:
    read = first_person(SECOND_PERSON, "journal")
    assert read is not None
    assert read.text.startswith("I ring my uncle to ask for the loan back. He laughs and says I were")
    assert "I wanted him to apologise" in read.text
    found = rules(SECOND_PERSON)
    assert [f[0] for f in found] == ["other"]  # the uncle: before 1.5.0 no episode at all
    assert found[0][1] is not None and found[0][3] is not None  # a wish and a response of self are read


def test_object_you_becomes_me() -> None:
    text = (
        "Your aunt looks right past you at the party. You ask her why and she tells you nothing. You go home."
    )
    read = first_person(text, "journal")
    assert read is not None
    assert (
        read.text
        == "My aunt looks right past me at the party. I ask her why and she tells me nothing. I go home."
    )


def test_a_letter_to_someone_keeps_its_you() -> None:
    letter = "Dear Dad, you never came to my games. You missed my graduation too. I still wanted you there. I miss you."
    assert first_person(letter, "journal") is None
    assert first_person(SECOND_PERSON, "session") is None  # in a session "you" is the therapist


def test_dictated_punctuation_splits_sentences_and_finds_the_episode() -> None:
    read = first_person(DICTATED, "journal")
    assert read is not None
    assert "again, the whole tray. I wanted him to just admit it. He shrugged" in read.text
    found = rules(DICTATED)
    assert len(found) == 1
    assert found[0][1] is not None and found[0][2] is not None


def test_spans_point_into_the_text_as_written() -> None:
    (finding,) = find_episodes(prepare(DICTATED, "journal"))
    (span,) = finding.spans
    assert span.start in {0, DICTATED.index("my flatmate Leon")}
    assert span.end == len(DICTATED)
    for component in ("w", "ro", "rs"):
        code = finding.data[component]
        if code:
            start, end = code["span"]
            assert 0 <= start < end <= len(DICTATED)
    read = first_person(DICTATED, "journal")
    assert read is not None
    at = read.text.index("I wanted")
    back = read.original(Span(at, at + len("I wanted")))
    assert DICTATED[back.start : back.end] == "I wanted"


def test_one_spoken_word_is_not_dictation() -> None:
    text = "It was a hard period at work. My boss shouted at me and I wanted to quit."
    assert first_person(text, "journal") is None


UNCODED = (
    "My grandfather glanced up from his paper and told me the garden looked tidy. I had wanted that for a long "
    "time. The kettle clicked off."
)


def test_an_exchange_the_lexicons_cannot_code_is_kept_for_the_encoder() -> None:
    from reverie.analysis import ccrt
    from reverie.analysis.episodes import drafts
    from reverie.analysis.onnx_encoder import load_encoder

    assert rules(UNCODED) == []  # rules alone: an episode with nothing coded stays out
    encoder = load_encoder()
    doc = prepare(UNCODED, "journal")
    vectors = encoder.encode([s.text for s in doc.sentences])
    (draft,) = drafts(doc, ccrt.PrototypeCoder(encoder), vectors)  # before 1.5.0: none
    assert draft.episode.role == "other" and draft.response  # for the learned coder to code


@pytest.mark.parametrize(
    ("text", "role", "word"),
    [
        ("Went to see Da on Sunday. He told me I was the good one.", "father", "Da"),
        ("The gaffer called me over and said I'd run the crew from Monday.", "boss", "gaffer"),
        ("My oga said my report was the best in the department.", "boss", "oga"),
        ("my bf made me dinner and i felt so looked after", "partner", "bf"),
        ("my little bro drew me a card and i hugged him", "sibling", "bro"),
    ],
)
def test_regional_and_texting_role_words(text: str, role: str, word: str) -> None:
    found = [(m.role, text[m.span.start : m.span.end]) for m in find_mentions(prepare(text, "journal"))]
    assert any(r == role and word in said for r, said in found)


def test_bro_as_a_form_of_address_is_nobody() -> None:
    assert [
        m
        for m in find_mentions(prepare("I said bro, relax. Nobody answered.", "journal"))
        if m.role != "self"
    ] == []


@pytest.mark.parametrize(
    ("text", "rs"),
    [
        ("My sister paid the vet bill without being asked. I felt a wave of relief and made tea.", 3),
        ("My cousin came round and fixed the boiler for nothing. I felt peaceful all evening.", 3),
        ("My neighbour apologised for the noise. I felt my shoulders unclench.", 3),
        ("My boss said the launch went well because of me. I went home ten feet tall.", 5),
        ("My coach told me I'd made the team. I felt solid, like a grown up.", 5),
    ],
)
def test_stated_relief_and_pride_are_read(text: str, rs: int) -> None:
    (found,) = rules(text)  # before 1.5.0: no episode (nothing the lexicons knew)
    assert found[3] == rs
