"""When each sentence is set: childhood, the (adult) past, the present, or an imagined future.

Per sentence, explicit markers decide first ("when I was a kid", "growing up", "years ago", "someday", "what if"),
then the tense of the sentence's main clause (spaCy morphology: a finite past verb, "used to", "will", "going
to"). Past sentences that follow a childhood sentence in the same paragraph stay in childhood. Childhood is its
own label because it is the raw material of the "past" corner of Malan's triangle of persons.

Finding: ``Finding(kind="time", label=<frame>, spans=(sentence span, *evidence spans),
data={"sentence": int, "basis": "marker" | "tense" | "context" | "default"})``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from reverie.analysis.findings import Finding, Span
from reverie.analysis.registry import Analyzer, Declaration, register

if TYPE_CHECKING:
    from reverie.analysis.document import Document, Sentence

VERSION: Final = "1.0.0"
FRAMES: Final = ("past_childhood", "past", "present", "future_imagined")

_AGE_WORDS: Final = (
    r"(?:[1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen)"
)
_YOUNG: Final = r"(?:a )?(?:little )?(?:kid|child|little|small|young|boy|girl|teen|teenager|baby|toddler)"
# Childhood markers that hold whatever the tense ("Growing up, my dad drinks" is still childhood).
_CHILDHOOD_STRONG: Final = re.compile(
    rf"\b(?:when|while|since|before) (?:i|we) (?:was|were) (?:{_YOUNG}s?|{_AGE_WORDS}(?: years old)?)\b"
    rf"|\bas (?:a )?(?:little )?(?:kid|child|teen|teenager|boy|girl|kids|children)\b"
    rf"|\bgrowing up\b|\b(?:my|our|in) childhood\b|\bat (?:the )?age (?:of )?{_AGE_WORDS}\b"
    rf"|\bin (?:kindergarten|nursery school|preschool)\b",
    re.IGNORECASE,
)
# School markers: childhood when the sentence is not in the present ("my son is at school" is not).
_CHILDHOOD_SCHOOL: Final = re.compile(
    r"\b(?:at|in|after|from) (?:the )?(?:primary |elementary |middle |high |secondary |junior |grade )?school\b",
    re.IGNORECASE,
)
_PAST: Final = re.compile(
    r"\b(?:years|months|weeks|days|ages|decades|long) ago\b|\byesterday\b|\bback then\b|\bused to\b"
    r"|\blast (?:night|week|month|year|time|summer|winter|spring|autumn|fall|christmas|weekend|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bin (?:19|20)\d\d\b|\bat (?:university|college|uni)\b"
    r"|\bthat (?:night|day|morning|evening|summer)\b",
    re.IGNORECASE,
)
_FUTURE_STRONG: Final = re.compile(
    r"\bwhat if\b|\bi (?:can |could |sometimes |often |keep )?(?:imagine|picture|fantasi[sz]e|daydream)\b"
    r"|\bif only\b|\bi dream (?:of|about)\b|\bsomeday\b|\bsome day\b|\bi wish i could\b|\bin the future\b",
    re.IGNORECASE,
)
_FUTURE_WEAK: Final = re.compile(
    r"\bone day\b|\btomorrow\b|\bnext (?:week|month|year|time|session|summer|weekend)\b|\bsoon\b"
    r"|\bin (?:a|two|three|few) (?:days|weeks|months|years)\b",
    re.IGNORECASE,
)
_FUTURE_MODALS: Final = frozenset({"will", "'ll", "shall", "wo"})

CONFIDENCE: Final[dict[str, float]] = {"marker": 0.85, "tense": 0.75, "context": 0.6, "default": 0.5}
MODEL_HASH: Final = (
    "rules-"
    + hashlib.sha256(
        "|".join(
            p.pattern for p in (_CHILDHOOD_STRONG, _CHILDHOOD_SCHOOL, _PAST, _FUTURE_STRONG, _FUTURE_WEAK)
        ).encode()
    ).hexdigest()[:12]
)


@dataclass(frozen=True, slots=True)
class Frame:
    """The time frame of one sentence with the evidence that decided it."""

    sentence: int
    label: str
    basis: str
    span: Span
    evidence: tuple[Span, ...] = ()

    def to_finding(self) -> Finding:
        return Finding(
            analyzer="timeframes",
            version=VERSION,
            model_hash=MODEL_HASH,
            kind="time",
            label=self.label,
            confidence=CONFIDENCE[self.basis],
            spans=(self.span, *self.evidence),
            data={"sentence": self.sentence, "basis": self.basis},
        )


def frames_of(doc: Document) -> list[Frame]:
    """One frame per sentence of ``doc``, in order."""
    frames: list[Frame] = []
    for sentence in doc.sentences:
        frame = _frame(doc, sentence)
        previous = frames[-1] if frames and _same_paragraph(doc, frames[-1], frame) else None
        if frame.label == "habitual":
            # "would": habitual past inside a past narrative ("my father would come home…"), else imagined.
            past = previous is not None and previous.label in {"past", "past_childhood"}
            label = previous.label if previous is not None and past else "future_imagined"
            frame = Frame(frame.sentence, label, "context" if past else "tense", frame.span, frame.evidence)
        elif (
            previous is not None
            and previous.label == "past_childhood"
            and (frame.label, frame.basis)
            == (
                "past",
                "tense",
            )
        ):
            frame = Frame(frame.sentence, "past_childhood", "context", frame.span, frame.evidence)
        frames.append(frame)
    return frames


def _same_paragraph(doc: Document, previous: Frame, frame: Frame) -> bool:
    return "\n\n" not in doc.text[previous.span.end : frame.span.start]


def _frame(doc: Document, sentence: Sentence) -> Frame:
    text = sentence.text
    offset = sentence.span.start
    strong = _first(_CHILDHOOD_STRONG, text, offset)
    if strong:
        return Frame(sentence.index, "past_childhood", "marker", sentence.span, strong)
    future = _first(_FUTURE_STRONG, text, offset)
    if future:
        return Frame(sentence.index, "future_imagined", "marker", sentence.span, future)
    tense, verb = _tense(doc, sentence)
    school = _first(_CHILDHOOD_SCHOOL, text, offset)
    if school and tense in {"past", "habitual"}:
        return Frame(sentence.index, "past_childhood", "marker", sentence.span, school)
    past = _first(_PAST, text, offset)
    if past and tense != "future":
        return Frame(sentence.index, "past", "marker", sentence.span, past)
    weak = _first(_FUTURE_WEAK, text, offset)
    if weak and tense != "past":
        return Frame(sentence.index, "future_imagined", "marker", sentence.span, weak)
    evidence = (verb,) if verb else ()
    if tense == "future":
        return Frame(sentence.index, "future_imagined", "tense", sentence.span, evidence)
    if tense in {"past", "habitual"}:
        return Frame(sentence.index, tense, "tense", sentence.span, evidence)
    basis = "tense" if verb else "default"
    return Frame(sentence.index, "present", basis, sentence.span, evidence)


def _first(pattern: re.Pattern[str], text: str, offset: int) -> tuple[Span, ...]:
    match = pattern.search(text)
    return (Span(offset + match.start(), offset + match.end()),) if match else ()


def _tense(doc: Document, sentence: Sentence) -> tuple[str, Span | None]:
    """The tense of the sentence's main clause: past, future, habitual ("would"), or present."""
    span = doc.spacy.char_span(sentence.span.start, sentence.span.end, alignment_mode="expand")
    if span is None:
        return "present", None
    roots = [t for t in span if t.dep_ == "ROOT"] or list(span[:1])
    for root in roots:
        found = _clause_tense(root)
        if found is not None:
            return found
    return "present", None


def _clause_tense(root: Any) -> tuple[str, Span] | None:
    group = sorted([root, *(c for c in root.children if c.dep_ in {"aux", "auxpass"})], key=lambda t: t.i)
    for token in group:
        lower = token.lower_
        if lower in _FUTURE_MODALS or (lower == "going" and _going_to(token)):
            return "future", _span(token)
        if lower == "would":
            return "habitual", _span(token)
        if lower == "used" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            return "past", _span(token)
    for token in group:
        if "Past" in token.morph.get("Tense") and "Fin" in token.morph.get("VerbForm"):
            return "past", _span(token)
        if token.tag_ == "VBD":
            return "past", _span(token)
    if any(t.tag_ in {"VBP", "VBZ", "MD"} for t in group):
        verb = next(t for t in group if t.tag_ in {"VBP", "VBZ", "MD"})
        return "present", _span(verb)
    return None


def _going_to(token: Any) -> bool:
    doc = token.doc
    return bool(token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to" and doc[token.i + 2].tag_ == "VB")


def _span(token: Any) -> Span:
    return Span(token.idx, token.idx + len(token.text))


# The analyzer as the registry knows it without building it (see registry.Declaration).
DECLARED = Declaration(
    version=VERSION,
    model_hash=lambda: MODEL_HASH,
    applies_to=None,
    requires=frozenset({"sentences", "spacy"}),
)


class TimeframesAnalyzer:
    name = "timeframes"
    version = DECLARED.version
    model_hash = MODEL_HASH
    requires = DECLARED.requires
    produces = frozenset({"time"})
    applies_to: frozenset[str] | None = DECLARED.applies_to

    def run(self, doc: Document) -> list[Finding]:
        return [frame.to_finding() for frame in frames_of(doc)]


@register("timeframes", order=20, declared=DECLARED)
def _build() -> Analyzer:
    return TimeframesAnalyzer()
