"""The defense classifier on sentences written for this test, and the analyzer's findings."""

from __future__ import annotations

import pytest

from reverie.analysis.defenses import DefenseAnalyzer, Prototypes, classify
from reverie.analysis.document import Document, Sentence
from reverie.analysis.encoder import Encoder
from reverie.analysis.findings import Span

CASES = [
    ("Hello, good evening!", 0, None),
    ("Thanks so much for your help tonight.", 0, None),
    ("Honestly I just want to scream at everyone and break something.", 1, "acting_out"),
    ("It's all their fault, they're the ones who are always angry.", 3, "projection"),
    ("I guess it doesn't matter anyway, I never liked that place.", 3, "rationalization"),
    ("I talked to my best friend about it and felt lighter afterwards.", 7, "affiliation"),
    ("I went for a run and it really helps release the stress.", 7, "sublimation"),
]


@pytest.mark.parametrize(("text", "level", "defense"), CASES)
def test_classify_own_sentences(
    text: str, level: int, defense: str | None, encoder: Encoder, prototypes: Prototypes
) -> None:
    call = classify(text, encoder.encode([text])[0], prototypes)
    assert call.level == level
    assert call.defense == defense
    assert 0.0 < call.confidence <= 1.0


def test_classify_without_embeddings_falls_back_to_cues_and_prior() -> None:
    assert classify("It's all their fault.", None, None).level == 3
    assert classify("The bus was late this morning.", None, None).level == 7


def test_classify_ignores_embeddings_of_another_dimension(prototypes: Prototypes) -> None:
    import numpy as np

    call = classify("Hello!", np.ones(8, dtype=np.float32) / np.sqrt(8), prototypes)
    assert call.level == 0


def _doc(text: str, kind: str, encoder: Encoder) -> Document:
    sentences, start = [], 0
    for i, piece in enumerate(text.split("|")):
        begin = text.index(piece, start)
        sentences.append(Sentence(i, Span(begin, begin + len(piece)), piece))
        start = begin + len(piece)
    doc = Document(text=text, kind=kind, sentences=sentences)
    doc.embeddings = encoder.encode([s.text for s in sentences])
    return doc


def test_analyzer_codes_each_sentence_and_reports_odf(encoder: Encoder, prototypes: Prototypes) -> None:
    doc = _doc(
        "Hello there.|It's all their fault, not mine.|I talked to my sister and it helped.",
        "session",
        encoder,
    )
    findings = DefenseAnalyzer(prototypes).run(doc)
    per_sentence = [f for f in findings if f.kind == "defense"]
    (odf,) = [f for f in findings if f.kind == "odf"]
    assert [f.data["sentence"] for f in per_sentence] == [0, 1, 2]
    assert [f.data["level"] for f in per_sentence] == [0, 3, 7]
    assert per_sentence[1].spans == (doc.sentences[1].span,)
    assert odf.data["counts"]["3"] == 1 and odf.data["counts"]["7"] == 1 and odf.data["counts"]["0"] == 1
    assert odf.data["odf"] is None  # two coded sentences are too few for an overall figure


def test_analyzer_odf_needs_three_coded_sentences(encoder: Encoder, prototypes: Prototypes) -> None:
    doc = _doc(
        "It's all their fault, not mine.|I talked to my sister and it helped.|I went for a run and it really "
        "helps release the stress.",
        "session",
        encoder,
    )
    (odf,) = [f for f in DefenseAnalyzer(prototypes).run(doc) if f.kind == "odf"]
    assert odf.data["odf"] == pytest.approx((3 + 7 + 7) / 3)


def test_one_high_adaptive_sentence_gives_no_odf_in_an_entry_about_dying(
    encoder: Encoder, prototypes: Prototypes
) -> None:
    from reverie.analysis.defenses import shared_head

    doc = _doc(
        "I don't want to be alive anymore.|Everyone would be better off without me.|I talked to my sister "
        "about it and it really helped.",
        "free_association",
        encoder,
    )
    (odf,) = [f for f in DefenseAnalyzer(prototypes, shared_head()).run(doc) if f.kind == "odf"]
    assert odf.data["odf"] is None  # 7.0 before, from the one high-adaptive sentence


def test_analyzer_odf_is_none_without_coded_defenses(encoder: Encoder, prototypes: Prototypes) -> None:
    findings = DefenseAnalyzer(prototypes).run(_doc("Hello!|Thank you so much.", "free_association", encoder))
    (odf,) = [f for f in findings if f.kind == "odf"]
    assert odf.data["odf"] is None and odf.confidence == 0.0
