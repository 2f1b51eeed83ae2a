"""The "dreams" analyzer: a dream report coded in Hall–Van de Castle terms, every code with its evidence.

``code_dream(text)`` works without the pipeline; ``code_dreams(texts)`` codes many reports with one batched
spaCy pass (for benchmarks and imports); the registered analyzer turns a coding into ``dream_code``
findings, and ``coding_from_findings`` turns stored findings back into a ``DreamCoding`` for series
indicators. The rules are Reverie's own (see the rule modules' docstrings and docs/dreams.md).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reverie.analysis.document import Document, load_spacy
from reverie.analysis.dreams.boundary import dream_part
from reverie.analysis.dreams.characters import find_cast
from reverie.analysis.dreams.codes import (
    Character,
    DreamCoding,
    DreamObject,
    Emotion,
    Fortune,
    Interaction,
    Outcome,
    Setting,
    setting_from_code,
)
from reverie.analysis.dreams.emotions import find_emotions
from reverie.analysis.dreams.fortunes import find_fortunes, find_outcomes
from reverie.analysis.dreams.interactions import find_interactions
from reverie.analysis.dreams.settings import find_body_parts, find_settings
from reverie.analysis.findings import Finding, Span
from reverie.analysis.registry import Declaration, register

NAME = "dreams"
VERSION = "1.2.2"  # h193: a role before a lower-case name, "my sister lena"; 1.2.1 h95; 1.2.0 h89
KIND = "dream_code"
RULE_MODULES = (
    "boundary",
    "lexicon",
    "feelings",
    "events",
    "characters",
    "clauses",
    "interactions",
    "emotions",
    "fortunes",
    "settings",
    "coder",
)
CONFIDENCE: Mapping[str, float] = {
    "character": 0.7,
    "interaction": 0.5,
    "emotion": 0.6,
    "fortune": 0.4,
    "outcome": 0.4,
    "setting": 0.6,
    "object": 0.8,
    "coding": 1.0,
}
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself"})
SECOND_PERSON_NOTE = "Read as a second-person report: 'you' is taken to be the dreamer."
NOT_A_DREAM_NOTE = "This text does not read like a dream report (no one experiences anything in it)."
EMPTY_NOTE = "Nothing to code: the text has no words."


def _rules_hash() -> str:
    digest = hashlib.sha256()
    for module in RULE_MODULES:
        digest.update((Path(__file__).parent / f"{module}.py").read_bytes())
    return "rules-" + digest.hexdigest()[:12]


MODEL_HASH = _rules_hash()


def code_dream(text: str) -> DreamCoding:
    """Code one dream report (parsed with the shared spaCy model)."""
    if not any(ch.isalpha() for ch in text):
        return DreamCoding(settings=(Setting("N"),), objects=(), notes=(EMPTY_NOTE,))
    return code_doc(load_spacy()(text))


def code_dreams(texts: Iterable[str], *, batch_size: int = 16) -> Iterator[DreamCoding]:
    """Code many reports with one batched spaCy pass, in order."""
    nlp = load_spacy()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield code_doc(doc)


def code_doc(doc: Any) -> DreamCoding:
    """Code a parsed spaCy ``Doc``: its dream only (1.2.0: what comes after waking is left out first,
    ``boundary.dream_part``, so no sub-coder reads it)."""
    doc = dream_part(doc)
    words = {t.lower_ for t in doc if t.pos_ == "PRON"}
    second_person = not (words & FIRST_PERSON) and bool(words & SECOND_PERSON)
    cast = find_cast(doc, second_person=second_person)
    notes: list[str] = []
    if second_person:
        notes.append(SECOND_PERSON_NOTE)
    characters = cast.characters()
    if not cast.dreamer_tokens and not characters:
        notes.append(NOT_A_DREAM_NOTE)
    emotions = find_emotions(doc, cast)
    return DreamCoding(
        characters=characters,
        interactions=tuple(find_interactions(doc, cast, emotions)),
        emotions=tuple(emotions),
        fortunes=tuple(find_fortunes(doc, cast)),
        outcomes=tuple(find_outcomes(doc, cast)),
        settings=tuple(find_settings(doc)),
        objects=tuple(find_body_parts(doc)),
        notes=tuple(notes),
    )


# The analyzer as the registry knows it without building it (see registry.Declaration).
DECLARED = Declaration(
    version=VERSION,
    model_hash=lambda: MODEL_HASH,
    applies_to=frozenset({"dream"}),
    requires=frozenset({"spacy"}),
)


class DreamCoder:
    """Registered analyzer: codes night-dream entries only. The entry's ``kind`` decides: a daydream or
    fantasy is waking imagery, and the HVdC norms were built from night dreams, so it gets no HVdC coding."""

    name = NAME
    version = DECLARED.version
    model_hash = MODEL_HASH
    requires = DECLARED.requires
    produces = frozenset({KIND})
    applies_to: frozenset[str] | None = DECLARED.applies_to

    def run(self, doc: Document) -> list[Finding]:
        if not doc.sentences:
            return []
        return coding_findings(code_doc(doc.spacy))


@register(NAME, order=60, declared=DECLARED)
def build() -> DreamCoder:
    return DreamCoder()


def coding_findings(coding: DreamCoding) -> list[Finding]:
    """One ``dream_code`` finding per coded element, plus one ``coding`` finding with the notes."""
    out = [
        _finding(
            "coding", "coding", (), {"notes": list(coding.notes), "objects_coded": coding.objects is not None}
        )
    ]
    out += [
        _finding("character", f"character:{c.code}", c.spans, {"code": c.code, "label": c.label})
        for c in coding.characters
    ]
    out += [_interaction_finding(i) for i in coding.interactions]
    out += [
        _finding("emotion", f"emotion:{e.code}", e.spans, {"code": e.code, "characters": list(e.characters)})
        for e in coding.emotions
    ]
    out += [_fortune_finding(f) for f in coding.fortunes]
    out += [
        _finding("outcome", o.kind, o.spans, {"kind": o.kind, "characters": list(o.characters)})
        for o in coding.outcomes
    ]
    out += [_finding("setting", f"setting:{s.code}", s.spans, {"code": s.code}) for s in coding.settings]
    out += [_finding("object", f"object:{o.code}", o.spans, {"code": o.code}) for o in coding.objects or ()]
    return out


def _finding(category: str, label: str, spans: Sequence[Span], data: Mapping[str, Any]) -> Finding:
    return Finding(
        analyzer=NAME,
        version=VERSION,
        model_hash=MODEL_HASH,
        kind=KIND,
        label=label,
        confidence=CONFIDENCE[category],
        spans=tuple(spans),
        data={"category": category, **data},
    )


def _interaction_finding(i: Interaction) -> Finding:
    data = {k: v for k, v in asdict(i).items() if k != "spans"}
    data["initiators"], data["recipients"] = list(i.initiators), list(i.recipients)
    data["dreamer_role"] = i.dreamer_role
    return _finding("interaction", f"{i.kind}:{i.code}", i.spans, data)


def _fortune_finding(f: Fortune) -> Finding:
    label = f"misfortune:{f.level}" if f.kind == "misfortune" else "good_fortune"
    return _finding(
        "fortune", label, f.spans, {"kind": f.kind, "level": f.level, "characters": list(f.characters)}
    )


def coding_from_findings(findings: Iterable[Finding], *, dream_id: str = "") -> DreamCoding:
    """Rebuild a ``DreamCoding`` from stored ``dream_code`` findings (other kinds are ignored)."""
    parts: dict[str, list[Any]] = {k: [] for k in CONFIDENCE}
    notes: list[str] = []
    objects_coded = False
    for f in findings:
        if f.kind != KIND:
            continue
        category = str(f.data.get("category", ""))
        if category == "coding":
            notes, objects_coded = list(f.data.get("notes", [])), bool(f.data.get("objects_coded"))
        elif category in parts:
            parts[category].append(_element(category, f))
    return DreamCoding(
        characters=tuple(parts["character"]),
        interactions=tuple(parts["interaction"]),
        emotions=tuple(parts["emotion"]),
        fortunes=tuple(parts["fortune"]),
        outcomes=tuple(parts["outcome"]),
        settings=tuple(parts["setting"]),
        objects=tuple(parts["object"]) if objects_coded else None,
        notes=tuple(notes),
        dream_id=dream_id,
    )


def _element(category: str, f: Finding) -> Any:
    d, spans = f.data, f.spans
    if category == "character":
        return Character(str(d["code"]), spans, str(d.get("label", "")))
    if category == "interaction":
        return Interaction(
            d["kind"], int(d["level"]), tuple(d["initiators"]), tuple(d["recipients"]), str(d["mode"]), spans
        )
    if category == "emotion":
        return Emotion(str(d["code"]), tuple(d["characters"]), spans)
    if category == "fortune":
        return Fortune(d["kind"], tuple(d["characters"]), d.get("level"), spans)
    if category == "outcome":
        return Outcome(d["kind"], tuple(d["characters"]), spans)
    if category == "setting":
        return Setting(**{**asdict(setting_from_code(str(d["code"]))), "spans": spans})
    return DreamObject(str(d["code"]), spans)
