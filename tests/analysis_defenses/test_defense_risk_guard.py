"""The risk guard (fifth round): a sentence in which the risk screen's lexicon reads the writer's own wish to die,
burdensomeness with death, no point in living or self-harm is never given a defense level; a defense sentence
that only mentions someone else's death, or a figure of speech, is judged as before. Sentences written here."""

from __future__ import annotations

import numpy as np
import pytest

from reverie.analysis import dmrs
from reverie.analysis.defenses import (
    NO_DEFENSE_IDENTIFIED,
    DefenseAnalyzer,
    DefenseHead,
    Prototypes,
    classify_with_head,
    risk_guarded,
    risk_guarded_text,
)
from reverie.analysis.document import Document, Sentence
from reverie.analysis.encoder import Encoder
from reverie.analysis.evaluation.defense_bank import head_levels
from reverie.analysis.findings import Span

DESPAIR = [
    "Honestly I do not want to be alive any more.",
    "My kids would be better off without me, they'd have the insurance.",
    "There is no point in living like this, every day is the same grey.",
    "Cut my arms again after tea, it is the only thing that takes the edge off.",
    "most nights i pray i just dont wake up",
    "I keep thinking about killing myself on the drive home.",
]
NOT_THE_WRITERS_RISK = [
    "This quarterly report is killing me, haha.",
    "I'd rather die than sing karaoke at the staff party again.",
    "My uncle died in March and I keep telling everyone I'm completely fine about it.",
    "My cousin tried to kill herself years ago and I still blame her boyfriend for all of it.",
    "I'm dying to see how the film ends, so I skipped my chores.",
    "I'm such an idiot, I forgot my keys again.",
]


@pytest.mark.parametrize("text", DESPAIR)
def test_plainly_stated_despair_is_guarded(text: str) -> None:
    assert risk_guarded_text(text)


@pytest.mark.parametrize("text", NOT_THE_WRITERS_RISK)
def test_someone_elses_death_and_figures_of_speech_are_not_guarded(text: str) -> None:
    assert not risk_guarded_text(text)


def test_guard_marks_only_the_sentences_with_the_risk() -> None:
    text = "Work was long. I want to die, honestly. Then I made soup."
    spans = [(0, 14), (15, 39), (40, len(text))]
    assert risk_guarded(text, spans) == [False, True, False]
    assert risk_guarded(text, []) == []


def _always_level(level: int, dim: int) -> DefenseHead:
    """A head that shows ``level`` on any sentence with probability ~1 (its bias), to test the guard alone."""
    weights = np.zeros((dim + 10, 9), dtype=np.float32)
    weights[-1, level] = 20.0
    return DefenseHead(weights, 0.4, "test", "test")


def _doc(pieces: list[str], encoder: Encoder) -> Document:
    text = " ".join(pieces)
    sentences, start = [], 0
    for i, piece in enumerate(pieces):
        begin = text.index(piece, start)
        sentences.append(Sentence(i, Span(begin, begin + len(piece)), piece))
        start = begin + len(piece)
    doc = Document(text=text, kind="free_association", sentences=sentences)
    doc.embeddings = encoder.encode(pieces)
    return doc


def test_analyzer_never_codes_a_guarded_sentence_and_judges_the_rest_as_before(
    encoder: Encoder, prototypes: Prototypes
) -> None:
    pieces = [
        DESPAIR[0],
        NOT_THE_WRITERS_RISK[0],
        DESPAIR[1],
        NOT_THE_WRITERS_RISK[2],
        NOT_THE_WRITERS_RISK[3],
    ]
    doc = _doc(pieces, encoder)
    head = _always_level(4, doc.embeddings.shape[1])
    findings = DefenseAnalyzer(prototypes, head).run(doc)
    per_sentence = [f for f in findings if f.kind == "defense"]
    assert [f.data["level"] for f in per_sentence] == [0, 4, 0, 4, 4]
    assert [f.data["risk_guard"] for f in per_sentence] == [True, False, True, False, False]
    assert per_sentence[0].label == NO_DEFENSE_IDENTIFIED and per_sentence[0].data["abstained"]
    for i in (1, 3, 4):  # the head's own call, unchanged
        call = classify_with_head(pieces[i], doc.embeddings[i], head, prototypes)
        assert call is not None and per_sentence[i].data["level"] == call.level
    (odf,) = [f for f in findings if f.kind == "odf"]
    assert odf.data["counts"]["0"] == 2 and odf.data["odf"] == pytest.approx(4.0)


def test_entry_about_dying_gets_no_odf_even_from_a_head_that_codes_everything(
    encoder: Encoder, prototypes: Prototypes
) -> None:
    """The fourth round's failure (ODF 5.0 on an entry about dying) by mechanism: whatever the head says."""
    doc = _doc([DESPAIR[0], DESPAIR[1], "I talked to my sister about it.", DESPAIR[2], DESPAIR[5]], encoder)
    findings = DefenseAnalyzer(prototypes, _always_level(4, doc.embeddings.shape[1])).run(doc)
    (odf,) = [f for f in findings if f.kind == "odf"]
    assert odf.data["odf"] is None and odf.data["counts"]["4"] == 1


def test_the_older_method_is_guarded_too(encoder: Encoder, prototypes: Prototypes) -> None:
    doc = _doc([DESPAIR[3], "It's all their fault, not mine."], encoder)
    levels = [f.data["level"] for f in DefenseAnalyzer(prototypes).run(doc) if f.kind == "defense"]
    assert levels == [dmrs.NO_DEFENSE, 3]


def test_evaluations_read_sentences_through_the_guard(encoder: Encoder) -> None:
    head = _always_level(2, int(encoder.encode(["x"]).shape[1]))
    assert head_levels([DESPAIR[4], NOT_THE_WRITERS_RISK[1]], head, encoder) == [0, 2]
