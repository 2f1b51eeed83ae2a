"""A deterministic synthetic history of items with findings, for benchmarks, tests and the demo.

Five years of journal entries and sessions, with a planted self-defeating pattern: when a partner (and later
the therapist) comes close, rejection is expected and the person withdraws. The pattern weakens over the
course. Parents in childhood show the same wish and expected response (a past-present link), work brings a
milder fear-of-failure pattern, defenses mature slowly, some feelings are unexplained at first and linked
to a person weeks later, and dreams repeat a few coded elements. No text is produced here; see
:func:`synthetic_texts` for short demo texts that the real analyzers can run on.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from reverie.analysis.findings import Finding, Span
from reverie.insights.demo_texts import SyntheticText, synthetic_texts
from reverie.insights.items import Item

__all__ = ["SyntheticText", "synthetic_history", "synthetic_texts"]

START = datetime(2020, 1, 6, 9, 0, tzinfo=UTC)
DAYS = 5 * 365
SENTENCE = 80  # pseudo sentence length for spans: sentence i covers [80 i, 80 i + 79)
ENTRY_KINDS = (
    ("free_association", 30),
    ("reflection", 24),
    ("dream", 15),
    ("daydream", 8),
    ("mindful_choice", 11),
    ("art", 6),
    ("music", 6),
)
ENTRY_OTHERS = (
    ("partner", 32),
    ("mother", 12),
    ("father", 8),
    ("boss", 12),
    ("friend", 15),
    ("colleague", 7),
    ("sibling", 5),
    ("therapist", 3),
    ("ex", 3),
    ("other", 3),
)
SESSION_OTHERS = (("therapist", 60), ("partner", 20), ("mother", 10), ("boss", 10))
GROUP = {
    "partner": "partners",
    "ex": "partners",
    "mother": "family",
    "father": "family",
    "sibling": "family",
    "boss": "authority",
    "friend": "friends",
    "colleague": "authority",
    "other": "others",
    "therapist": "therapist",
}
EVERYDAY = (
    "joy",
    "sadness",
    "annoyance",
    "love",
    "gratitude",
    "curiosity",
    "relief",
    "disappointment",
    "optimism",
    "confusion",
    "anger",
    "caring",
    "amusement",
    "pride",
    "remorse",
    "admiration",
    "embarrassment",
    "excitement",
    "grief",
    "surprise",
    "approval",
    "disapproval",
    "desire",
    "realization",
    "disgust",
)
DREAM_CODES: tuple[tuple[str, dict[str, Any]], ...] = (
    ("setting", {"type": "indoor", "familiar": True}),
    ("character", {"code": "1FKA"}),
    ("character", {"code": "1MKA"}),
    ("aggression", {"type": "verbal"}),
    ("friendliness", {"type": "helping"}),
    ("emotion", {"code": "AP"}),
    ("misfortune", {"type": "lost"}),
)


def synthetic_history(
    seed: int = 7, n_entries: int = 1800, n_sessions: int = 200, *, planted: bool = True
) -> list[Item]:
    """Items in time order: entries, sessions, and a process note after every tenth session."""
    rng = random.Random(seed)
    moments = [("entry", START + timedelta(minutes=rng.randrange(DAYS * 24 * 60))) for _ in range(n_entries)]
    step = DAYS * 24 * 60 // max(n_sessions, 1)
    moments += [("session", START + timedelta(minutes=i * step + 9 * 60)) for i in range(n_sessions)]
    moments.sort(key=lambda m: m[1])
    maker = _Maker(rng, planted)
    items = [maker.item(source, when) for source, when in moments]
    notes = [maker.process_note(item) for item in items if item.source == "session"][::10]
    return sorted(items + notes, key=lambda i: i.sort_key())


class _Maker:
    def __init__(self, rng: random.Random, planted: bool) -> None:
        self.rng = rng
        self.planted = planted
        self.counts = {"entry": 0, "session": 0, "note": 0}
        self.pending: list[tuple[datetime, str]] = []  # unexplained feelings waiting to be linked

    def item(self, source: str, when: datetime) -> Item:
        self.counts[source] += 1
        progress = (when - START) / timedelta(days=DAYS)
        if source == "session":
            kind, shared = "session", True
            item_id = f"s{self.counts['session']:04d}"
        else:
            kind, shared = _pick(self.rng, ENTRY_KINDS), self.rng.random() < 0.6
            item_id = f"e{self.counts['entry']:05d}"
        findings = self._findings(source, kind, when, progress)
        return Item(item_id, source, kind, when, shared, False, tuple(findings))

    def process_note(self, session: Item) -> Item:
        self.counts["note"] += 1
        progress = (session.happened_at - START) / timedelta(days=DAYS)
        sentences = _Sentences()
        findings = self._episode(sentences, "therapist", progress)
        findings += self._defenses(sentences, progress)
        when = session.happened_at + timedelta(hours=2)
        return Item(f"p{self.counts['note']:04d}", "session", "session", when, False, True, tuple(findings))

    def _findings(self, source: str, kind: str, when: datetime, progress: float) -> list[Finding]:
        rng, sentences = self.rng, _Sentences()
        findings: list[Finding] = []
        others = SESSION_OTHERS if source == "session" else ENTRY_OTHERS
        n_episodes = rng.choice((1, 1, 2)) if source == "session" else rng.choice((0, 1, 1, 1, 2))
        for _ in range(n_episodes):
            findings += self._episode(sentences, _pick(rng, others), progress)
        findings += self._everyday(sentences)
        findings += self._defenses(sentences, progress)
        findings += self._unexplained(sentences, when, findings)
        if kind == "dream":
            findings += self._dream(sentences)
        findings.append(_f("risk", "none", sentences.whole(), {}))
        return findings

    def _episode(self, sentences: _Sentences, other: str, progress: float) -> list[Finding]:
        rng = self.rng
        w, ro, rs, tense, fear = _ccrt(rng, other, progress, self.planted)
        span = sentences.next()
        found = [
            _f(
                "person", other, (Span(span.start + 3, span.start + 12),), {"group": GROUP[other], "name": ""}
            ),
            _f("time", tense, (span,), {}),
        ]
        data: dict[str, Any] = {"other": other, "group": GROUP[other], "tense": tense}
        for key, cluster, valence in (("w", w, None), ("ro", ro[0], ro[1]), ("rs", rs[0], rs[1])):
            part: dict[str, Any] = {
                "cluster": cluster,
                "label": "",
                "span": [span.start, span.end],
                "confidence": 0.8,
            }
            if valence:
                part["valence"] = valence
            data[key] = part
        found.append(_f("episode", other, (span,), data))
        if fear:
            found.append(_f("emotion", fear, (span,), {"scope": "sentence", "intensity": rng.randint(2, 5)}))
        if other in ("mother", "partner") and rng.random() < 0.08:
            amb = {"target": other, "positive": ["love"], "negative": ["anger"]}
            found.append(_f("ambivalence", other, (span,), amb))
        return found

    def _everyday(self, sentences: _Sentences) -> list[Finding]:
        found = []
        for _ in range(self.rng.choice((0, 1, 1, 2, 3))):
            label = self.rng.choice(EVERYDAY)
            found.append(_f("emotion", label, (sentences.next(),), {"scope": "sentence", "intensity": 2}))
        return found

    def _defenses(self, sentences: _Sentences, progress: float) -> list[Finding]:
        rng, found = self.rng, []
        counts: dict[str, int] = {}
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            level = max(1, min(7, round(rng.gauss(3.6 + 1.6 * progress, 1.3))))
            counts[str(level)] = counts.get(str(level), 0) + 1
            found.append(_f("defense", str(level), (sentences.next(),), {"level": level, "defense": None}))
        if counts:
            score = sum(int(k) * n for k, n in counts.items()) / sum(counts.values())
            found.append(_f("odf", f"{score:.2f}", sentences.whole(), {"odf": score, "counts": counts}))
        return found

    def _unexplained(self, sentences: _Sentences, when: datetime, so_far: list[Finding]) -> list[Finding]:
        rng, found = self.rng, []
        due = [p for p in self.pending if p[0] <= when]
        self.pending = [p for p in self.pending if p[0] > when]
        persons = [f for f in so_far if f.kind == "person"]
        for _, emotion in due[:1]:
            if persons:
                found.append(_f("emotion", emotion, persons[0].spans, {"scope": "sentence", "intensity": 3}))
        if rng.random() < 0.05:
            emotion = rng.choice(("sadness", "anger", "fear", "grief"))
            span = sentences.next()
            found.append(_f("emotion", emotion, (span,), {"scope": "sentence", "intensity": 3}))
            found.append(_f("unexplained_feeling", emotion, (span,), {}))
            if rng.random() < 0.6:
                self.pending.append((when + timedelta(days=rng.randint(7, 35)), emotion))
        return found

    def _dream(self, sentences: _Sentences) -> list[Finding]:
        rng = self.rng
        chosen = rng.sample(DREAM_CODES, rng.randint(1, 3))
        found = [_f("dream_code", label, (sentences.next(),), dict(data)) for label, data in chosen]
        if rng.random() < 0.5:
            role = rng.choice(("partner", "mother", "mother", "boss"))
            span = sentences.next()
            found.append(_f("person", role, (Span(span.start, span.start + 9),), {"group": GROUP[role]}))
        return found


def _ccrt(
    rng: random.Random, other: str, progress: float, planted: bool
) -> tuple[int, tuple[int, str], tuple[int, str], str, str | None]:
    """(W, (RO, valence), (RS, valence), tense, fear emotion or None) for one episode."""
    group = GROUP[other]
    close = group in ("partners", "therapist")
    strength = (0.8 - 0.45 * progress) if close else 0.5
    if group == "family" and other != "sibling":
        tense = "past_childhood" if rng.random() < 0.7 else "present"
        w = 6 if rng.random() < 0.6 else rng.randint(1, 8)
    elif close:
        tense, w = "present", (rng.choice((5, 6)) if rng.random() < 0.65 else rng.randint(1, 8))
    elif group == "authority":
        tense, w = "present", (8 if rng.random() < 0.5 else rng.randint(1, 8))
    else:
        tense, w = "present", rng.randint(1, 8)
    if planted and w in (5, 6) and (close or group == "family") and rng.random() < strength:
        fear = rng.choice(("fear", "nervousness")) if close else None
        return w, (5, "negative"), (2, "negative"), tense, fear
    if w == 8 and group == "authority" and rng.random() < 0.35:
        return w, (4, "negative"), (rng.choice((6, 7)), "negative"), tense, "nervousness"
    return w, (rng.choice((6, 7, 8)), "positive"), (rng.choice((1, 3, 5)), "positive"), tense, None


class _Sentences:
    """Hands out pseudo sentence spans so findings in one item sit in distinct, ordered sentences."""

    def __init__(self) -> None:
        self.used = 0

    def next(self) -> Span:
        span = Span(self.used * SENTENCE, self.used * SENTENCE + SENTENCE - 1)
        self.used += 1
        return span

    def whole(self) -> tuple[Span, ...]:
        return (Span(0, max(self.used, 1) * SENTENCE),)


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _f(kind: str, label: str, spans: tuple[Span, ...], data: dict[str, Any]) -> Finding:
    return Finding("synthetic", "1", "synthetic", kind, label, 0.8, spans, data)
