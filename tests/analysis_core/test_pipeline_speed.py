"""Issue 16: segment once with the light splitter, parse only the sentences that need it, encode a sentence once."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from reverie.analysis.document import (
    CHUNK_SENTENCES,
    chunks,
    load_spacy,
    needs_parse,
    prepare,
    split_sentences,
)
from reverie.analysis.onnx_encoder import OnnxEncoder, load_encoder, shared_sentences
from reverie.analysis.pipeline import analyse, analyse_many
from reverie.analysis.timeframes import frames_of


def test_split_sentences_ends_at_stops_and_lines_not_at_abbreviations() -> None:
    text = 'Dr. Smith said hi. It was raining!! "Go," she said. "Now!" Then\nnothing   \n\nWhat a day'
    pieces = [text[a:b] for a, b in split_sentences(text)]
    assert pieces == [
        "Dr. Smith said hi.",
        "It was raining!!",
        '"Go," she said.',
        '"Now!"',
        "Then",
        "nothing",
        "What a day",
    ]


def test_split_sentences_drops_blank_pieces_and_keeps_a_trailing_abbreviation() -> None:
    assert split_sentences("  \n\n ") == []
    assert [("I met Mr. X and Mrs. Y")[a:b] for a, b in split_sentences("I met Mr. X and Mrs. Y")] == [
        "I met Mr. X and Mrs. Y"
    ]


def test_prepare_does_not_run_spacy() -> None:
    doc = prepare("My mother called. The weather was grey.")
    assert [s.text for s in doc.sentences] == ["My mother called.", "The weather was grey."]
    assert doc._spacy is None and doc.spacy_seconds == 0.0


def test_parser_reads_only_sentences_with_a_person_and_a_verb() -> None:
    text = "The weather was grey all day. My mother told me to leave. What a day"
    doc = prepare(text)
    parsed = doc.spacy
    assert doc.parsed_sentences == 1
    assert [s.text.strip() for s in parsed.sents] == [s.text for s in doc.sentences]
    full = load_spacy()(text)
    mother = [t for t in parsed if t.text in {"My", "mother", "told", "me", "leave"}]
    assert [(t.dep_, t.head.text) for t in mother] == [
        (t.dep_, t.head.text) for t in full if t.text in {"My", "mother", "told", "me", "leave"}
    ]
    weather = parsed[: len(parsed[:0].doc.char_span(0, 29, alignment_mode="expand"))]
    assert {t.dep_ for t in weather} <= {"ROOT", "dep"}  # a flat placeholder tree, not a parse
    assert [t.text for t in weather if t.dep_ == "ROOT"] == ["was"]
    # no proper noun anywhere: the entity recogniser did not run
    assert [(e.text, e.label_) for e in parsed.ents] == []


def test_entities_are_found_in_sentences_with_a_proper_noun() -> None:
    text = "Yesterday Sam and I went to Paris. My mother told Anna to leave. It rained all day."
    found = [(e.text, e.label_) for e in prepare(text).spacy.ents]
    assert found == [("Yesterday", "DATE"), ("Sam", "PERSON"), ("Paris", "GPE"), ("Anna", "PERSON")]


def test_needs_parse_counts_names_role_words_and_other_pronouns_and_the_writer_only_when_asked() -> None:
    nlp = load_spacy()
    assert needs_parse(nlp("Then dad shouted."))
    assert needs_parse(nlp("She never called back."))
    assert needs_parse(nlp("Sam left early."))
    assert not needs_parse(nlp("I cried."))  # the writer alone: no relationship episode
    assert needs_parse(nlp("I cried."), writer=True)
    assert not needs_parse(nlp("The weather was grey."), writer=True)
    assert not needs_parse(nlp("What a mess with my boss"), writer=True)  # no verb


def test_a_text_with_no_one_but_the_writer_is_not_parsed_and_keeps_its_tenses() -> None:
    text = (
        "I would like a holiday. I didn't argue. I had wanted this for so long. Work was fine I guess. "
        "If the scan is clear I will be so relieved. My hands were shaking as I knocked on the door."
    )
    doc = prepare(text)
    parsed = doc.spacy
    assert doc.parsed_sentences == 0
    assert [s.text.strip() for s in parsed.sents] == [s.text for s in doc.sentences]
    # the flat tree gives the main clause's auxiliaries, so the tense is the parser's
    assert [f.label for f in frames_of(doc)] == [
        "future_imagined",
        "past",
        "past",
        "past",
        "future_imagined",
        "past",
    ]
    assert [(t.text, t.dep_, t.head.text) for t in parsed if t.dep_ == "aux"][:3] == [
        ("would", "aux", "like"),
        ("did", "aux", "argue"),
        ("had", "aux", "wanted"),
    ]


def test_once_another_person_is_in_the_text_the_writers_sentences_are_parsed_too() -> None:
    text = "The rain kept falling. My sister shouted at me. I cried all night."
    doc = prepare(text)
    parsed = doc.spacy
    assert doc.parsed_sentences == 2  # the episode's response of self ("I cried") is the writer's own clause
    assert [(t.text, t.dep_) for t in parsed if t.text == "I"] == [("I", "nsubj")]
    full = load_spacy()("I cried all night.")
    assert [(t.dep_, t.head.text) for t in parsed[-5:]] == [(t.dep_, t.head.text) for t in full]


def test_a_chunk_whose_sentences_nearly_all_need_a_parse_is_parsed_whole_within_the_splitters_sentences() -> (
    None
):
    text = "My mother told me to leave. I cried. She laughed at me. The rain fell."
    doc = prepare(text)
    parsed = doc.spacy
    assert doc.parsed_sentences == 3  # the rain gets a flat tree
    assert [s.text.strip() for s in parsed.sents] == [s.text for s in doc.sentences]
    nlp = load_spacy()
    for sentence in doc.sentences[:3]:
        span = parsed.char_span(sentence.span.start, sentence.span.end)
        alone = nlp(sentence.text)
        assert [(t.dep_, t.head.i - span.start) for t in span] == [(t.dep_, t.head.i) for t in alone]
    assert [t.dep_ for t in parsed if t.text == "rain"] == ["dep"]


def test_a_dream_report_parses_the_dreamers_own_sentences() -> None:
    doc = prepare("I was flying over the sea. Then I fell.", kind="dream")
    assert doc.spacy is not None  # builds the parse
    assert doc.parsed_sentences == 2


class _Counting(OnnxEncoder):
    """The real encoder, counting the sentences that reach the transformer."""

    def __init__(self, real: OnnxEncoder) -> None:
        super().__init__(real._session, real._tokenizer, _manifest(real), real._batch_size)
        self.seen: list[str] = []

    def _encode_all(self, sentences: list[str]) -> Any:
        self.seen.extend(sentences)
        return super()._encode_all(sentences)


def _manifest(real: OnnxEncoder) -> Any:
    from reverie.analysis.onnx_encoder import EncoderManifest

    return EncoderManifest(real.name, real.model_hash, real.dim, real.max_seq_len, "model.int8.onnx")


def test_inside_shared_sentences_a_sentence_is_encoded_once_with_the_same_vector() -> None:
    counting = _Counting(load_encoder())
    alone = counting.encode(["I was angry.", "I was sad."])
    counting.seen.clear()
    with shared_sentences():
        first = counting.encode(["I was angry.", "I was sad."])
        again = counting.encode(["I was sad.", "I was angry.", "New one."])
    assert counting.seen == ["I was angry.", "I was sad.", "New one."]
    assert np.allclose(first, alone, atol=1e-6)
    assert np.allclose(again[:2], alone[::-1], atol=1e-6)
    counting.seen.clear()
    counting.encode(["I was angry."])  # outside the block nothing is kept
    assert counting.seen == ["I was angry."]


def test_the_risk_screen_reuses_the_pipelines_sentence_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    shared = load_encoder()
    seen: list[str] = []
    real = shared._encode_all

    def counting(sentences: list[str]) -> Any:
        seen.extend(sentences)
        return real(sentences)

    monkeypatch.setattr(shared, "_encode_all", counting)  # a spy on the real encoder: the work still happens
    text = "I fought with my sister. I feel hopeless tonight. Tomorrow I will call her."
    result = analyse(text, only={"risk", "emotions"})
    assert "risk" in result.analyzers and "emotions" in result.analyzers
    sentences = [s.text for s in prepare(text).sentences]
    assert sorted(seen) == sorted(sentences)  # once each, though two analyzers read them


def test_analyse_many_reports_time_per_stage_and_analyzer() -> None:
    timings: dict[str, float] = {}
    analyse_many(
        [("I was angry at my boss today. Then I felt ashamed.", "free_association")], timings=timings
    )
    assert {"prepare", "encoder", "spacy", "emotions", "people", "episodes", "risk"} <= set(timings)
    assert all(v >= 0 for v in timings.values())


def test_chunks_are_consecutive_and_bounded() -> None:
    sentences = prepare(" ".join(f"I saw friend number {i}." for i in range(10))).sentences
    groups = chunks(sentences, size=4)
    assert [len(g) for g in groups] == [4, 4, 2]
    assert [s for g in groups for s in g] == sentences


def test_a_text_of_several_chunks_is_parsed_chunk_by_chunk_into_one_doc_with_the_same_offsets() -> None:
    text = "\n\n".join(f"My sister {i} called me. The rain fell on day {i}." for i in range(CHUNK_SENTENCES))
    doc = prepare(text)
    assert len(chunks(doc.sentences)) == 2
    parsed = doc.spacy
    assert parsed.text == text
    assert [s.text.strip() for s in parsed.sents] == [s.text for s in doc.sentences]
    assert doc.parsed_sentences == CHUNK_SENTENCES  # the "called" sentences, not the rain
    last = parsed[-12:]
    assert [t.dep_ for t in last if t.text == "rain"] == ["dep"]


def test_time_bound_skips_the_remaining_analyzers_but_never_the_risk_screen() -> None:
    text = "I was angry at my boss today. I want to die."
    result = analyse_many([(text, "free_association")], seconds_per_chunk=0.0)[0]
    assert set(result.analyzers) == {"risk", "encoder"}
    assert any("emotions analyzer was skipped" in n and "time bound" in n for n in result.notes)
    assert [f.kind for f in result.findings] == ["risk"]


def test_progress_counts_the_encoder_pass_and_every_analyzer() -> None:
    calls: list[tuple[int, int]] = []
    result = analyse(
        "I was angry at my boss today.", progress=lambda done, total: calls.append((done, total))
    )
    total = 1 + len([k for k in result.analyzers if k != "encoder"])
    assert calls == [(i, total) for i in range(1, total + 1)]
