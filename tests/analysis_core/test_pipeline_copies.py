"""Issue 16, the pipeline's cheaper steps give exactly what the plain ones gave.

- ``document._copies``: sentence Docs for the entity recogniser and the parser, with the chunk read into an array
  once instead of once per sentence (``Span.as_doc`` without it read the whole chunk again for every sentence).
- ``ccrt.match``: a lexicon entry whose first word is nowhere in the clause is no longer scanned.
- ``analyse_many(overlap=True)``: spaCy reads the documents on a thread while the encoder pass runs.
"""

from __future__ import annotations

from typing import Any

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SPACY, TAG

from reverie.analysis import ccrt
from reverie.analysis.document import _copies, _entities, _ranges, load_spacy, prepare
from reverie.analysis.spacy_fast import tagged

TEXT = (
    "My friend Sam said I was overreacting at dinner in London. I didn't argue. "
    "Then Anna Smith rang and I felt ashamed, so I hung up on her! "
    "Mum wouldn't listen to me and I wanted her to stay. Nobody came."
)
ATTRS = [ORTH, SPACY, TAG, POS, MORPH, LEMMA, ENT_IOB, ENT_TYPE, HEAD, DEP]


def _tagged_chunk() -> tuple[Any, list[tuple[int, int]]]:
    nlp = load_spacy()
    doc = prepare(TEXT)
    (chunk,) = tagged(nlp, [doc.text])
    return chunk, _ranges(chunk, [s.span.start for s in doc.sentences])


def _same(got: Any, expected: Any) -> None:
    assert got.text == expected.text
    assert got.to_array(ATTRS).tolist() == expected.to_array(ATTRS).tolist()
    assert [(e.start, e.end, e.label_) for e in got.ents] == [
        (e.start, e.end, e.label_) for e in expected.ents
    ]
    assert got.tensor.tolist() == expected.tensor.tolist()


def test_sentence_copies_are_span_as_doc_before_and_after_entities_are_written_back() -> None:
    chunk, spans = _tagged_chunk()
    assert len(spans) == 5
    for got, (a, b) in zip(_copies(chunk, spans), spans, strict=True):
        _same(got, chunk[a:b].as_doc())
    _entities(load_spacy(), chunk, spans)
    assert {e.text for e in chunk.ents} >= {"Sam", "Anna Smith"}
    chosen = [spans[k] for k in (0, 2, 4)]
    for got, (a, b) in zip(_copies(chunk, chosen), chosen, strict=True):
        _same(got, chunk[a:b].as_doc())
    assert _copies(chunk, []) == []


def test_copies_leave_the_chunk_as_it_was() -> None:
    chunk, spans = _tagged_chunk()
    _entities(load_spacy(), chunk, spans)
    before = chunk.to_array(ATTRS).tolist()
    _copies(chunk, spans)
    assert chunk.to_array(ATTRS).tolist() == before


def _match_scanning_every_entry(component: str, tokens: Any, context: Any) -> list[tuple[int, float, Any]]:
    """ccrt.match as it was: every entry scanned over the clause."""
    ordered = sorted(tokens, key=lambda t: t.i)
    forms = [ccrt._forms(t) for t in ordered]
    candidates = [
        (e, p) for e in ccrt.entries(component) if (p := ccrt._find(e.words, forms, ordered)) is not None
    ]
    candidates.sort(key=lambda c: (-len(c[0].words), -c[0].weight))
    used: set[int] = set()
    out: list[tuple[int, float, Any]] = []
    for entry, positions in candidates:
        if used & set(positions):
            continue
        anchor = next((ordered[p] for p in positions if "not" not in forms[p]), ordered[positions[0]])
        result = ccrt._apply(entry, *context(anchor))
        if result is not None:
            used.update(positions)
            out.append((*result, anchor))
    return out


def test_lexicon_matches_are_those_of_scanning_every_entry() -> None:
    texts = [
        TEXT,
        "I wanted to be close to him but he rejected me and I withdrew.",
        "She didn't reject me; she never listens, and I felt angry and shut down.",
        "I wanted her to stay and spend more time with me, but she shut his door.",
    ]
    nlp = load_spacy()
    found = 0
    for text in texts:
        doc = nlp(text)
        for context in (lambda _t: ("self", False), lambda _t: ("other", True), lambda _t: (None, False)):
            for component in ("w", "ro", "rs"):
                for sentence in doc.sents:
                    got = ccrt.match(component, list(sentence), context)
                    assert got == _match_scanning_every_entry(component, list(sentence), context)
                    found += len(got)
    assert found > 10  # the texts do match entries


OVERLAP_TEXTS = [
    (TEXT, "free_association"),
    ("I was angry at my boss today. Then I felt ashamed and went for a walk.", "free_association"),
    ("I was in my old school and my sister was chasing me. I could not find the door.", "dream"),
    ("Slept badly. Tired all day.", "free_association"),
]


def test_spacy_read_on_a_thread_during_the_encoder_pass_gives_the_same_results() -> None:
    from reverie.analysis.pipeline import analyse_many

    alone = analyse_many(OVERLAP_TEXTS, overlap=False)
    timings: dict[str, float] = {}
    overlapped = analyse_many(OVERLAP_TEXTS, overlap=True, timings=timings)
    assert [r.to_json() for r in overlapped] == [r.to_json() for r in alone]
    assert {"encoder", "spacy", "episodes"} <= set(timings)


def test_the_thread_parses_every_document_whose_analyzers_read_spacy_before_they_run() -> None:
    from reverie.analysis.pipeline import _registrations, _spacy_ahead, _start

    runs = [_start(text, kind, _registrations(None)) for text, kind in OVERLAP_TEXTS]
    runs.append(_start("12345 !!!", "free_association", _registrations(None)))  # no words: nothing to read
    thread = _spacy_ahead(runs, overlap=True)
    assert thread is not None
    thread.join()
    assert [run.doc._spacy is not None for run in runs] == [True, True, True, True, False]
    assert _spacy_ahead(runs, overlap=False) is None
    only_risk = [_start(TEXT, "free_association", _registrations({"risk"}))]
    assert _spacy_ahead(only_risk, overlap=True) is None  # no analyzer reads spaCy: no thread


def test_a_sentence_cut_through_an_entity_or_a_parsed_tree_is_copied_by_as_doc_itself() -> None:
    """Both ways: the light copy is taken where ``as_doc`` fixes nothing (every sentence of an unparsed chunk,
    entities inside it), and ``as_doc`` itself where it would fix something: a span beginning or ending inside
    an entity ("Anna | Smith"), and any span of a parsed Doc (heads outside it). Each copy equals ``as_doc``'s."""
    chunk, spans = _tagged_chunk()
    _entities(load_spacy(), chunk, spans)
    anna = next(e for e in chunk.ents if e.text == "Anna Smith")
    cut = [(anna.start + 1, spans[2][1]), (spans[2][0], anna.start + 1), spans[2], spans[0]]
    for got, (a, b) in zip(_copies(chunk, cut), cut, strict=True):
        _same(got, chunk[a:b].as_doc())
    parsed = load_spacy()(TEXT)
    halves = [(0, 5), (5, 12), (3, len(parsed))]
    for got, (a, b) in zip(_copies(parsed, halves), halves, strict=True):
        _same(got, parsed[a:b].as_doc())


@pytest.mark.parametrize(
    ("cores", "threads", "ahead"), [(2, 2, False), (1, 2, False), (4, 2, True), (3, 2, True)]
)
def test_spacy_reads_ahead_only_with_a_core_free_of_the_encoders_threads(
    monkeypatch: pytest.MonkeyPatch, cores: int, threads: int, ahead: bool
) -> None:
    """On 2 cores and 2 encoder threads the spaCy thread only takes turns with the encoder's (and costs CPU):
    it starts only where the process has a core more than the encoder's threads; the results are the same."""
    from reverie.analysis import onnx_encoder, pipeline

    asked: list[bool] = []
    real = pipeline._spacy_ahead

    def spy(runs: list[pipeline._Run], overlap: bool) -> object:
        asked.append(overlap)
        return real(runs, overlap)

    monkeypatch.setattr(pipeline, "_usable_cores", lambda: cores)
    monkeypatch.setattr(onnx_encoder, "encoder_threads", lambda: threads)
    monkeypatch.setattr(pipeline, "_spacy_ahead", spy)
    found = pipeline.analyse_many(OVERLAP_TEXTS[:2])
    assert asked == [ahead]
    assert [r.to_json() for r in found] == [
        r.to_json() for r in pipeline.analyse_many(OVERLAP_TEXTS[:2], overlap=False)
    ]
