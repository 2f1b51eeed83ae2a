"""Issue 16, sixth speed round: work done once per document and shared, each piece exact against the old way.

The risk lexicon reads a document once for the defense analyzer's risk guard and the risk screen
(``risk_lexicon.document_reading``); ``normalise`` takes one ``str.lower`` where that is exact; the CCRT lexicon finds
its entries by their first word; the defense cues that cannot fire in a document are not scanned. Texts written
here."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from reverie.analysis import ccrt, defenses, risk, risk_lexicon
from reverie.analysis.defenses import CUES, DefenseAnalyzer, cue_levels, live_cues, risk_guarded
from reverie.analysis.document import prepare
from reverie.analysis.pipeline import analyse

TEXT = (
    "Work was long and my boss shouted at me again. I want to die, honestly. "
    "My sister said she'd rather die than sing karaoke, haha. Then I made soup and felt a bit calmer. "
    "I told him I need more time, and I'll try to make a plan for the week."
)


def test_one_reading_per_document_shared_by_the_guard_and_the_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = risk_lexicon.reading

    def counted(text: str, kind: str = "free_association") -> risk_lexicon.Reading:
        calls.append(kind)
        return real(text, kind)

    monkeypatch.setattr(risk_lexicon, "reading", counted)
    result = analyse(TEXT, only={"defenses", "risk"})
    assert calls == ["free_association"]  # one reading for both analyzers
    assert {f.analyzer for f in result.findings} == {"defenses", "risk"}


def test_the_shared_reading_gives_what_each_reading_alone_gives() -> None:
    doc = prepare(TEXT)
    shared = risk_lexicon.document_reading(doc)
    assert risk_lexicon.document_reading(doc) is shared  # held by the document
    assert list(shared.hits) == risk_lexicon.read(TEXT)
    spans = [(s.span.start, s.span.end) for s in doc.sentences]
    assert risk_guarded(TEXT, spans, hits=shared.hits) == risk_guarded(TEXT, spans)
    assert risk_guarded(TEXT, spans) == [False, True, False, False, False]
    assert risk.screen(TEXT, model=False, reading=shared) == risk.screen(TEXT, model=False)
    units = risk.model_units(TEXT)
    assert risk_lexicon.sentence_reasons(TEXT, "free_association", units, context=shared.context) == (
        risk_lexicon.sentence_reasons(TEXT, "free_association", units)
    )


def test_a_reading_of_another_text_or_kind_is_not_used() -> None:
    doc = prepare(TEXT)
    other = risk_lexicon.reading("I want to die.", "free_association")
    doc.shared["risk_lexicon.reading"] = other
    assert risk_lexicon.document_reading(doc).text == TEXT
    dream = risk_lexicon.reading(TEXT, "dream")
    assert risk.screen(TEXT, model=False, reading=dream) == risk.screen(TEXT, model=False)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain ascii `quoted` Text",
        "Don’t ‘quote’ me",
        "İstanbul ſ K",
        "ΟΔΟΣ ΣΑ σ",
        "Straße ǅ ﬃ ΐ",
        "😀 Émile",
    ],
)
def test_normalise_is_the_character_by_character_lower_case(text: str) -> None:
    slow = risk_lexicon._normalise_by_character(text)
    assert risk_lexicon.normalise(text) == slow and len(slow) == len(text)


def test_normalise_agrees_on_every_code_point() -> None:
    points = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    assert [p for p in points if risk_lexicon.normalise(p) != risk_lexicon._normalise_by_character(p)] == []
    for start in range(0, len(points), 997):  # and in runs, where the whole-text path is taken or refused
        run = "".join(points[start : start + 997])
        assert risk_lexicon.normalise(run) == risk_lexicon._normalise_by_character(run)


def test_ccrt_entries_by_first_word_cover_every_entry_once_in_order() -> None:
    for component in ("w", "ro", "rs"):
        table = ccrt.entries(component)
        index = ccrt._by_first_word(component)
        positions = sorted(i for found in index.values() for i in found)
        assert positions == list(range(len(table)))
        assert all(table[i].words[0] == word for word, found in index.items() for i in found)
        assert all(list(found) == sorted(found) for found in index.values())


def _scan_all(component: str, tokens: Any, context: Any) -> list[tuple[int, float, Any]]:
    """``ccrt.match`` as it was: every entry looked at in the lexicon's order."""
    ordered = sorted(tokens, key=lambda t: t.i)
    forms = [ccrt._forms(t) for t in ordered]
    present = set().union(*forms)
    candidates = [
        (e, p)
        for e in ccrt.entries(component)
        if e.words[0] in present and (p := ccrt._find(e.words, forms, ordered)) is not None
    ]
    candidates.sort(key=lambda c: (-len(c[0].words), -c[0].weight))
    used: set[int] = set()
    out = []
    for entry, positions in candidates:
        if used & set(positions):
            continue
        anchor = next((ordered[p] for p in positions if "not" not in forms[p]), ordered[positions[0]])
        found = ccrt._apply(entry, *context(anchor))
        if found is not None:
            used.update(positions)
            out.append((*found, anchor))
    return out


def test_ccrt_match_finds_what_a_scan_of_every_entry_finds() -> None:
    doc = prepare(
        "I wanted her to listen to me and stop criticising me. She ignored me and walked away. "
        "I felt rejected and angry, so I shut my door and did not speak to anyone. "
        "My father never supported me; he didn't reject me either."
    )
    spacy_doc = doc.spacy
    found = 0
    for component in ("w", "ro", "rs"):
        for actor in ("self", "other", None):
            for negated in (False, True):
                context = lambda _token, a=actor, n=negated: (a, n)  # noqa: E731
                for sentence in spacy_doc.sents:
                    tokens = list(sentence)
                    matched = ccrt.match(component, tokens, context)
                    assert matched == _scan_all(component, tokens, context)
                    found += len(matched)
    assert found > 10


def test_live_cues_leave_out_only_cues_that_cannot_fire() -> None:
    doc = prepare(TEXT)
    sentences = [s.text for s in doc.sentences]
    live = live_cues(sentences)
    assert 0 < len(live) < len(CUES)
    assert [c for c in CUES if c in live] == list(live)  # in order
    for text in sentences:
        assert cue_levels(text, live).tolist() == cue_levels(text).tolist()
        fired = [c for c in CUES if c.pattern.search(text.replace("’", "'"))]
        assert all(c in live for c in fired)
    assert live_cues(["hello there"]) != live_cues(["haha lol"])


def test_defense_calls_with_live_cues_are_the_calls_with_every_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = prepare(TEXT)
    analyzer: DefenseAnalyzer = defenses.build_defense_analyzer()
    from reverie.analysis.onnx_encoder import load_encoder

    doc.embeddings = load_encoder().encode([s.text for s in doc.sentences])
    narrowed = analyzer.calls(doc)
    monkeypatch.setattr(defenses, "live_cues", lambda _texts: CUES)
    fresh = prepare(TEXT)
    fresh.embeddings = doc.embeddings
    assert analyzer.calls(fresh) == narrowed
