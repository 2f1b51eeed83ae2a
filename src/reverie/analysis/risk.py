"""Risk language: screen a text for suicide and self-harm risk in C-SSRS-aligned levels.

Levels, lowest to highest: ``none`` < ``indicator`` (distress, hopelessness, talk of suicide that is not the
writer's own wish) < ``ideation`` (passive wish, active ideation, method) < ``behavior`` (self-harm, preparation,
a plan, aborted or interrupted acts) < ``attempt`` (since 2.14.0 also a hanging interrupted or aborted with its means
already round the neck, ``attempt_interrupted``).

Three parts decide. The lexicon (:mod:`reverie.analysis.risk_lexicon`) finds phrases on word tokens and sets aside,
with a recorded reason, negations, hypotheticals, quotations, other people's words, fiction, dreams, figures of
speech and injuries; an explicit first-person phrase is a *floor* for the level. A learned **sentence model**
(a logistic regression over the shared MiniLM encoder's sentence embedding plus the sentence's lexicon features,
trained by ``scripts/train_risk.py`` on the C-SSRS posts and a written paraphrase bank; numpy at run time) scores
every sentence; the entry's model score is the highest sentence score, and a sentence at or over the threshold
raises the entry to ``ideation`` unless the lexicon or the sentence's own words show it is about someone else, a
story, a dream, or set aside. A second small **level model** on the same inputs (fourteenth round), where one is
installed (none ships: docs/risk.md), raises an entry at ``ideation`` to ``behavior`` where a sentence the screen
flags reads, with confidence, as a preparation, a self-harm act or an aborted act; it never flags, never reaches
``attempt``. For a person's texts together (``screen_person``) a person-level model (hashed word n-grams, the
lexicon's counts and the sentence scores) gives the score. See ``docs/risk.md``.

Reverie is not a crisis service: a flag starts the safety-plan flow, it does not replace a person.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import zlib
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from reverie.analysis import lazy_re as re  # re's API, patterns compiled on first use (regex_gate)
from reverie.analysis import risk_lexicon as lex
from reverie.analysis.document import looks_english
from reverie.analysis.encoder import BASE_OUTPUT, encode_output
from reverie.analysis.findings import Finding, Span
from reverie.analysis.registry import Declaration, file_sha256, register
from reverie.errors import AnalysisUnavailable

if TYPE_CHECKING:
    import numpy.typing as npt

    from reverie.analysis.document import Document

LEVELS = ("none", "indicator", "ideation", "behavior", "attempt")
IDEATION = LEVELS.index("ideation")
BEHAVIOR = LEVELS.index("behavior")
INDICATOR = LEVELS.index("indicator")
# 2.1.0: invisible characters read as absent; a level model, where one is installed (none ships)
# 2.2.0: the lexicon's readings since (sixteenth to nineteenth rounds: acts and preparations by composition, attribution,
# a first-person act inside a played or performed work set aside): stored screens are redone
# 2.3.0: twentieth round: a plain denial ("I will never take my own life", "not depressed or suicidal") read as one;
# a negated ability to act and a denial once believed, then turned, are not denials
# 2.4.0: twenty-first round: everyday false alarms and short oblique misses by mechanism (a question answered no, a
# goodbye received, another's overdose, worn-out body parts and ended spans of time; hurts told by habit, a gun to
# the chin, a death that befalls the writer welcomed, an urge to heat)
# 2.4.1: twenty-seventh round: an errand told with the particle first ("Taking out the trash.") is an everyday
# construction for a model-alone alarm; no seen challenge or bank line and no C-SSRS user changes
# 2.4.2: twenty-ninth round: a jump off a bridge or a cliff told as a sport (a bungee, a rope swing, "for a laugh") set
# aside, and an act in a relative clause on a noun for a person ("a lady … who'd swallowed …") that person's
# 2.5.0: h3, after review r17: a passive wish to be dead told as sleep not come back from or as the world's or one's
# people's gain from one's absence (ideation), and the writer's intent to kill themselves with a time set or the means
# at hand (behavior: a plan); stored screens are redone
# 2.5.1: review r21: "not wanting to …" read as "I don't want to …" (dont_want_to_live; 3 of 11,488 bank, paraphrase
# and challenge texts change, all genuine); a label the lexicon reads at indicator is read alone by the sentence
# model, a label written as sentences as prose; at save the model reads at most SAVE_SENTENCES of a text
# 2.5.2: review r27: "day dream" / "day-dream" (any case) is a daydream, no night-dream mention (mentions_dream), so
# a waking fantasy spelled apart is no longer set aside as dream content; no bank, paraphrase or challenge text changes
# 2.6.0: h38: a sentence the sentence model raises by itself (no lexicon phrase at ideation or above) must have a
# cosine of at least 0.35 to a written genuine crisis line (the support artefact, loaded by default): "Only a title"
# and other content-free lines are no longer flagged; frozen24, measured once: genuine 58 → 58, false alarms 23 → 22
# 2.6.1: h44, after review r43: the floor sets aside English sentences only (the support is English: "je veux plus
# être là" keeps its flag), and a support that is not whole (empty, zero, wrong width, bad hash or file) is no floor,
# never an error; the declared hash names the vectors file's own sha256; seen batches: 1,786 and 392, unchanged
# 2.6.3: h91: the screen reads the whole text past MAX_ANALYSED_CHARS (h80, review r71, shipped under 2.6.1): an
# analysis stored before, of a longer text, is redone (its risk read the first part only); shorter texts read the
# same. 2.6.2 was k29's withdrawn candidate and is not reused
# 2.7.0: h120, after review r103: ideation and self-harm reported in a therapist's note are read (session kinds only);
# a note written beside the plan and means set ready are preparation (`behavior`)
# 2.8.0: h111, thirty-second round: placeholder tokens ("xxxx", "zzz", "asdf", "lorem ipsum") are not read by the
# sentence model, and a unit with no word left is not read (model_inputs); seen batches and C-SSRS unchanged
# 2.8.1: h124, after review r108: the placeholder guard sets aside only what is certainly empty (a unit it cut that
# keeps fewer than MIN_MODEL_WORDS words is read as written: "xx goodbye forever xx"); a session note's reported
# SI / self-harm bounded to the past reads as history, and a reported injury passes the accident guard
# 2.8.2: h126, after review r111: a note's reported SI is history only when its own modifier bounds it to the past
# and nothing in its sentence tells of now; a reported self-harm act is an injury only on a stated, undoubted accident;
# a place or a self-harm instrument is not an injury's context (first person too)
# 2.8.3: h127, after review r112: a place ends its noun phrase; current SI after a bound or a ";" stays current
# 2.8.4: the lead, after review r113: a part named within two words after a place ("on the bathroom floor tile") is
# what the cut was made on; "lighting", "smoking" are everyday tasks after an injury; "not since 2020" is not a sign of
# now; a bare "SH" in a note is not read (h127's rule removed)
# 2.10.2: h143, after review r119: every rule touched has an exact follow-set (notes: acts after a denial stop, a bare
# "attempted", "SH" + time; journals: "i cut again"); a time of life is not a subject; see docs/risk.md "2.10.2"
# 2.11.0: h152, after review r126: a unit made only of words that set a scene (a clock time, a day, a date, "again", a
# greeting: risk_lexicon.SCENE_WORDS) never raises the entry by itself ("Two in the morning."), and in entry mode a
# scene fragment at either end of a run of short fragments is read apart where the rest keeps three words; no seen
# batch, bank or demo line changes level, no C-SSRS person-model input changes
# 2.12.0: h157, after frozen28-162: a relative's or a friend's possessive right before the act's noun ("brother's
# suicide attempt", "her mum's overdose", "my best friend's cutting") makes the act that person's (third person), in a
# note and in a journal (risk_lexicon.RELATIVE_POSSESSIVE); "cl" and "cl's" read as the client where "pt" does
# 2.13.0: h160, before frozen30 is read: in a session note the act belongs to the person in the subject's place (a
# role, a first name, the client) or to the person a pronoun refers back to (risk_lexicon.note_owner), so someone else
# named by a name, a role or a pronoun is third person; a journal sentence opening on a name before the act is that
# person's; "my attempt", "since my OD", "after my overdose" (in a note the client's "her attempt", "pt's OD") are the
# writer's past attempt (attempt_possessed, noted_attempt_possessed), not an attempt at or to something ordinary
# 2.14.0: h167, before frozen32 is read: a note's shorthand for the client's own act ("intentional OD", "OD x2", "DSH x3",
# "fresh SH", "lacerations … self-inflicted"), self-harm resumed told by its verb ("back to burning", "resumed
# cutting"), a rope, belt or cord round one's own neck where a hanging is told (attempt_interrupted), a preparation
# without a risk word where its context reads as an ending (preparation_ending); a quoted description of a thing, a
# simile and a thing's metaphor are set aside (``figurative``); "N of YP", "Mum hx of SH" are someone else's
# 2.15.0: h175, before frozen33 is read: a method told as a figure (with joy, as a decision, a note's quoted phrase) is
# ``figurative``; two preparations told together (preparation_combined); a note's clinical register ("Previous SA x3",
# "attempted hanging", "Ingestion ~30 x …", an act with a stated intent, "Plan: car exhaust", "burning self"); someone
# else named in a note, then a pronoun, is theirs
# 2.15.1: h177, after frozen33: a denial reaches the end of a listed history ("Denied intent, plan or previous
# attempts"); an overdose of a thing that is no drug ("'took an overdose of sun'", "overdosed on true-crime podcasts") is a
# figure, quoted or not
# 2.15.2: h178, after frozen34: every rule 2.15.0/2.15.1 added passes through every set-aside reading; a clinical
# accident ("Insulin OD 2019 - accidental dosing error") is an accident
# 2.16.0: h180, after frozen35/frozen36: a risk heading on its own line reads the act on the next lines; "an attempt on
# her (own) life"; another person in a note by a role, a bed or a bracketed name; an overdose of a kind of thing that is
# never a drug (by its head noun); a wish not to wake up; a wish narrowed by the next sentence ("Not at this job")
# 2.16.1: h183, after frozen37: a heading alone decides nothing; a heading's verbless answer; reported wishes;
# euphemistic attempts; self-harm acts without the word; a wish narrowed in its own line; figures; someone else in a note
# 2.16.2: h185, after frozen38: attempts told as acts, ingestions and OD shorthand; preparatory and interrupted acts;
# self-harm acts; ideation in typos and reported speech; the set-asides' reach over model-alone false alarms
# 2.16.3: h190, after frozen39 (carrying 2.16.2): frozen39's misses and false alarms by mechanism; a hopeful,
# future-oriented sentence with no risk word is no alarm from the sentence model alone
# 2.16.4: h191, after frozen40: frozen40's misses and false alarms by mechanism; someone else's history or figure of an
# act (a kinship noun holding "hx of", a child's "overdose" on sweets) is never the client's attempt
# 2.16.5: h195, after frozen41 (carrying 2.16.4): frozen41's misses and false alarms by mechanism (form x voice)
VERSION = "2.16.5"
MODEL_DIR = Path(__file__).resolve().parent / "models" / "risk"
MODEL_FILE = "risk_model.npz"
# Fourteenth round: the level model ("behavior or worse" vs "ideation" on a sentence the screen already flags), an
# artefact of its own beside the sentence model's (docs/risk.md, "Fourteenth round").
LEVEL_FILE = "risk_level.npz"
LEVEL_MANIFEST = "level_manifest.json"
LEVEL_FORMAT = "reverie.risk-level/1"
LEVEL_RULE = "level_model"  # the trigger's rule where the level model raised a sentence to ``behavior``
HASH_DIM = 1 << 16
RULES_ONLY_THRESHOLD = 0.5
# Set-aside reasons that are features of the models (``RULE_FEATURES``, ``SENTENCE_FEATURES``): the artefact's
# layout. A reason added later sets phrases aside and blocks the sentence model like these, but is not a feature
# until a retrain that keeps every floor adds it (eighth round: the retrain with them moved the threshold and lost
# two seen genuine cases; docs/risk.md).
FEATURE_REASONS = (
    "negation",
    "quotation",
    "third_person",
    "figure_of_speech",
    "fiction",
    "dream",
    "injury",
    "hypothetical",
)
REASONS = (
    *FEATURE_REASONS,
    "recovery",  # eighth round: a self-harm act or wish told as history come through (docs/risk.md)
    "everyday",  # eighth round: means or a dose for an everyday purpose the writer names ("rope … to tie the kayak")
    "accident",  # sixteenth round: a medicine or poison swallowed by accident, told so in its sentence
    "figurative",  # 2.14.0 (h167): a quoted description of a thing, a simile, a thing's metaphor ("like a noose")
)
# Tenth round: the screen's own reason (no lexicon phrase carries it, so it is not in ``REASONS``) for a model-alone
# alarm whose ambiguous word sits in an everyday construction (``_everyday_alarms``).
EVERYDAY_WORD = "everyday_word"
# h37: the screen's own reason for a model-alone alarm whose sentence resembles no written genuine crisis line
# (its cosine to every support vector under the support's threshold: :class:`Support`).
NO_SUPPORT = "no_support"
# h152: the screen's own reason for a model-alone alarm on a unit made only of words that set a scene (a clock time,
# a day, a date, "again", a greeting: ``risk_lexicon.SCENE_WORDS``; :func:`_scene_alarms`).
SCENE_ONLY = "scene_only"
# 2.16.1 (h183): the screen's own reason for a model-alone alarm on a unit made only of a note's headings, fields
# answered nil and nil answers ("Risk assessment / Suicidal ideation:", "Self: no concerns": :func:`_heading_alarms`).
HEADING_ONLY = "heading_only"
# 2.16.1 (h183): the screen's own reason for a model-alone alarm on a wish narrowed by what follows it on its line to an
# ordinary object ("I want out. Out of this lease", "I wish I didn't exist... on Mondays.": :func:`_narrowed_alarms`).
NARROWED = "narrowed"
SUPPORT_FILE = "risk_support.npz"
SUPPORT_MANIFEST = "support_manifest.json"
SUPPORT_FORMAT = "reverie.risk-support/1"
# The part of the flagged band [threshold, 1] each lexicon level occupies (as fractions of the band).
LEVEL_BAND = {2: (0.4, 0.7), 3: (0.7, 0.85), 4: (0.85, 1.0)}
EVIDENCE_GRAMS = 3
PERSON_PHRASE_BAND = 0.05  # person mode: a phrase-flagged person with a low probability sits in [t, t + 5 %]
# The sentence model reads at most this many sentences in one encoder pass: a longer text is read in further
# passes of this size (the entry screen reads every sentence; bounded memory, time linear in the length).
MAX_SENTENCES = 256
# The sentences the model reads of one text at the moment of saving (the first 128 and the last 128): a save stays
# within a few seconds whatever the length (review r21: a 1,000,000-character entry took ≈ 200 s); the lexicon
# still reads the whole text and the worker's full analysis reads every sentence (docs/risk.md).
SAVE_SENTENCES = 256
# Set-aside reasons that stop the sentence model from raising the sentence they sit in.
BLOCKING = frozenset(REASONS)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Trigger:
    span: Span
    rule: str
    level: str


@dataclass(frozen=True, slots=True)
class Suppression:
    span: Span
    rule: str
    reason: str


@dataclass(frozen=True, slots=True)
class RiskScreen:
    """The result of screening one text. ``flagged`` means ideation or worse: start the safety-plan flow."""

    level: str
    score: float
    threshold: float
    triggers: tuple[Trigger, ...]
    suppressed: tuple[Suppression, ...]
    model_score: float | None = None
    sentence_scores: tuple[float, ...] = ()
    rules_only: bool = False  # the sentence model did not read the text (not installed): the lexicon alone

    @property
    def flagged(self) -> bool:
        return LEVELS.index(self.level) >= IDEATION

    @property
    def model_alone(self) -> bool:
        """Flagged on the sentence model's reading alone: no lexicon phrase at ideation or above (see
        :func:`model_alone`)."""
        return self.flagged and model_alone((t.rule, t.level) for t in self.triggers)

    def to_data(self) -> dict[str, Any]:
        """The JSON-safe ``data`` of the risk finding."""
        return {
            "level": self.level,
            "score": round(self.score, 4),
            "threshold": round(self.threshold, 4),
            "model_score": None if self.model_score is None else round(self.model_score, 4),
            "triggers": [
                {"span": [t.span.start, t.span.end], "rule": t.rule, "level": t.level} for t in self.triggers
            ],
            "suppressed": [
                {"span": [s.span.start, s.span.end], "rule": s.rule, "reason": s.reason}
                for s in self.suppressed
            ],
        }


MODEL_RULES = frozenset({"model", LEVEL_RULE})


def model_alone(triggers: Iterable[tuple[str, str]]) -> bool:
    """Whether a flag rests on the sentence model alone: among its triggers (rule, level) none is a lexicon
    phrase at ideation or above. Such a flag is far less often right than one with explicit words (on the seen
    challenge batches 72 % against 92 %, and on everyday text most of the model's lone alarms are false: docs/risk.md,
    "How sure a flag is"), so the flow asks more gently and tells the therapist so."""
    return not any(
        rule not in MODEL_RULES and level in LEVELS and LEVELS.index(level) >= IDEATION
        for rule, level in triggers
    )


def data_model_alone(data: Mapping[str, Any]) -> bool:
    """:func:`model_alone` read from a stored finding's ``data`` (:meth:`RiskScreen.to_data`): flagged, and on the
    model alone. A document without a level or a trigger list (an unscreened text) is not."""
    level = str(data.get("level", "none"))
    if level not in LEVELS or LEVELS.index(level) < IDEATION:
        return False
    triggers = data.get("triggers")
    if not isinstance(triggers, list):
        return False
    pairs = [(str(t.get("rule", "")), str(t.get("level", ""))) for t in triggers if isinstance(t, Mapping)]
    return len(pairs) == len(triggers) and model_alone(pairs)


# --------------------------------------------------------------------------------------------------
# Features shared by training (scripts/train_risk.py) and run time
# --------------------------------------------------------------------------------------------------

RULE_FEATURES = (
    *(f"level_count_{lvl}" for lvl in LEVELS[1:]),
    *(f"max_level_{lvl}" for lvl in LEVELS),
    *(f"suppressed_{reason}" for reason in FEATURE_REASONS),
    "pronoun_first",
    "pronoun_second",
    "pronoun_third",
)
PRONOUNS = (
    frozenset(["i", "me", "my", "myself", "mine", "i'm", "im", "i've", "ive", "i'd", "i'll"]),
    frozenset(["you", "your", "yours", "yourself", "you're", "youre", "you've", "you'll", "u", "ur"]),
    frozenset(
        [
            "he",
            "she",
            "they",
            "him",
            "her",
            "them",
            "his",
            "their",
            "hers",
            "theirs",
            "himself",
            "herself",
            "themselves",
        ]
    ),
)
PRONOUN_SCALE = 3.0  # pronoun shares are 0..1; scaled to weigh like the other features


def ngram_features(text: str) -> dict[int, float]:
    """Hashed word 1–2-grams, log-scaled counts, L2-normalised: ``{index: value}``."""
    words = lex.WORD.findall(lex.normalise(text))
    counts: dict[int, float] = {}
    grams = words + [f"{a} {b}" for a, b in itertools.pairwise(words)]
    for gram in grams:
        index = zlib.crc32(gram.encode("utf-8")) % HASH_DIM
        counts[index] = counts.get(index, 0.0) + 1.0
    values = {i: float(np.log1p(c)) for i, c in counts.items()}
    norm = float(np.sqrt(sum(v * v for v in values.values()))) or 1.0
    return {i: v / norm for i, v in values.items()}


def rule_features(text: str, hits: Sequence[lex.Hit]) -> list[float]:
    """Counted phrases per level, the highest level one-hot, set-aside phrases per reason, and who is
    talked about (shares of first-, second- and third-person pronouns: support for others says "you")."""
    counted = [h.level for h in hits if h.level > 0]
    top = max(counted, default=0)
    per_level = [float(np.log1p(sum(1 for lvl in counted if lvl == k))) for k in range(1, len(LEVELS))]
    one_hot = [1.0 if k == top else 0.0 for k in range(len(LEVELS))]
    per_reason = [float(np.log1p(sum(1 for h in hits if h.reason == r))) for r in FEATURE_REASONS]
    words = lex.WORD.findall(lex.normalise(text))
    person = [sum(1 for w in words if w in group) for group in PRONOUNS]
    total = sum(person) or 1
    return per_level + one_hot + per_reason + [PRONOUN_SCALE * n / total for n in person]


SENTENCE_FEATURES = (
    *(f"sentence_level_{lvl}" for lvl in LEVELS),
    *(f"sentence_suppressed_{reason}" for reason in FEATURE_REASONS),
    "sentence_first_person",
    "sentence_other_person",
)


def sentence_features(norm: str, span: tuple[int, int], hits: Sequence[lex.Hit]) -> list[float]:
    """The lexicon's view of one sentence (``span`` into the normalised text): the highest counted level one-hot,
    which reasons set something aside in it, and whether it speaks in the first person or of others."""
    start, end = span
    inside = [h for h in hits if start <= h.start < end]
    top = max((h.level for h in inside), default=0)
    reasons = {h.reason for h in inside if h.reason}
    words = set(lex.WORD.findall(norm, start, end))
    return [
        *(1.0 if k == top else 0.0 for k in range(len(LEVELS))),
        *(1.0 if r in reasons else 0.0 for r in FEATURE_REASONS),
        1.0 if words & lex.FIRST_WORDS else 0.0,
        0.0 if words.isdisjoint(lex.PERSON_WORDS) else 1.0,
    ]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences (and lines) of ``text`` as offsets, stripped of surrounding spaces; empty ones dropped."""
    spans = []
    for m in lex.SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if any(ch.isalnum() for ch in text[start:end]):
            spans.append((start, end))
    return spans


# A sentence longer than this many words is read by the sentence model clause by clause (see ``clause_spans``).
LONG_SENTENCE_WORDS = 28
MIN_CLAUSE_WORDS = 6
CLAUSE_SPLIT = re.compile(
    r"\s*(?:;|,\s+(?:and|but|so|then|because|and\s+then|which)\b|\s+and\s+then\b|\s+but\s+)\s*"
)


@lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    """``text.lower()``, made once per text: the clause cutter counts words sentence by sentence, and lowering the
    whole text for each sentence made a 1,000,000-character entry's screen quadratic (8 of its 12 s, review r21)."""
    return text.lower()


def clause_spans(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A long sentence (over ``LONG_SENTENCE_WORDS`` words) cut into clauses of at least ``MIN_CLAUSE_WORDS`` words
    at "; ", ", and", ", but", ", so", ", then", " and then", " but "; a shorter sentence stays whole. A rambling
    sentence whose risk is one clause among many ("… the bus was late and I stood in the rain thinking if a lorry
    hit me that would be fine, and then I got on …") no longer dilutes it in one embedding; the clauses together
    are about as long as the sentence, so the encoder pass costs about the same."""
    start, end = span
    cut = lex.denial_cut(_lowered(text), start, end)
    if cut is not None and cut > start:
        # 2.10.1 (h140, review r117): a denial lowers its own clause only ("Denies SI; yet admits …")
        turn = DENIAL_TURN.match(_lowered(text), cut, end)
        rest = turn.end() if turn is not None else cut + 1
        if rest < end:
            return [(start, cut), *clause_spans(text, (rest, end))]
    if len(lex.WORD.findall(_lowered(text), start, end)) <= LONG_SENTENCE_WORDS:
        return [span]
    pieces = _cut(text, span, CLAUSE_SPLIT)
    out = []
    for piece in pieces:  # a clause still too long is cut at its commas
        long = len(lex.WORD.findall(_lowered(text), *piece)) > LONG_SENTENCE_WORDS
        out.extend(_cut(text, piece, COMMA) if long else [piece])
    return out


COMMA = re.compile(r"\s*,\s*")
# the stop that ends a denial's clause, and its turning word ("; yet", "but"), left out of the clause after it
DENIAL_TURN = re.compile(r"[\s;,]*(?:" + lex.DENIAL_TURN_WORDS + r"\b[\s,]*)?")


def _cut(text: str, span: tuple[int, int], at: re.Pattern[str]) -> list[tuple[int, int]]:
    start, end = span
    cuts = [start]
    for m in at.finditer(text, start, end):
        if len(lex.WORD.findall(_lowered(text), cuts[-1], m.start())) >= MIN_CLAUSE_WORDS:
            cuts.append(m.start())
    pieces = []
    for a, b in zip(cuts, [*cuts[1:], end], strict=True):
        while a < b and not text[a].isalnum():
            a += 1
        if a < b:
            pieces.append((a, b))
    if len(pieces) > 1 and len(lex.WORD.findall(_lowered(text), *pieces[-1])) < MIN_CLAUSE_WORDS:
        pieces[-2:] = [(pieces[-2][0], pieces[-1][1])]  # a short tail stays with the clause before it
    return pieces


def model_units(text: str, *, clauses: bool = True) -> list[tuple[int, int]]:
    """What the sentence model reads: the sentences of ``text``, with each run of consecutive fragments shorter
    than three words read together ("Done. Over it. Want out." is one unit; "Calm session." after a full sentence
    stays alone, and the model does not raise it on its own), and (``clauses``, entry mode) each long sentence
    read clause by clause (:func:`clause_spans`). In entry mode a fragment that only sets a scene at either end of a
    run ("2am.", "Friday.": :func:`reverie.analysis.risk_lexicon.scene_only`) is read apart when the rest of the run
    keeps three words (h152: "2am. Cant anymore. Sorry." read whole 0.44, its run without the time 0.94); kept in
    the run when the rest is shorter ("Took them. 2:15."), so the time still reads with the act. Person mode
    reads whole sentences, as the person model was trained, and its runs whole."""
    units: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    norm = lex.normalise(text) if clauses else None
    for sentence in sentence_spans(text):
        for span in clause_spans(text, sentence) if clauses else [sentence]:
            if _words(text, span) < lex.MIN_MODEL_WORDS:
                run.append(span)
                continue
            _end_run(text, norm, run, units)
            units.append(span)
    _end_run(text, norm, run, units)
    return units


def _words(text: str, span: tuple[int, int]) -> int:
    return len(lex.WORD.findall(lex.normalise(text[span[0] : span[1]])))


def _end_run(text: str, norm: str | None, run: list[tuple[int, int]], units: list[tuple[int, int]]) -> None:
    """Add the run of short fragments to ``units`` as one unit, a scene fragment at either end apart (its own unit,
    too short to raise) where the rest keeps ``MIN_MODEL_WORDS`` words; only in entry mode (``norm``, the normalised
    text, given; ``None`` in person mode: the run whole)."""
    if not run:
        return
    first, last = 0, len(run)
    if norm is not None:
        count = [_words(text, span) for span in run]
        while (
            last - first > 1
            and lex.scene_only(norm, *run[first])
            and sum(count[first + 1 : last]) >= lex.MIN_MODEL_WORDS
        ):
            first += 1
        while (
            last - first > 1
            and lex.scene_only(norm, *run[last - 1])
            and sum(count[first : last - 1]) >= lex.MIN_MODEL_WORDS
        ):
            last -= 1
    units.extend(run[:first])
    units.append((run[first][0], run[last - 1][1]))
    units.extend(run[last:])
    run.clear()


# --------------------------------------------------------------------------------------------------
# The model artefact
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Support:
    """The support of a model-alone flag (h37): unit vectors of the units of the project's written genuine crisis
    lines (``scripts/build_risk_support.py``). A sentence the sentence model raises by itself raises the entry only
    when its cosine to one of them reaches ``threshold``: the flag then has a written line it resembles."""

    vectors: npt.NDArray[np.float32]
    threshold: float
    support_hash: str

    def resemblance(self, embeddings: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        """Each row's highest cosine to a support vector (0 for a zero row or an empty support)."""
        if not len(embeddings) or not len(self.vectors):
            return np.zeros(len(embeddings), dtype=np.float64)
        rows = support_vectors(embeddings)
        return np.asarray((rows @ self.vectors.T).max(axis=1), dtype=np.float64)


def support_vectors(embeddings: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Rows scaled to unit length (zero rows left as they are): how support vectors are stored and compared."""
    rows = embeddings.astype(np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return np.asarray(rows / np.where(norms > 0, norms, 1.0), dtype=np.float32)


def load_support(model_dir: Path = MODEL_DIR) -> Support | None:
    """The support artefact in ``model_dir`` when it is there and whole (:func:`support_state`), else ``None``: no
    floor, every flag of the sentence model stands (r43: a damaged support fails safe, never raises)."""
    return _checked_support(model_dir)[1]


def support_state(model_dir: Path = MODEL_DIR) -> str:
    """``SUPPORT_ABSENT`` (neither file), ``SUPPORT_VALID`` or ``SUPPORT_DAMAGED`` (one file without the other, a
    manifest that does not parse or is of another format, a threshold outside (0, 1), vectors whose sha256 is not
    the manifest's, an archive that does not open, no vectors, a row not finite or not of unit length, a width other
    than the sentence model's): ``reverie doctor`` reports a damaged one."""
    return _checked_support(model_dir)[0]


SUPPORT_ABSENT, SUPPORT_VALID, SUPPORT_DAMAGED = "absent", "valid", "damaged"
_UNIT_TOLERANCE = 0.01  # float16 unit vectors of 384 dimensions are within ~1e-3 of length 1


def _checked_support(model_dir: Path) -> tuple[str, Support | None]:
    """The support's state and, when valid, the support; never raises (a fault is logged once, by its type alone)."""
    vectors, manifest = model_dir / SUPPORT_FILE, model_dir / SUPPORT_MANIFEST
    if not vectors.exists() and not manifest.exists():
        return SUPPORT_ABSENT, None
    try:
        key = (str(vectors), file_sha256(vectors), file_sha256(manifest), _embedding_width(model_dir))
    except Exception as exc:  # one file without the other, unreadable, or a sentence model that does not open
        _support_fault(type(exc).__name__)
        return SUPPORT_DAMAGED, None
    found = _validated_support(*key)
    return (SUPPORT_VALID, found) if isinstance(found, Support) else (SUPPORT_DAMAGED, None)


def _support_fault(kind: str) -> None:
    log.warning(
        "risk support artefact damaged (%s): the support floor is off, the sentence model's flags stand", kind
    )


@lru_cache(maxsize=8)
def _validated_support(
    vectors_path: str, vectors_sha256: str, manifest_sha256: str, width: int | None
) -> Support | str:
    """The support in ``vectors_path`` checked against its manifest beside it, or the fault's type (logged);
    cached by both files' digests and the sentence model's width, so a declaration reads them once per process."""
    try:
        return _read_support(Path(vectors_path), vectors_sha256, width)
    except Exception as exc:  # any fault of the artefact: no floor, the model's flags stand
        _support_fault(type(exc).__name__)
        return type(exc).__name__


def _read_support(path: Path, vectors_sha256: str, width: int | None) -> Support:
    """Raises ``ValueError`` (or the reader's error) on any fault of the support in ``path`` and its manifest."""
    meta = _json_object(path.parent / SUPPORT_MANIFEST)
    if meta.get("format") != SUPPORT_FORMAT:
        raise ValueError("format")
    threshold = meta.get("threshold")
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0.0 < threshold < 1.0:
        raise ValueError("threshold")
    if meta.get("vectors_sha256") != vectors_sha256:
        raise ValueError("vectors_sha256")
    with np.load(path, allow_pickle=False) as arrays:
        raw = np.asarray(arrays["vectors"])
    if raw.ndim != 2 or not len(raw) or not np.issubdtype(raw.dtype, np.floating):
        raise ValueError("shape")
    if width is not None and raw.shape[1] != width:
        raise ValueError("width")
    rows = raw.astype(np.float32)
    if not np.isfinite(rows).all():
        raise ValueError("finite")
    if np.abs(np.linalg.norm(rows, axis=1) - 1.0).max() > _UNIT_TOLERANCE:
        raise ValueError("unit")
    return Support(support_vectors(rows), float(threshold), vectors_sha256)


def _embedding_width(model_dir: Path) -> int | None:
    """The encoder width the sentence model reads (its weights less the sentence features), or ``None`` without a
    sentence model (the support is then never used)."""
    weights = model_dir / MODEL_FILE
    if not weights.is_file():
        return None
    return _sentence_width(str(weights), file_sha256(weights))


@lru_cache(maxsize=8)
def _sentence_width(weights_path: str, digest: str) -> int | None:
    with np.load(weights_path, allow_pickle=False) as arrays:
        if "sentence_weights" not in arrays.files:
            return None
        return int(np.asarray(arrays["sentence_weights"]).shape[0]) - len(SENTENCE_FEATURES)


@dataclass(frozen=True, slots=True)
class RiskModel:
    """Numpy-only weights: the person model (logistic regression over ``[hashed n-grams | rule features |
    sentence-score summary]``) and the sentence model (logistic regression over ``[embedding | sentence
    features]``). ``threshold`` is the person model's; ``sentence_threshold`` the sentence model's."""

    ngram_weights: npt.NDArray[np.float32]
    rule_weights: npt.NDArray[np.float32]
    bias: float
    threshold: float
    model_hash: str
    sentence_weights: npt.NDArray[np.float32] | None = None
    sentence_bias: float = 0.0
    sentence_threshold: float = 0.5
    summary_weights: npt.NDArray[np.float32] | None = None
    level_weights: npt.NDArray[np.float32] | None = None
    level_bias: float = 0.0
    level_threshold: float = 1.0
    encoder_output: str = BASE_OUTPUT
    """The encoder output the sentence model was trained on (the manifest's ``encoder_output``; the base vectors
    unless named: the twenty-eighth round's risk layer, ``risk_token_embeddings``, was built and not shipped)."""
    support: Support | None = None
    """Where set, a sentence the model raises by itself (no lexicon phrase at ideation or above in the entry) must
    resemble a written genuine crisis line (:class:`Support`); ``None``: every such sentence raises, as before h37."""

    def probability(self, text: str, hits: Sequence[lex.Hit], summary: Sequence[float] = ()) -> float:
        grams = ngram_features(text)
        z = self.bias + float(
            np.dot(self.rule_weights, np.asarray(rule_features(text, hits), dtype=np.float32))
        )
        if grams:
            idx = np.fromiter(grams.keys(), dtype=np.int64, count=len(grams))
            val = np.fromiter(grams.values(), dtype=np.float32, count=len(grams))
            z += float(np.dot(self.ngram_weights[idx], val))
        if self.summary_weights is not None and len(summary) >= len(self.summary_weights):
            # an artefact trained on fewer summaries reads the first ones (the order only ever grows)
            n = len(self.summary_weights)
            z += float(np.dot(self.summary_weights, np.asarray(summary[:n], dtype=np.float32)))
        return float(1.0 / (1.0 + np.exp(-z)))

    def evidence(self, text: str) -> list[Span]:
        """Where the n-grams that pushed the probability up the most first occur in ``text``."""
        matches = list(lex.WORD.finditer(lex.normalise(text)))
        spans: dict[str, Span] = {}
        for a, b in zip(matches, [*matches[1:], None], strict=True):
            spans.setdefault(a.group(), Span(a.start(), a.end()))
            if b is not None:
                spans.setdefault(f"{a.group()} {b.group()}", Span(a.start(), b.end()))
        weight = {g: float(self.ngram_weights[zlib.crc32(g.encode("utf-8")) % HASH_DIM]) for g in spans}
        top = sorted((g for g in spans if weight[g] > 0), key=lambda g: -weight[g])[:EVIDENCE_GRAMS]
        return sorted((spans[g] for g in top), key=lambda span: (span.start, span.end))

    def sentence_probabilities(
        self, embeddings: npt.NDArray[np.float32], features: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float64]:
        """The sentence model's probability that each sentence (a row) expresses ideation or worse."""
        return _logistic(embeddings, features, self.sentence_weights, self.sentence_bias)

    def level_probabilities(
        self, embeddings: npt.NDArray[np.float32], features: npt.NDArray[np.float32]
    ) -> npt.NDArray[np.float64]:
        """The level model's probability that each sentence (a row), read as risk, tells behavior or worse
        (preparation, self-harm, an aborted or interrupted act) rather than ideation; zeros without a level model."""
        return _logistic(embeddings, features, self.level_weights, self.level_bias)


def _logistic(
    embeddings: npt.NDArray[np.float32],
    features: npt.NDArray[np.float32],
    weights: npt.NDArray[np.float32] | None,
    bias: float,
) -> npt.NDArray[np.float64]:
    """A logistic regression over ``[embedding | features]`` per row; zeros without weights or rows."""
    if weights is None or not len(embeddings):
        return np.zeros(len(embeddings), dtype=np.float64)
    x = np.hstack([embeddings.astype(np.float32), features.astype(np.float32)])
    z = x @ weights + bias
    return np.asarray(1.0 / (1.0 + np.exp(-z.astype(np.float64))), dtype=np.float64)


@lru_cache(maxsize=4)
def load_model(model_dir: Path = MODEL_DIR, *, support: bool = True) -> RiskModel | None:
    """The shipped model, or ``None`` when its files are absent or damaged (the screen then runs on its lexicon
    floors alone and says so: :attr:`RiskScreen.rules_only`). With ``support`` (the default) the support artefact
    found in ``model_dir`` gates the model's lone flags (h38); ``support=False`` gives the model without it (what
    ``scripts/build_risk_support.py`` builds the support from). Never raises: a damaged sentence or level artefact
    (h46: truncated, a key missing, a wrong shape, a value not finite) is logged by its fault's type alone and
    ``reverie doctor`` names the file (:func:`model_state`)."""
    model = _checked_model(model_dir)[1]
    if model is None:
        return None
    return with_support(model, model_dir) if support else model


MODEL_ABSENT, MODEL_VALID, MODEL_DAMAGED = "absent", "valid", "damaged"


def model_state(model_dir: Path = MODEL_DIR) -> tuple[str, Path | None]:
    """``MODEL_ABSENT`` (no sentence model files), ``MODEL_VALID``, or ``MODEL_DAMAGED`` with the damaged file (the
    sentence model's or the level model's artefact: one file without its manifest, a manifest that does not parse,
    an archive that does not open, a key missing, a wrong shape, a value not finite, a threshold outside (0, 1]):
    what ``reverie doctor`` reports. Never raises."""
    try:
        _read_model(model_dir)
    except _Damaged as damaged:
        return MODEL_DAMAGED, damaged.path
    except Exception:  # pragma: no cover - _read_model wraps every fault in _Damaged
        return MODEL_DAMAGED, model_dir / MODEL_FILE
    weights, manifest = model_dir / MODEL_FILE, model_dir / "manifest.json"
    return (MODEL_VALID if weights.is_file() and manifest.is_file() else MODEL_ABSENT), None


class _Damaged(Exception):
    """A risk model artefact that is there but cannot be used (``path``; ``kind``: the fault's type)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(kind)
        self.path, self.kind = path, kind


def _checked_model(model_dir: Path) -> tuple[str, RiskModel | None]:
    try:
        model = _read_model(model_dir)
    except _Damaged as damaged:
        log.warning(
            "risk model artefact damaged (%s): the screen runs on its lexicon floors alone", damaged.kind
        )
        return MODEL_DAMAGED, None
    return (MODEL_ABSENT, None) if model is None else (MODEL_VALID, model)


def _vector(arrays: Any, key: str, size: int | None = None) -> npt.NDArray[np.float32]:
    """A 1-D finite float vector (of ``size`` when given) from an opened archive; ``ValueError`` otherwise."""
    raw = np.asarray(arrays[key])
    if raw.ndim != 1 or not np.issubdtype(raw.dtype, np.floating) or (size is not None and len(raw) != size):
        raise ValueError(f"shape:{key}")
    if not len(raw) or not np.isfinite(raw).all():
        raise ValueError(f"finite:{key}")
    return raw.astype(np.float32)


def _scalar(value: Any, *, unit: bool = False) -> float:
    """A finite number (in (0, 1] with ``unit``) from an archive or a manifest; ``ValueError`` otherwise."""
    if isinstance(value, bool | str) or (isinstance(value, np.ndarray) and value.shape != ()):
        raise ValueError("scalar")
    number = float(value)
    if not np.isfinite(number) or (unit and not 0.0 < number <= 1.0):
        raise ValueError("scalar")
    return number


def _json_object(path: Path) -> dict[str, Any]:
    """A manifest's JSON object; raises (``ValueError``, ``OSError``) when it is absent, cut short or not an object."""
    meta = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        raise ValueError("manifest")
    return meta


def _read_model(model_dir: Path) -> RiskModel | None:
    """The sentence model with its level model, or ``None`` without the sentence model's files; raises
    :class:`_Damaged` (naming the file) on any fault of either artefact."""
    weights, manifest = model_dir / MODEL_FILE, model_dir / "manifest.json"
    if not weights.exists() and not manifest.exists():
        return None
    try:
        meta = _json_object(manifest)
        threshold = _scalar(meta["threshold"], unit=True)
        sentence_threshold = _scalar(meta.get("sentence_threshold", 0.5), unit=True)
        model_hash = str(meta["model_hash"])
    except Exception as exc:  # absent, cut short, a key missing, a threshold not a number in (0, 1]
        raise _Damaged(manifest, type(exc).__name__) from None
    try:
        with weights.open("rb") as handle, np.load(handle, allow_pickle=False) as arrays:
            has_sentence = "sentence_weights" in arrays.files
            sentence = _vector(arrays, "sentence_weights") if has_sentence else None
            if sentence is not None and len(sentence) <= len(SENTENCE_FEATURES):
                raise ValueError("shape:sentence_weights")
            model = RiskModel(
                ngram_weights=_vector(arrays, "ngram_weights", HASH_DIM),
                rule_weights=_vector(arrays, "rule_weights", len(RULE_FEATURES)),
                bias=_scalar(arrays["bias"]),
                threshold=threshold,
                model_hash=model_hash,
                sentence_weights=sentence,
                sentence_bias=_scalar(arrays["sentence_bias"]) if has_sentence else 0.0,
                sentence_threshold=sentence_threshold,
                summary_weights=(
                    _vector(arrays, "summary_weights", len(SUMMARY_FEATURES))
                    if "summary_weights" in arrays.files
                    else None
                ),
                encoder_output=str(meta.get("encoder_output", BASE_OUTPUT)),
            )
    except Exception as exc:  # absent, truncated, a key missing, a wrong shape, a value not finite
        raise _Damaged(weights, type(exc).__name__) from None
    return with_level_model(model, model_dir, strict=True)


def with_support(model: RiskModel, model_dir: Path) -> RiskModel:
    """``model`` with the support artefact found in ``model_dir`` (h38: shipped at threshold 0.35), its hash naming
    the support's vectors; ``model`` as it is when none is there."""
    found = load_support(model_dir)
    if (
        found is None
    ):  # absent or damaged: no floor (a damaged one is logged and reported by ``reverie doctor``)
        return model
    return replace(model, model_hash=f"{model.model_hash}+support:{found.support_hash[:16]}", support=found)


def with_level_model(model: RiskModel, level_dir: Path, *, strict: bool = False) -> RiskModel:
    """``model`` with the level model found in ``level_dir`` (the shipped folder, where none is installed, or the
    candidate that ``scripts/train_risk.py --level-only`` writes in ``scripts/risk_level``), or ``model`` as it is
    when none is there. A damaged level artefact raises :class:`_Damaged` with ``strict`` (:func:`load_model`: the
    screen then runs on its lexicon floors alone) and is otherwise left out, logged by type."""
    try:
        level = _load_level(level_dir, model)
    except _Damaged as damaged:
        if strict:
            raise
        log.warning("risk level artefact damaged (%s): left out", damaged.kind)
        return model
    if level is None:
        return model
    return replace(
        model,
        model_hash=f"{model.model_hash}+level:{level[3][:16]}",
        level_weights=level[0],
        level_bias=level[1],
        level_threshold=level[2],
    )


def _load_level(
    model_dir: Path, model: RiskModel
) -> tuple[npt.NDArray[np.float32], float, float, str] | None:
    """The level model's weights (as wide as ``model``'s sentence weights), bias, threshold and hash, or ``None``
    when its files are absent or of another format (the screen then leaves levels above ``ideation`` to the
    lexicon, as before the fourteenth round); :class:`_Damaged` when they are there but cannot be used."""
    weights, manifest = model_dir / LEVEL_FILE, model_dir / LEVEL_MANIFEST
    if not weights.exists() and not manifest.exists():
        return None
    try:
        meta = _json_object(manifest)
        if meta.get("format") != LEVEL_FORMAT:
            return None
        threshold = _scalar(meta["level_threshold"], unit=True)
        level_hash = str(meta["model_hash"])
    except Exception as exc:  # absent, cut short, a key missing, a threshold not a number in (0, 1]
        raise _Damaged(manifest, type(exc).__name__) from None
    try:
        with weights.open("rb") as handle, np.load(handle, allow_pickle=False) as arrays:
            width = len(model.sentence_weights) if model.sentence_weights is not None else None
            found = (
                _vector(arrays, "level_weights", width),
                _scalar(arrays["level_bias"]),
                threshold,
                level_hash,
            )
    except Exception as exc:  # absent, truncated, a key missing, a wrong shape, a value not finite
        raise _Damaged(weights, type(exc).__name__) from None
    return found


def _encoder() -> Any | None:
    """The shared sentence encoder, or ``None`` when it is not installed (the screen then skips the sentence
    model; the lexicon still floors every level)."""
    from reverie.analysis.onnx_encoder import load_encoder

    try:
        return load_encoder()
    except AnalysisUnavailable:
        return None


def sentence_model_installed() -> bool:
    """Whether the screen reads with its sentence model: the model, its sentence weights and the encoder installed
    (else every screen runs on the lexicon alone, :attr:`RiskScreen.rules_only`)."""
    model = load_model()
    return model is not None and model.sentence_weights is not None and _encoder() is not None


@dataclass(frozen=True, slots=True)
class SentenceScores:
    spans: tuple[tuple[int, int], ...]
    probabilities: tuple[float, ...]
    blocked: tuple[str | None, ...]  # why the model may not raise this sentence (None: it may)
    # the level model's, when asked for (``levels``) and installed
    level_probabilities: tuple[float, ...] = ()
    read: bool = (
        True  # False: the sentence model did not read them (no encoder, no model, no matching output)
    )
    vectors: npt.NDArray[np.float32] | None = None  # the encoder's vector of each span (what the model read)


def score_sentences(
    text: str,
    kind: str,
    hits: Sequence[lex.Hit],
    model: RiskModel,
    *,
    encoder: Any | None = None,
    limit: int | None = MAX_SENTENCES,
    clauses: bool = True,
    context: lex.Context | None = None,
    levels: bool = False,
    ends: int | None = None,
) -> SentenceScores:
    """Score the sentences of ``text`` (the first ``limit``; ``None``: all of them) with the sentence model, in
    encoder passes of at most ``MAX_SENTENCES`` sentences each, with set-aside phrases blanked. ``encoder``:
    anything with ``encode(list[str])`` (default: the shared encoder). ``context``: the lexicon's context of
    ``text`` and ``kind`` when already made (:attr:`lex.Reading.context`). ``levels``: also the level model's
    probabilities (entry mode; the person model never reads them). ``ends``: instead of ``limit``, at most this many
    sentences, the first and the last half of them (``None`` with ``limit=None``: all)."""
    enc = encoder if encoder is not None else _encoder()
    units = model_units(text, clauses=clauses)
    if ends is not None:
        spans = units if len(units) <= ends else units[: ends - ends // 2] + units[len(units) - ends // 2 :]
    else:
        spans = units[:limit] if limit is not None else units
    if enc is None or model.sentence_weights is None or not spans:
        return _unscored(spans)
    hits = model_hits(hits)  # 2.16.2 (h185): the models read the lexicon they were trained with
    masked = model_text(text, hits)
    norm = context.norm if context is not None else lex.normalise(text)
    probs: list[float] = []
    level_probs: list[float] = []
    vectors: list[npt.NDArray[np.float32]] = []
    for first in range(0, len(spans), MAX_SENTENCES):
        chunk = spans[first : first + MAX_SENTENCES]
        inputs = model_inputs(masked, chunk, hits)
        try:
            embeddings = encode_output(enc, [read or "." for read in inputs], model.encoder_output)
        except AnalysisUnavailable:
            return _unscored(
                spans
            )  # a graph without the output this model reads: the lexicon alone, as without one
        vectors.append(np.asarray(embeddings, dtype=np.float32))
        features = np.asarray([sentence_features(norm, span, hits) for span in chunk], dtype=np.float32)
        unread = np.asarray([read is None for read in inputs])
        probs.extend(
            float(p) for p in np.where(unread, 0.0, model.sentence_probabilities(embeddings, features))
        )
        if levels:
            level_probs.extend(
                float(q) for q in np.where(unread, 0.0, model.level_probabilities(embeddings, features))
            )
    own_words = lex.sentence_reasons(text, kind, spans, context=context)
    blocked = tuple(sentence_block(span, hits, why) for span, why in zip(spans, own_words, strict=True))
    return SentenceScores(tuple(spans), tuple(probs), blocked, tuple(level_probs), vectors=np.vstack(vectors))


# Thirty-second round (h111): tokens that carry no meaning, removed from what the sentence model reads at screening
# time (it scored "xxxx xxxx xxxx" 0.95 and "zzz zzz zzz zzz" 0.71 as ideation): a token of one letter said three
# times or more ("zzz", "aaaaa"; "AA", "mm", "ii" are words) or of two x's or more ("xx": marks, redactions), a run
# of four letters or more along one row of the keyboard ("asdf", "qwerty", "uiop"), a group of up to three letters
# without a vowel said three times or more ("sdfsdfsdf", "fjfjfjfj"); and a unit that opens with the filler "lorem
# ipsum". A letter-stretched word ("dieeee") has more than one letter and is kept.
# a whole token of letters (apostrophes inside: "i'll" is one token, not "i" and "ll"), not part of a dotted or linked
# name ("www" in "www.example.org", "a.a.")
_LETTER_TOKEN = re.compile(r"(?<![\w'’./@])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w'’/@])(?!\.\w)")
_ONE_LETTER = re.compile(r"xx+|([^\W\d_])\1{2,}")  # x's as marks ("xx"), any other letter three times or more
_NO_VOWEL_AGAIN = re.compile(r"([b-df-hj-np-tv-xz]{1,3})\1{2,}")
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_LOREM = re.compile(r"\W*lorem\W+ipsum\b")
_WORD_TOKEN = re.compile(r"[^\W\d_]")  # a unit with no letter left has no word the model could read


def placeholder_token(token: str) -> bool:
    """Whether ``token`` (a whole token of letters) is a placeholder: one letter three times or more, x's, a keyboard
    row's run of four or more, or a vowelless group of up to three letters repeated three times or more."""
    low = token.lower()
    return bool(
        _ONE_LETTER.fullmatch(low)
        or (len(low) >= 4 and any(low in row for row in _KEYBOARD_ROWS))
        or _NO_VOWEL_AGAIN.fullmatch(low)
    )


def model_inputs(masked: str, spans: Sequence[tuple[int, int]], hits: Sequence[lex.Hit]) -> list[str | None]:
    """What the sentence model reads of each unit of ``masked`` (:func:`model_text`): the unit without its
    placeholder tokens where it keeps ``MIN_MODEL_WORDS`` words, as written where it keeps fewer (the marks may carry
    the meaning), or ``None`` where no word is left (the model does not read it: probability 0). A unit that
    holds a lexicon phrase is read as written (the lexicon reads every text whole, and a flagged phrase is never
    set aside by this). The training rows (:func:`training_rows`) are not changed."""
    out: list[str | None] = []
    for start, end in spans:
        unit = masked[start:end]
        if any(start <= h.start < end for h in hits):
            out.append(unit.strip())
            continue
        if _LOREM.match(unit.lower()):
            out.append(None)
            continue
        cut = []
        for m in _LETTER_TOKEN.finditer(masked, start):  # in the whole text: "www" before ".org" is seen
            if m.end() > end:
                break
            if placeholder_token(m.group()):
                cut.append((m.start() - start, m.end() - start))
        kept = unit
        for a, b in reversed(cut):
            kept = kept[:a] + kept[b:]
        if not cut:
            out.append(unit.strip() if _WORD_TOKEN.search(unit) else None)
            continue
        kept = " ".join(kept.split())
        # the guard sets aside only what is certainly empty (2.8.1): a unit of placeholders alone is not read; a unit
        # that keeps a sentence's words is read without them; a unit that keeps a word or two is read as written,
        # since the marks may carry its meaning ("xx goodbye forever xx": kisses; "AAAAAAA cant anymore": a scream)
        words = sum(bool(_WORD_TOKEN.search(w)) for w in lex.WORD.findall(kept.lower()))
        if not words:
            out.append(None)
        elif words >= lex.MIN_MODEL_WORDS:
            out.append(kept)
        else:
            out.append(unit.strip())
    return out


def _unscored(spans: Sequence[tuple[int, int]]) -> SentenceScores:
    """The sentence model did not read these spans (no encoder, no model or no matching output): every score 0."""
    return SentenceScores(tuple(spans), tuple(0.0 for _ in spans), tuple(None for _ in spans), read=False)


def sentence_block(span: tuple[int, int], hits: Sequence[lex.Hit], words_reason: str | None) -> str | None:
    """Evidence that a sentence is not the writer's own risk, so the model may not raise it: a phrase in it was
    set aside (and none counted at ideation or above), or its words speak only of others, a story or a dream
    (``words_reason``, from :func:`reverie.analysis.risk_lexicon.sentence_reasons`)."""
    start, end = span
    inside = [h for h in hits if start <= h.start < end]
    if any(h.level >= IDEATION for h in inside):
        return None
    reasons = [h.reason for h in inside if h.reason]
    return reasons[0] if reasons else words_reason


# --------------------------------------------------------------------------------------------------
# Screening
# --------------------------------------------------------------------------------------------------


def _whole(text: str) -> str:
    """``text`` with each lone surrogate (a code point U+D800-U+DFFF that no encoding can write, reachable only from
    Python) replaced by U+FFFD, the same length, so every span still points into ``text`` and the words around it
    still screen; ``text`` itself in the usual case. The tokenizer refuses such a string (a TypeError)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def screen(
    text: str,
    kind: str = "free_association",
    *,
    model: RiskModel | bool | None = True,
    encoder: Any | None = None,
    reading: lex.Reading | None = None,
    max_sentences: int | None = None,
) -> RiskScreen:
    """Screen one text (an entry, a session note, a measure's free text) for risk language.

    The level is the higher of the lexicon's (explicit phrases are floors) and the sentence model's: a sentence
    whose probability reaches ``sentence_threshold`` raises the entry to ``ideation`` unless evidence sets it
    aside (its suppression is then recorded with rule ``model``). The entry's ``model_score`` is the highest
    sentence probability. ``model=True`` uses the shipped model when installed, ``False``/``None`` screens on
    rules alone, or pass a :class:`RiskModel`. ``kind="dream"`` reads the whole text as dream content except
    sentences that speak of waking life. Works on any text, terse or not, in one encoder pass at most.
    ``reading``: the lexicon's reading of this ``text`` and ``kind`` when already made (the analysis pipeline's,
    shared with the defense analyzer's risk guard: :func:`reverie.analysis.risk_lexicon.document_reading`).
    ``max_sentences``: the sentence model reads at most this many sentences, the first and the last half of them
    (the save's bound, :data:`SAVE_SENTENCES`; the lexicon still reads the whole text); ``None``: every sentence.
    """
    whole = _whole(text)
    if whole is not text:  # a lone surrogate: read as U+FFFD, spans unchanged
        return screen(whole, kind, model=model, encoder=encoder, max_sentences=max_sentences)
    shown, where = lex.visible(text)
    if where is not None:
        # characters that print as nothing: read the text without them, point into the original
        return _pointing_into(
            screen(shown, kind, model=model, encoder=encoder, max_sentences=max_sentences), where, len(text)
        )
    if reading is None or reading.text != text or reading.kind != kind:
        reading = lex.reading(text, kind)
    hits = list(reading.hits)
    chosen = load_model() if model is True else model or None
    if chosen is None or chosen.sentence_weights is None:
        return _screen_rules(text, hits, chosen)
    scored = score_sentences(
        text,
        kind,
        hits,
        chosen,
        encoder=encoder,
        context=reading.context,
        levels=True,
        limit=None,
        ends=max_sentences,
    )
    t = chosen.sentence_threshold
    everyday = _everyday_alarms(text, hits, scored, t)
    blocked = _blocking(scored.blocked, everyday, EVERYDAY_WORD)
    blocked = _blocking(blocked, _scene_alarms(text, hits, scored, blocked, t), SCENE_ONLY)
    if kind in lex.SESSION_KINDS:
        blocked = _blocking(blocked, _heading_alarms(text, hits, scored, blocked, t), HEADING_ONLY)
    blocked = _blocking(blocked, _narrowed_alarms(text, hits, scored, blocked, t), NARROWED)
    blocked = _blocking(blocked, _unsupported(text, hits, scored, blocked, t, chosen.support), NO_SUPPORT)
    raising = [i for i, _, _ in _raised_units(scored, blocked, t)]
    top = max(scored.probabilities, default=0.0)
    rule_level = max((h.level for h in hits), default=0)
    model_level = IDEATION if raising else 0
    level = max(rule_level, model_level)
    triggers = [Trigger(Span(h.start, h.end), h.rule, LEVELS[h.level]) for h in hits if h.level > 0]
    if model_level > rule_level:
        triggers.extend(Trigger(Span(*scored.spans[i]), "model", LEVELS[model_level]) for i in raising)
    if level == IDEATION:
        rising = _level_raising(hits, scored, blocked, t, chosen.level_threshold)
        if rising:
            level = BEHAVIOR
            triggers.extend(Trigger(Span(*scored.spans[i]), LEVEL_RULE, LEVELS[BEHAVIOR]) for i in rising)
    suppressed = [Suppression(Span(h.start, h.end), h.rule, h.reason) for h in hits if h.reason]
    suppressed.extend(
        Suppression(Span(*span), "model", why)
        for span, p, why in zip(scored.spans, scored.probabilities, blocked, strict=True)
        if p >= t and why is not None and not any(span[0] <= h.start < span[1] and h.reason for h in hits)
    )
    suppressed.extend(Suppression(Span(s, e), name, EVERYDAY_WORD) for name, s, e in everyday.values())
    own = any(h.level > 0 and h.reason is None for h in hits)
    usable = max(
        (p for p, why in zip(scored.probabilities, blocked, strict=True) if why is None), default=0.0
    )
    score = _entry_score(level, usable if level < IDEATION else max(usable, top), t, own=own)
    return RiskScreen(
        level=LEVELS[level],
        score=score,
        threshold=t,
        triggers=tuple(sorted(triggers, key=lambda tr: (tr.span.start, tr.span.end))),
        suppressed=tuple(sorted(suppressed, key=lambda su: (su.span.start, su.span.end))),
        model_score=top,
        sentence_scores=scored.probabilities,
        rules_only=not scored.read and bool(scored.spans),
    )


def screen_with_labels(
    prose: str, labels: str, kind: str = "free_association", *, max_sentences: int | None = None
) -> RiskScreen:
    """Screen a text made of prose and, after it, short labels (feeling names, tags, people, where it was written):
    the whole of ``prose + "\n\n" + labels`` (or whichever is not empty) is what the spans point into. The prose
    is screened as :func:`screen` does; the labels by the lexicon, never as one unit by the sentence model (review
    r17's fix: tags "end of term", "last day", "goodbye" read as one unit scored 0.90), but each label by it where
    :func:`_read_labels` says. Explicit phrases in a label ("want to die") are floors as anywhere. ``max_sentences``:
    the save's bound, as in :func:`screen`."""
    if not labels.strip():
        return screen(prose, kind, max_sentences=max_sentences)
    shift = len(prose) + 2 if prose.strip() else 0
    tags = _read_labels(labels, kind, max_sentences)
    main = screen(prose, kind, max_sentences=max_sentences) if prose.strip() else None

    def moved(span: Span) -> Span:
        return Span(span.start + shift, span.end + shift)

    triggers = tuple(Trigger(moved(t.span), t.rule, t.level) for t in tags.triggers)
    suppressed = tuple(Suppression(moved(s.span), s.rule, s.reason) for s in tags.suppressed)
    if main is None:
        return replace(tags, triggers=triggers, suppressed=suppressed)
    level = max(LEVELS.index(main.level), LEVELS.index(tags.level))
    score = main.score
    if level > LEVELS.index(main.level):  # raised by a label: the score sits in that level's band
        score = max(score, _entry_score(level, 0.0, main.threshold, own=True))
    return replace(
        main,
        level=LEVELS[level],
        score=score,
        triggers=tuple(sorted(main.triggers + triggers, key=lambda tr: (tr.span.start, tr.span.end))),
        suppressed=tuple(sorted(main.suppressed + suppressed, key=lambda su: (su.span.start, su.span.end))),
    )


# A label longer than this, or holding a sentence's end, is written as sentences (a place field may hold 20,000
# characters of them): the sentence model reads it too, as it reads the prose (review r21).
LABEL_SENTENCE_CHARS = 60
_SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")


def sentence_like(label: str) -> bool:
    """Whether a label (a feeling's name, a tag, a place) is written as sentences: longer than
    :data:`LABEL_SENTENCE_CHARS` or holding a sentence's end."""
    text = label.strip()
    return len(text) > LABEL_SENTENCE_CHARS or bool(_SENTENCE_END.search(text))


def _label_spans(labels: str) -> list[tuple[int, int]]:
    """Each label's span in ``labels`` (labels are separated by a blank line)."""
    return [m.span() for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]*)*", labels)]


def _read_labels(labels: str, kind: str, max_sentences: int | None = None) -> RiskScreen:
    """The labels (each its own paragraph of ``labels``) read by the lexicon, and by the sentence model where the
    words call for it (review r21):

    - a label written as sentences (:func:`sentence_like`: a long place field) is screened as prose is, its
      sentence model's triggers added (``max_sentences`` as in :func:`screen`);
    - a label in which the lexicon finds risk language below the floor (``indicator``: "want to disappear", "no
      way out") and nothing at ideation or above is read once more, alone, by the sentence model, which raises it
      to ``ideation`` (trigger ``model``, the label's span) when it reads it so. Measured on labels alone, everyday
      labels with no risk words that the model misreads ("end of term" 0.88, "over it all" 0.94, "need to rest"
      0.85, "want to go home" 0.85) are never read by it, since the lexicon finds nothing in them.

    ``rules_only`` only when the sentence model is missing: short labels are read by the lexicon by design."""
    tags = screen(labels, kind, model=False)
    installed = sentence_model_installed()
    tags = replace(tags, rules_only=not installed)
    model = load_model()
    if not installed or model is None:
        return tags
    added: list[Trigger] = []
    set_aside: list[Suppression] = []
    for start, end in _label_spans(labels):
        label = labels[start:end]
        inside = [LEVELS.index(t.level) for t in tags.triggers if start <= t.span.start < end]
        if sentence_like(label):
            read = screen(label, kind, max_sentences=max_sentences)
            added += [
                Trigger(Span(t.span.start + start, t.span.end + start), t.rule, t.level)
                for t in read.triggers
                if t.rule in MODEL_RULES
            ]
            set_aside += [
                Suppression(Span(x.span.start + start, x.span.end + start), x.rule, x.reason)
                for x in read.suppressed
                if x.rule == "model"
            ]
        elif inside and max(inside) == INDICATOR and screen(label, kind).level == LEVELS[IDEATION]:
            added.append(Trigger(Span(start, end), "model", LEVELS[IDEATION]))
    if not added and not set_aside:
        return tags
    level = max([LEVELS.index(tags.level)] + [LEVELS.index(t.level) for t in added])
    score = tags.score
    if level >= IDEATION and level > LEVELS.index(tags.level):
        score = _entry_score(level, 0.0, model.sentence_threshold, own=True)
    return replace(
        tags,
        level=LEVELS[level],
        score=score,
        threshold=model.sentence_threshold if level > LEVELS.index(tags.level) else tags.threshold,
        triggers=tuple(sorted(tags.triggers + tuple(added), key=lambda tr: (tr.span.start, tr.span.end))),
        suppressed=tuple(
            sorted(tags.suppressed + tuple(set_aside), key=lambda su: (su.span.start, su.span.end))
        ),
    )


def _pointing_into(result: RiskScreen, where: Sequence[int], length: int) -> RiskScreen:
    """``result`` of the text without its invisible characters, its spans moved back into the original text
    (``where[i]``: where character ``i`` of the screened text stands in the original, of ``length`` characters)."""

    def back(span: Span) -> Span:
        return Span(*lex.span_in_original(span.start, span.end, where, length))

    return replace(
        result,
        triggers=tuple(Trigger(back(t.span), t.rule, t.level) for t in result.triggers),
        suppressed=tuple(Suppression(back(s.span), s.rule, s.reason) for s in result.suppressed),
    )


def _level_raising(
    hits: Sequence[lex.Hit],
    scored: SentenceScores,
    blocked: Sequence[str | None],
    threshold: float,
    level_threshold: float,
) -> list[int]:
    """The sentences the level model raises to ``behavior`` (fourteenth round): among those the screen flags —
    raised by the sentence model, or holding a counted lexicon phrase at ideation or above — and nothing set aside,
    the ones whose level probability reaches ``level_threshold``. It never flags a sentence the screen did not,
    never reaches ``attempt`` and never reads a set-aside one (``blocked``)."""
    out = []
    for i, ((s, e), q) in enumerate(zip(scored.spans, scored.level_probabilities, strict=False)):
        if q < level_threshold or blocked[i] is not None:
            continue
        lexicon = any(s <= h.start < e and h.level >= IDEATION for h in hits)
        if lexicon or scored.probabilities[i] >= threshold:
            out.append(i)
    return out


def _everyday_alarms(
    text: str, hits: Sequence[lex.Hit], scored: SentenceScores, threshold: float
) -> dict[int, tuple[str, int, int]]:
    """Model-alone alarms to set aside as everyday (tenth round): in an entry with no lexicon phrase at ideation or
    above, a sentence the model raises with no lexicon phrase in it, whose ambiguous word ("out", "over") sits in an
    everyday construction and which holds no guard word (:func:`reverie.analysis.risk_lexicon.everyday_word`):
    index → (construction, start, end). No encoder pass: this
    round's probe showed that masking the word leaves most of these alarms over the threshold ("I was out all
    night." 0.97 → 0.92 with "out" masked), so the evidence is the construction, not the model's sensitivity."""
    out: dict[int, tuple[str, int, int]] = {}
    if any(h.level >= IDEATION for h in hits):  # told beside a risk phrase, the sentence is context: kept
        return out
    for i, s, e in _raised_units(scored, scored.blocked, threshold):
        if any(s <= h.start < e for h in hits):
            continue
        found = lex.everyday_word(text, s, e)
        if found is not None:
            out[i] = found
    return out


def _scene_alarms(
    text: str,
    hits: Sequence[lex.Hit],
    scored: SentenceScores,
    blocked: Sequence[str | None],
    threshold: float,
) -> set[int]:
    """Alarms of the sentence model on a unit that sets a scene and says nothing of the writer (h152, review r126:
    "Two in the morning." read at ideation): a unit the model would raise, with no lexicon phrase in it, whose every
    word is of the closed class :data:`reverie.analysis.risk_lexicon.SCENE_WORDS` or a number, a time or a date
    (:func:`reverie.analysis.risk_lexicon.scene_only`). Such a unit never raises the entry by itself, whatever else
    the entry holds; the other units are read as before ("2am. i want it to stop." is flagged by its second)."""
    norm = lex.normalise(text)
    return {
        i
        for i, s, e in _raised_units(scored, blocked, threshold)
        if not any(s <= h.start < e for h in hits) and lex.scene_only(norm, s, e)
    }


def _blocking(blocked: Sequence[str | None], units: Container[int], reason: str) -> tuple[str | None, ...]:
    """``blocked`` with ``reason`` set on each unit of ``units`` (each set-aside step reads what the steps before it
    left raised)."""
    return tuple(reason if i in units else why for i, why in enumerate(blocked))


def _raised_units(
    scored: SentenceScores, blocked: Sequence[str | None], threshold: float
) -> Iterator[tuple[int, int, int]]:
    """``(index, start, end)`` of each unit the sentence model raises (its probability at ``threshold`` or above)
    that no reason has blocked: what :func:`_everyday_alarms`, :func:`_scene_alarms`, :func:`_heading_alarms` and
    :func:`_narrowed_alarms` each test with their own reading."""
    for i, ((s, e), p, why) in enumerate(zip(scored.spans, scored.probabilities, blocked, strict=True)):
        if p >= threshold and why is None:
            yield i, s, e


def _counted_phrase(hits: Sequence[lex.Hit], start: int, end: int) -> bool:
    """Whether a lexicon phrase counted at ideation or above (no reason set it aside) starts in ``[start, end)``."""
    return any(start <= h.start < end and h.level >= IDEATION and h.reason is None for h in hits)


def _heading_alarms(
    text: str,
    hits: Sequence[lex.Hit],
    scored: SentenceScores,
    blocked: Sequence[str | None],
    threshold: float,
) -> set[int]:
    """Alarms of the sentence model on a unit made only of a note's headings, fields answered nil and nil answers
    (2.16.1, h183, frozen37: "Risk assessment / Suicidal ideation:", "Q1 wish to be dead: No", "Self: no concerns",
    "Hx attempts: / None."; :func:`reverie.analysis.risk_lexicon.heading_only`), with no phrase in it counted at
    ideation or above. Such a unit never raises the entry by itself; a heading answered with an act keeps its unit
    (its answer is not nil) and the lexicon reads it."""
    norm = lex.normalise(text)
    return {
        i
        for i, s, e in _raised_units(scored, blocked, threshold)
        if not _counted_phrase(hits, s, e) and lex.heading_only(norm, s, e)
    }


def _narrowed_alarms(
    text: str,
    hits: Sequence[lex.Hit],
    scored: SentenceScores,
    blocked: Sequence[str | None],
    threshold: float,
) -> set[int]:
    """Alarms of the sentence model, no phrase in the unit counted at ideation or above, on a unit whose wish the rest
    of its line narrows to an ordinary object (2.16.1, h183: :func:`reverie.analysis.risk_lexicon.wish_narrowed`);
    never where the rest re-affirms ("Kidding. Not kidding.")."""
    norm = lex.normalise(text)
    return {
        i
        for i, s, e in _raised_units(scored, blocked, threshold)
        if not _counted_phrase(hits, s, e) and lex.wish_narrowed(norm, e, unit=True)
    }


def _unsupported(
    text: str,
    hits: Sequence[lex.Hit],
    scored: SentenceScores,
    blocked: Sequence[str | None],
    threshold: float,
    support: Support | None,
) -> set[int]:
    """Model-alone alarms without support (h37): in an entry with no lexicon phrase at ideation or above, the
    sentences the model would raise whose vector resembles no written genuine crisis line (highest cosine under
    ``support.threshold``). Abstain rather than guess: "Only a title" (0.894) has no crisis line near it. Nothing
    without a support (or an empty one), or beside a counted phrase (the lexicon's flags are untouched). Only an
    English sentence is set aside (r43): the support is written in English, so a line in another language ("je veux
    plus être là") resembles none of it whatever it says, and keeps the model's flag (fail safe)."""
    if support is None or not len(support.vectors) or scored.vectors is None:
        return set()
    if any(h.level >= IDEATION for h in hits):
        return set()
    candidates = [
        i
        for i, (p, why) in enumerate(zip(scored.probabilities, blocked, strict=True))
        if p >= threshold and why is None and looks_english(text[scored.spans[i][0] : scored.spans[i][1]])
    ]
    if not candidates:
        return set()
    near = support.resemblance(scored.vectors[candidates])
    return {i for i, cos in zip(candidates, near, strict=True) if cos < support.threshold}


def _entry_score(level: int, p: float, threshold: float, *, own: bool) -> float:
    """A score in [0, 1] that is >= ``threshold`` exactly when ``level`` is ideation or above: flagged levels sit
    in their band of [threshold, 1] (ideation < behavior < attempt) placed by ``p``; below, ``p`` scaled under it."""
    if level >= IDEATION:
        low, high = _band(level, threshold)
        return low + (high - low) * p
    return threshold * 0.99 * min(p, 1.0) * (1.0 if own else 0.5) if p < threshold else threshold * 0.99


def _screen_rules(text: str, hits: Sequence[lex.Hit], chosen: RiskModel | None) -> RiskScreen:
    """The lexicon alone (no sentence model installed): the n-gram model, if any, only places the score."""
    threshold = chosen.threshold if chosen is not None else RULES_ONLY_THRESHOLD
    seen = model_hits(hits)
    probability = chosen.probability(model_text(text, seen), seen) if chosen is not None else None
    level, score = decide(hits, probability, threshold)
    return RiskScreen(
        level=LEVELS[level],
        score=score,
        threshold=threshold,
        triggers=tuple(Trigger(Span(h.start, h.end), h.rule, LEVELS[h.level]) for h in hits if h.level > 0),
        suppressed=tuple(Suppression(Span(h.start, h.end), h.rule, h.reason) for h in hits if h.reason),
        model_score=probability,
        rules_only=True,
    )


def screen_person(
    texts: Sequence[str], *, model: RiskModel | bool | None = True, encoder: Any | None = None
) -> RiskScreen:
    """Screen a person's recent texts taken together (oldest first): the unit the person model was trained on.

    Here the model may raise the level to ``ideation`` without a phrase of the writer's own (the trigger is
    then ``model``, pointing at the n-grams that weighed most). This is for the therapist's overview of a
    person, not for starting the crisis flow on one entry. Spans index into the texts joined by blank lines.
    """
    joined = _whole("\n\n".join(texts))
    text, where = lex.visible(joined)
    if where is not None:
        return _pointing_into(screen_person([text], model=model, encoder=encoder), where, len(joined))
    hits = lex.read(text, "free_association")
    chosen = load_model() if model is True else model or None
    threshold = chosen.threshold if chosen is not None else RULES_ONLY_THRESHOLD
    masked = model_text(text, model_hits(hits))
    summary: list[float] = []
    if chosen is not None and chosen.summary_weights is not None:
        scored = score_sentences(
            text, "free_association", hits, chosen, encoder=encoder, limit=None, clauses=False
        )
        summary = sentence_summary(scored.probabilities, scored.blocked)
    probability = chosen.probability(masked, model_hits(hits), summary) if chosen is not None else None
    level, score = decide(hits, probability, threshold, person=True)
    triggers = [Trigger(Span(h.start, h.end), h.rule, LEVELS[h.level]) for h in hits if h.level > 0]
    if chosen is not None and level > max((h.level for h in hits), default=0):
        triggers.extend(Trigger(span, "model", LEVELS[level]) for span in chosen.evidence(masked))
    return RiskScreen(
        level=LEVELS[level],
        score=score,
        threshold=threshold,
        triggers=tuple(triggers),
        suppressed=tuple(Suppression(Span(h.start, h.end), h.rule, h.reason) for h in hits if h.reason),
        model_score=probability,
    )


SUMMARY_FEATURES = (
    "sentence_max",
    "sentence_top3_mean",
    "sentence_share_over_half",
    "sentence_log_count_over_half",
    # added in the third round (a person model trained on the first four reads only those: see ``probability``)
    "sentence_top5_mean",
    "sentence_mean",
    "sentence_share_over_0.8",
    "sentence_log_count_over_0.8",
)


def sentence_summary(probabilities: Sequence[float], blocked: Sequence[str | None] = ()) -> list[float]:
    """What the person model reads from the sentence scores (sentences set aside by evidence count as 0): the
    highest, the mean of the top three and top five, the mean, and the share and log count of sentences at or
    over 0.5 and 0.8 (fixed cut-offs, so the person model does not depend on the sentence threshold)."""
    probs = [p if not blocked or blocked[i] is None else 0.0 for i, p in enumerate(probabilities)]
    if not probs:
        return [0.0] * len(SUMMARY_FEATURES)
    ranked = sorted(probs, reverse=True)
    over = sum(1 for p in probs if p >= 0.5)
    high = sum(1 for p in probs if p >= 0.8)
    return [
        ranked[0],
        float(np.mean(ranked[:3])),
        over / len(probs),
        float(np.log1p(over)),
        float(np.mean(ranked[:5])),
        float(np.mean(probs)),
        high / len(probs),
        float(np.log1p(high)),
    ]


def decide(
    hits: Sequence[lex.Hit], probability: float | None, threshold: float, *, person: bool = False
) -> tuple[int, float]:
    """The level (index into ``LEVELS``) and a score in [0, 1] that is >= ``threshold`` exactly when flagged.

    Lexicon only (``person=False``, used when no sentence model is installed): the level is the lexicon's; the
    score sits in that level's band (below the threshold for none/indicator, then ideation < behavior < attempt),
    placed by the probability. A person's texts together (``person=True``): the score is the person model's
    probability (the unit it was trained on, so it ranks people best); a lexicon phrase at ideation or above still
    flags, its score then lifted just into the flagged band when the probability was below the threshold.
    """
    rule_level = max((h.level for h in hits), default=0)
    if person:
        p = probability if probability is not None else 0.0
        if rule_level >= IDEATION and p < threshold:  # flagged by a phrase: inside the band, in p's order
            return rule_level, threshold + PERSON_PHRASE_BAND * (1.0 - threshold) * p / threshold
        return max(rule_level, IDEATION if p >= threshold else 0), p
    p = probability if probability is not None else 0.5
    if rule_level >= IDEATION:
        low, high = _band(rule_level, threshold)
        return rule_level, low + (high - low) * p
    own = any(h.level > 0 and h.reason is None for h in hits)
    return rule_level, threshold * 0.99 * p * (1.0 if own else 0.5)


def _band(level: int, threshold: float) -> tuple[float, float]:
    """The part of [threshold, 1] that a lexicon level occupies."""
    low, high = LEVEL_BAND[level]
    return threshold + low * (1.0 - threshold), threshold + high * (1.0 - threshold)


def model_hits(hits: Sequence[lex.Hit]) -> list[lex.Hit]:
    """The hits the models read (2.16.2, h185): every hit but those of rules the shipped models were not trained with
    (:data:`reverie.analysis.risk_lexicon.UNTRAINED_RULES`), which raise the entry's level by themselves."""
    return [h for h in hits if h.rule not in lex.UNTRAINED_RULES]


def model_text(text: str, hits: Sequence[lex.Hit]) -> str:
    """The text the model reads: phrases the lexicon set aside are blanked (same length, same offsets)."""
    chars = list(text)
    for hit in hits:
        if hit.reason is not None:
            chars[hit.start : hit.end] = " " * (hit.end - hit.start)
    return "".join(chars)


def training_rows(text: str, kind: str = "free_association") -> list[tuple[str, list[float], bool]]:
    """What the sentence model is trained on for one written text, as ``scripts/train_risk.py`` builds it: each
    sentence with set-aside phrases blanked, its lexicon features, and whether evidence blocks it."""
    hits = model_hits(lex.read(text, kind))
    masked, norm = model_text(text, hits), lex.normalise(text)
    spans = sentence_spans(text)
    reasons = lex.sentence_reasons(text, kind, spans)
    return [
        (
            masked[s:e].strip() or ".",
            sentence_features(norm, (s, e), hits),
            sentence_block((s, e), hits, why) is not None,
        )
        for (s, e), why in zip(spans, reasons, strict=True)
    ]


def training_inputs_sha256(texts: Iterable[str]) -> str:
    """A hash of the sentence model's inputs for ``texts`` (``training_rows``): the manifest keeps the one of the
    written bank, so a lexicon change that alters what the model was trained on shows up as a mismatch (ninth
    round: the eighth round's lexicon changed bank features without a retrain, and the script no longer rebuilt the
    shipped artefact)."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update(json.dumps(training_rows(text), separators=(",", ":")).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


# --------------------------------------------------------------------------------------------------
# A person over time
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PersonRisk:
    """The highest level in the recent window, when it was seen, and which way scores are moving."""

    level: str
    on: date | None
    trend: str  # "rising" | "falling" | "stable" | "insufficient"
    screens: int
    window_days: int


def person_level(
    screens_over_time: Iterable[tuple[date | datetime, RiskScreen]],
    *,
    today: date | None = None,
    window_days: int = 30,
) -> PersonRisk:
    """Summarise dated screens: the highest recent level (latest date on ties) and the score trend.

    The trend compares the mean score of the later half of the window's screens with the earlier half;
    a difference under 0.1 is ``stable``; fewer than three screens in the window is ``insufficient``.
    """
    dated = sorted((_as_date(when), s) for when, s in screens_over_time)
    if not dated:
        return PersonRisk("none", None, "insufficient", 0, window_days)
    end = today or dated[-1][0]
    recent = [(d, s) for d, s in dated if 0 <= (end - d).days <= window_days]
    if not recent:
        return PersonRisk("none", None, "insufficient", 0, window_days)
    top = max(LEVELS.index(s.level) for _, s in recent)
    on = max(d for d, s in recent if LEVELS.index(s.level) == top)
    return PersonRisk(LEVELS[top], on, _trend([s.score for _, s in recent]), len(recent), window_days)


def _as_date(when: date | datetime) -> date:
    return when.date() if isinstance(when, datetime) else when


def _trend(scores: list[float]) -> str:
    if len(scores) < 3:
        return "insufficient"
    half = len(scores) // 2
    earlier, later = scores[:half], scores[len(scores) - half :]
    delta = sum(later) / len(later) - sum(earlier) / len(earlier)
    return "rising" if delta >= 0.1 else "falling" if delta <= -0.1 else "stable"


# --------------------------------------------------------------------------------------------------
# The registered analyzer
# --------------------------------------------------------------------------------------------------


def declared_model_hash(model_dir: Path = MODEL_DIR) -> str:
    """The model hash :func:`load_model` gives, from the manifests' recorded hashes (no weights loaded) and the
    support as :func:`load_support` finds it: "+support" names the sha256 of the vectors file actually there, and
    only when the support is whole (r43), so what is declared is what a load uses."""
    weights, manifest = model_dir / MODEL_FILE, model_dir / "manifest.json"
    if not (weights.is_file() and manifest.is_file()):
        return "rules-only"
    model_hash = str(json.loads(manifest.read_text(encoding="utf-8"))["model_hash"])
    level_weights, level_manifest = model_dir / LEVEL_FILE, model_dir / LEVEL_MANIFEST
    if level_weights.is_file() and level_manifest.is_file():
        level = json.loads(level_manifest.read_text(encoding="utf-8"))
        if level.get("format") == LEVEL_FORMAT:
            model_hash = f"{model_hash}+level:{str(level['model_hash'])[:16]}"
    found = load_support(model_dir)  # the digest of the vectors there, checked (cached by the files' digests)
    return model_hash if found is None else f"{model_hash}+support:{found.support_hash[:16]}"


# The analyzer as the registry knows it without building it (see registry.Declaration).
DECLARED = Declaration(
    version=VERSION,
    model_hash=declared_model_hash,
    applies_to=None,
    requires=frozenset({"sentences"}),
)


class RiskAnalyzer:
    name = "risk"
    version = DECLARED.version
    requires = DECLARED.requires
    produces = frozenset({"risk"})
    applies_to: frozenset[str] | None = DECLARED.applies_to

    def __init__(self, model: RiskModel | None) -> None:
        self._model = model
        self.model_hash = model.model_hash if model is not None else "rules-only"

    def run(self, doc: Document) -> list[Finding]:
        """Screens the whole text (:attr:`Document.full_text`, past MAX_ANALYSED_CHARS too: the save's screen reads
        it all), with or without sentences of the pipeline's (the language check may leave none)."""
        text = doc.full_text
        reading = lex.document_reading(doc) if text is doc.text else None  # the shared reading is of doc.text
        result = screen(text, doc.kind, model=self._model, reading=reading)
        return [
            Finding(
                analyzer=self.name,
                version=self.version,
                model_hash=self.model_hash,
                kind="risk",
                label=result.level,
                confidence=result.score,
                spans=tuple(t.span for t in result.triggers),
                data=result.to_data(),
            )
        ]


@register("risk", order=30, declared=DECLARED)
def build_risk_analyzer() -> RiskAnalyzer:
    return RiskAnalyzer(load_model())
