"""Ambivalence and feelings that make no sense yet.

``ambivalence``: in one entry, emotions of opposite valence toward the same person (positive and negative in the
GoEmotions sentiment grouping), read from the ``emotion`` findings (per sentence) and the ``person`` findings
of the people analyzer. A sentence is about a person when it mentions them, or when it only carries on such a
sentence ("… criticised my job again | and I was so angry I hung up"); later sentences are not attributed, as a
feeling after a told episode may be about something else.
A sentence that names two or more people and holds both valences is left out: which feeling goes to whom is
not known.

``unexplained_feeling``: markers such as "I don't know why I feel…", "for some reason I'm…", "it makes no
sense but…", with the span from the marker to the end of its sentence. "It makes no sense" judges whatever "it"
stands for, a claim or a thought as often as a feeling ("He keeps saying the contract is fine. That doesn't make
sense."): since 1.1.0 it marks an unexplained feeling only when a feeling is named next to it (a feel-verb or a
feeling word in its sentence, the one before, or the one after when the marker ends its sentence; or a feeling the
emotions analyzer found the writer states there), or when its subject is the feeling ("my feelings make no sense").
Since 1.2.0 (h115, review r99) the other markers need a feeling too: "I don't know why the bus was late", "no idea
why I'm writing this", "for some reason I took the long way home" are about a thing or an act. A marker counts when
a feeling or a state word ("low", "tired", "restless", "cried", "snapping") is in its sentence or in the sentence its
span runs on to, or in the sentence before when the marker ends its sentence ("I cried all morning. I don't know
why."), or when the emotions analyzer found a feeling the writer states in its sentence.
Since 1.2.1 (h121, review r102) the sentence before counts too when what follows the marker points back to it ("I've
been so anxious all week. I don't know why, nothing has changed.", "… I don't know why it's hitting me now", "… why
I'm like this"), and a bodily sign the emotions analyzer reads as a feeling ("My heart was racing all night. I don't
know why.": its finding's ``sign``) counts as a feeling named, for every marker.
Since 1.2.2 (h125, review r108) "it", "this" or "that" after the marker points back only when what it does is about
the writer's state: a verb of affecting or feeling ("… why it's hitting me now", "… why it gets to me", "… why it
feels like this", "… why it's so hard") or of only happening ("… why it happened"); "I was happy at the party. I don't
know why it rained all day." and "I was anxious. I don't know why it took so long." are about an event.
Since 1.3.0 (h130, issue 13) "idk why", "idek why", "dunno why" and "dont know why" are the ``dont_know_why`` marker, and
"no idea why but …", "no clue why, …" the ``not_sure_why`` one ("idk why but i feel so flat today"); they need a
feeling as the others do: "idk why the bus was late" and "idk why I even bother with him" (exasperation, read as "I
don't know why I even bother" is) mark nothing.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reverie.analysis.findings import Finding, Span
from reverie.analysis.registry import Declaration, register

if TYPE_CHECKING:
    from reverie.analysis.document import Document, Sentence

VERSION = "1.3.0"  # h130: "idk why", "dunno why", "no idea why but" mark an unexplained feeling as "I don't know why" does

# GoEmotions sentiment grouping (google-research/goemotions, data/sentiment_dict.json, Apache-2.0).
SENTIMENT: dict[str, frozenset[str]] = {
    "positive": frozenset(
        [
            "amusement",
            "excitement",
            "joy",
            "love",
            "desire",
            "optimism",
            "caring",
            "pride",
            "admiration",
            "gratitude",
            "relief",
            "approval",
        ]
    ),
    "negative": frozenset(
        [
            "fear",
            "nervousness",
            "remorse",
            "embarrassment",
            "disappointment",
            "sadness",
            "grief",
            "disgust",
            "anger",
            "annoyance",
            "disapproval",
        ]
    ),
    "ambiguous": frozenset(["realization", "surprise", "curiosity", "confusion"]),
}

_CONTRAST = re.compile(
    r"(?:,\s*|\s+)(?:but|yet|although|though|even though|however|and yet|while|whereas)\b", re.I
)
_CONTINUATION = re.compile(r"(?:[a-z]|(?i:and|but|so|then|yet|because)\b)")
_FEEL = r"(?:feel|felt|feeling|am|'m|was|get|got|have been|'ve been|keep)"
UNEXPLAINED_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "dont_know_why",
        # 1.3.0 (h130): its short forms as one marker ("idk why but i feel so flat", "dunno why, I'm so low")
        re.compile(
            r"\b(?:I\s+(?:don'?t|do not|didn'?t|did not)\s+(?:really\s+)?know|(?:i\s+)?dont\s+know|idk|idek|dunno)"
            r"\s+why\b",
            re.I,
        ),
    ),
    # 1.3.0 (h130): "no idea why but …", "no clue why, …": the reason left out before the feeling
    (
        "not_sure_why",
        re.compile(r"\b(?:not sure|no idea|no clue)\s+why(?:\s+(?:I|I'm)\b|\s*,|\s+but\b)", re.I),
    ),
    ("cant_explain", re.compile(r"\bI\s+(?:can'?t|cannot|couldn'?t)\s+(?:explain|say|tell)\s+why\b", re.I)),
    (
        "for_some_reason",
        re.compile(rf"\bfor some (?:reason|weird reason|strange reason),?\s+I\s*{_FEEL}?", re.I),
    ),
    (
        "makes_no_sense",
        re.compile(
            r"\b(?:it|this|that|(?:my|these|this|the)\s+(?:feelings?|emotions?|mood|reactions?))\s+"
            r"(?:makes? no|doesn'?t make any|doesn'?t make|don'?t make any|don'?t make)\s+sense\b",
            re.I,
        ),
    ),
    ("no_reason", re.compile(r"\bfor no (?:apparent |real |particular |good )?reason\b", re.I)),
    ("out_of_nowhere", re.compile(r"\b(?:out of nowhere|out of the blue),?\s+I\b", re.I)),
    ("cant_place", re.compile(r"\bcan'?t put my finger on\b", re.I)),
)
# 1.1.0: what "it makes no sense" needs beside it to be about a feeling (the module doc)
_FEELING_SUBJECT = re.compile(r"^(?:my|these|this|the)\s+(?:feelings?|emotions?|mood|reactions?)\b", re.I)
_FEELING_NAMED = re.compile(
    r"\b(?:feel|feels|felt|feeling|feelings|emotional|miss|missed|missing|love|loved|hate|hated|cry|cried|crying|"
    r"tears|sad|sadness|angry|anger|mad|furious|upset|hurt|scared|afraid|fear|anxious|nervous|worried|guilty|"
    r"guilt|ashamed|jealous|lonely|happy|glad|relieved|grateful|proud|grief|heartbroken|numb|empty|calm)\b",
    re.I,
)
NEEDS_A_FEELING = frozenset({"makes_no_sense"})
# 1.2.0: a state of the writer's beside "I don't know why …" ("so low", "tired", "restless", "snapping at everyone")
_STATE_NAMED = re.compile(
    r"\b(?:low|heavy|tense|tired|exhausted|drained|restless|irritable|irritated|annoyed|frustrated|"
    r"cranky|grumpy|moody|snappy|snapp(?:ed|ing)|teary|tearful|weepy|sob(?:bed|bing)?|shaky|shaking|panick(?:y|ed)|"
    r"panic|depressed|miserable|unhappy|stressed|overwhelmed|uneasy|unsettled|on edge|wound up|wired|jumpy|"
    r"lonely|gloomy|fed up|bored|wistful|homesick|cries|uptight|agitated|scared|terrified|"
    r"frightened|panicky|excited|elated|giddy|euphoric|angry|joyful|cheerful|hopeful|hopeless|"
    r"worthless|ashamed|embarrassed|jealous|envious|resentful|bitter|confused|hollow|dread|dreading|"
    r"mood|moods|emotions?)\b",
    re.I,
)
# 1.2.1 (r102): what follows "I don't know why" points back to the sentence before: a break ("I don't know why, nothing
# has changed."), a pronoun for what was told ("… why it's hitting me now", "… why it happened", "… why this keeps
# happening"), or the writer as that ("… why I'm like this", "… why I feel this way"); not a new thing ("… why the
# bus was late") nor an act ("… why I took the long way home")
# 1.2.2 (h125, review r108): the pronoun stands for the feeling only when what it does is about the writer's state: a
# verb of affecting or feeling ("it's hitting me", "it gets to me", "this bothers me", "it comes over me", "it weighs on
# me", "it feels like this", "it's so hard") or one that only says it occurs ("it happened", "this keeps happening"),
# not to something else ("… it happens to the car") nor a hard task ("… it was hard to find parking");
# "… why it rained all day", "… why it took so long", "… why that man kept staring", "… why this bus is late" are about
# an event or a thing
_PRONOUN_STATE = (
    r"(?:it|this|that)(?:'s|\s+is|\s+was|\s+has\s+been|\s+had\s+been|\s+keeps|\s+kept|\s+still|\s+always"
    r"|\s+(?:does|did)|\s+(?:would|will|should|can|could|has|had|have))?\s+(?:\w+ly\s+)?"
    r"(?:(?:hit|hits|hitting|get|gets|getting|got|gotten|bother|bothers|bothering|bothered|upset|upsets|upsetting"
    r"|affect|affects|affecting|affected|hurt|hurts|hurting|get to|gets to|getting to|got to|weigh|weighs|weighing"
    r"|weighed|eat|eats|eating|ate|haunt|haunts|haunting|haunted|overwhelm|overwhelms|overwhelming|overwhelmed"
    r"|scare|scares|scaring|scared|frighten|frightens|frightened|sadden|saddens|saddened|stress|stresses|stressed)"
    r"\s+(?:me|on me|at me|to me|away at me)\b"
    r"|(?:come|comes|coming|came)\s+(?:over|on|back to)\s+me\b"
    r"|(?:feel|feels|feeling|felt)\s+(?:like\s+(?:this|that)|this\s+way|that\s+way|so)\b"
    r"|(?:(?:so|this|that|really|that\s+much|this\s+much)\s+(?:hard|heavy|bad|painful|strong|intense)|hard|painful)"
    r"\b(?!\s+to\b)"
    r"|(?:hurts|hurt|hurting)\b"
    r"|(?:happen|happens|happened|happening|keeps\s+happening|kept\s+happening|comes\s+back|came\s+back)\b"
    r"(?!\s+to\s+(?!me\b)))"
)
_REFERS_BACK = re.compile(
    r"^\s*(?:[,;:\u2014\u2013-]|" + _PRONOUN_STATE + r"|(?:i|i'm|i am|i get|i got|i feel|i felt|i've been|"
    r"i have been|i keep|i was)\s+(?:\w+\s+){0,2}?(?:like (?:this|that)|this way|that way|so)\b)",
    re.I,
)
MODEL_HASH = (
    "rules-"
    + hashlib.sha256(
        repr(sorted((k, sorted(v)) for k, v in SENTIMENT.items())).encode()
        + "".join(p.pattern for _, p in UNEXPLAINED_MARKERS).encode()
        + _CONTRAST.pattern.encode()
        + _CONTINUATION.pattern.encode()
        + _FEELING_NAMED.pattern.encode()
        + _FEELING_SUBJECT.pattern.encode()
        + _STATE_NAMED.pattern.encode()
        + _REFERS_BACK.pattern.encode()
    ).hexdigest()[:12]
)


def valence(label: str) -> str | None:
    """``positive``, ``negative`` or ``None`` (ambiguous or neutral) for a GoEmotions label."""
    for name in ("positive", "negative"):
        if label in SENTIMENT[name]:
            return name
    return None


@dataclass(slots=True)
class _Target:
    """What one entry says about one person: the sentences about them and the emotions in those sentences."""

    key: str
    role: str
    group: str
    name: str | None
    sentences: set[int] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class _Felt:
    label: str
    valence: str
    confidence: float
    sentence: int


# The analyzer as the registry knows it without building it (see registry.Declaration).
DECLARED = Declaration(
    version=VERSION,
    model_hash=lambda: MODEL_HASH,
    applies_to=None,
    requires=frozenset({"sentences", "findings"}),
)


class AmbivalenceAnalyzer:
    name = "ambivalence"
    version = DECLARED.version
    model_hash = MODEL_HASH
    requires = DECLARED.requires
    produces = frozenset({"ambivalence", "unexplained_feeling"})
    applies_to: frozenset[str] | None = DECLARED.applies_to

    def run(self, doc: Document) -> list[Finding]:
        return self._ambivalence(doc) + self._unexplained(doc)

    # --- ambivalence ------------------------------------------------------------------------------------

    def _ambivalence(self, doc: Document) -> list[Finding]:
        felt = _felt_by_sentence(doc.findings)
        targets = _targets(doc)
        crowded = _crowded_sentences(targets.values())
        out = []
        for target in targets.values():
            feelings = [
                f
                for i in sorted(target.sentences)
                for f in felt.get(i, [])
                if not _mixed_in(i, crowded, felt)
            ]
            finding = self._finding(doc, target, feelings)
            if finding is not None:
                out.append(finding)
        return out

    def _finding(self, doc: Document, target: _Target, feelings: list[_Felt]) -> Finding | None:
        positive = [f for f in feelings if f.valence == "positive"]
        negative = [f for f in feelings if f.valence == "negative"]
        if not positive or not negative:
            return None
        best_pos = max(positive, key=lambda f: f.confidence)
        best_neg = max(negative, key=lambda f: f.confidence)
        spans = _evidence_spans(doc.sentences[best_pos.sentence], doc.sentences[best_neg.sentence])
        data: dict[str, Any] = {
            "target": target.key,
            "target_type": "person",
            "role": target.role,
            "group": target.group,
            "name": target.name,
            "positive": sorted({f.label for f in positive}),
            "negative": sorted({f.label for f in negative}),
            "same_sentence": best_pos.sentence == best_neg.sentence,
        }
        confidence = min(best_pos.confidence, best_neg.confidence)
        return Finding(
            self.name, self.version, self.model_hash, "ambivalence", target.key, confidence, spans, data
        )

    # --- unexplained feelings -----------------------------------------------------------------------------

    def _unexplained(self, doc: Document) -> list[Finding]:
        out = []
        emotions = _felt_by_sentence(doc.findings, keep_ambiguous=True)
        for sentence in doc.sentences:
            for marker, pattern in UNEXPLAINED_MARKERS:
                match = pattern.search(sentence.text)
                if match is None:
                    continue
                end = _marker_end(doc, sentence, match.end())
                if marker in NEEDS_A_FEELING and not _feeling_beside(doc, sentence, match, end):
                    continue
                if marker not in NEEDS_A_FEELING and not _state_beside(doc, sentence, match, end):
                    continue
                span = Span(sentence.span.start + match.start(), end)
                labels = sorted({f.label for f in emotions.get(sentence.index, [])})
                data = {"marker": marker, "sentence": sentence.index, "emotions": labels}
                out.append(
                    Finding(
                        self.name,
                        self.version,
                        self.model_hash,
                        "unexplained_feeling",
                        marker,
                        0.9,
                        (span,),
                        data,
                    )
                )
                break
        return out


def _feeling_beside(doc: Document, sentence: Sentence, match: re.Match[str], end: int) -> bool:
    """1.1.0: "it makes no sense" is about a feeling: its subject is one, or one is named in its sentence, the
    sentence before, or the one its span runs on to; or the emotions analyzer found one the writer states there."""
    if _FEELING_SUBJECT.match(match.group(0)):
        return True
    near = [i for i in (sentence.index - 1, sentence.index) if i >= 0]
    near += [s.index for s in doc.sentences[sentence.index + 1 :] if s.span.start < end]
    if any(_FEELING_NAMED.search(doc.sentences[i].text) for i in near):
        return True
    return _stated_in(doc, near)


def _stated_in(doc: Document, near: list[int]) -> bool:
    """The emotions analyzer found a feeling the writer states, or reads from a bodily sign the writer names ("my
    chest gets tight", "my heart was racing": its ``sign``, since 1.2.1), in one of the sentences ``near``."""
    stated = {
        int(f.data["sentence"])
        for f in doc.findings
        if f.kind == "emotion"
        and f.data.get("scope") == "sentence"
        and (f.data.get("stated") or f.data.get("sign"))
        and f.label != "neutral"
        and "sentence" in f.data
    }
    return bool(stated & set(near))


def _state_beside(doc: Document, sentence: Sentence, match: re.Match[str], end: int) -> bool:
    """1.2.0: "I don't know why …", "for some reason …" are about a feeling: a feeling or a state is named in the
    marker's sentence or the one its span runs on to, or in the sentence before when the marker ends its sentence
    ("I cried all morning. I don't know why.") or, since 1.2.1, when what follows it points back to that sentence
    (:data:`_REFERS_BACK`: "I don't know why, nothing has changed.", "… why it's hitting me now"); or the emotions
    analyzer found one the writer states, or a bodily sign of one ("My heart was racing all night."), there."""
    near = [sentence.index] + [s.index for s in doc.sentences[sentence.index + 1 :] if s.span.start < end]
    rest = sentence.text[match.end() :]
    if sentence.index > 0 and (rest.strip(" .,;:!?-") == "" or _REFERS_BACK.match(rest)):
        near.append(sentence.index - 1)
    if any(
        _FEELING_NAMED.search(doc.sentences[i].text) or _STATE_NAMED.search(doc.sentences[i].text)
        for i in near
    ):
        return True
    return _stated_in(doc, near)


def _marker_end(doc: Document, sentence: Sentence, match_end: int) -> int:
    """End of the marker's sentence, or of the next one when the marker ends its sentence ("…no sense | but…")."""
    rest = sentence.text[match_end:]
    following = sentence.index + 1
    if rest.strip(" .,;:-") == "" and following < len(doc.sentences):
        return doc.sentences[following].span.end
    return sentence.span.end


def _felt_by_sentence(findings: Iterable[Finding], *, keep_ambiguous: bool = False) -> dict[int, list[_Felt]]:
    out: dict[int, list[_Felt]] = {}
    for finding in findings:
        if (
            finding.kind != "emotion"
            or finding.data.get("scope") != "sentence"
            or "sentence" not in finding.data
        ):
            continue
        side = valence(finding.label)
        if side is None and not (keep_ambiguous and finding.label != "neutral"):
            continue
        index = int(finding.data["sentence"])
        out.setdefault(index, []).append(_Felt(finding.label, side or "ambiguous", finding.confidence, index))
    return out


def _targets(doc: Document) -> dict[str, _Target]:
    """Every person other than the writer, keyed by role (or by name for "other"), with their sentences."""
    targets: dict[str, _Target] = {}
    for finding in doc.findings:
        if finding.kind != "person" or finding.label == "self" or not finding.spans:
            continue
        name = finding.data.get("name")
        key = finding.label if finding.label != "other" else str(name or "other").lower()
        target = targets.setdefault(
            key, _Target(key, finding.label, str(finding.data.get("group", "others")), name if name else None)
        )
        target.sentences.update(_sentences_of(doc, finding.spans[0], finding.data.get("sentence")))
    mentioned = {i for t in targets.values() for i in t.sentences}
    for target in targets.values():
        target.sentences |= {i + 1 for i in target.sentences if _continues(doc, i + 1, mentioned)}
    return targets


def _continues(doc: Document, index: int, mentioned: set[int]) -> bool:
    """A piece that carries on the sentence before it ("…again | and I was so angry") and names nobody."""
    if index >= len(doc.sentences) or index in mentioned:
        return False
    return bool(_CONTINUATION.match(doc.sentences[index].text))


def _sentences_of(doc: Document, span: Span, index: object) -> set[int]:
    if isinstance(index, int) and 0 <= index < len(doc.sentences):
        return {index}
    sentence = doc.sentence_at(span.start)
    return {sentence.index} if sentence is not None else set()


def _crowded_sentences(targets: Iterable[_Target]) -> set[int]:
    """Sentences that are about two or more people."""
    seen: dict[int, int] = {}
    for target in targets:
        for index in target.sentences:
            seen[index] = seen.get(index, 0) + 1
    return {index for index, count in seen.items() if count > 1}


def _mixed_in(index: int, crowded: set[int], felt: dict[int, list[_Felt]]) -> bool:
    """True when a crowded sentence holds both valences (feelings cannot be given to one person)."""
    return index in crowded and len({f.valence for f in felt.get(index, [])}) > 1


def _evidence_spans(positive: Sentence, negative: Sentence) -> tuple[Span, ...]:
    """Two spans, one per side; one sentence with both sides is cut at its contrast word when it has one."""
    if positive.index != negative.index:
        return tuple(sorted((positive.span, negative.span), key=lambda s: s.start))
    match = _CONTRAST.search(positive.text)
    if match is None or match.start() == 0:
        return (positive.span,)
    cut = positive.span.start + match.start()
    tail = positive.span.start + match.start() + len(match.group(0)) - len(match.group(0).lstrip(", \t\n"))
    return (Span(positive.span.start, cut), Span(tail, positive.span.end))


@register("ambivalence", order=80, declared=DECLARED)
def build() -> AmbivalenceAnalyzer:
    return AmbivalenceAnalyzer()
