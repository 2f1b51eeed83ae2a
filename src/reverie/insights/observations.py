"""What Reverie noticed in one entry: at most five plain-language observations, each with its evidence and how sure.

Pure: it reads one analysis result (``reverie.analysis/1`` JSON) and the text it was made from. An observation is
offered only when its analyzer's measured figure supports it and the finding clears that analyzer's confidence
floor (``SUPPORT``; the figures are the ones in ``docs/evaluation.md``). Raw codes (CCRT clusters, DMRS levels,
Hall–Van de Castle codes) travel in ``Observation.codes`` for the therapist's "details", never in ``text``. A risk
screen that fired is returned on its own (``Reading.risk``): it is never one of the five, never hidden by an answer
to "does this fit?", and the page shows it calmly with the safety link.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from reverie.analysis.dreams.codes import EMOTION_CLIENT_WORDS
from reverie.analysis.dreams.lexicon import PERSON_NOUNS
from reverie.analysis.summary import quote
from reverie.insights.ccrt import cluster_of
from reverie.insights.goemotions import NEGATIVE

MAX_OBSERVATIONS = 5


@dataclass(frozen=True, slots=True)
class Support:
    """Why an analyzer may speak on the entry page: its measured figure and the floor a finding must clear."""

    noun: str  # "relationship": "you marked 7 of 10 relationship observations as fitting"
    figure: str  # the measured figure it rests on (docs/evaluation.md)
    score: float  # that figure, 0..1
    floor: float  # the finding's confidence must reach this
    # at or above: "fairly sure"; from ``floor`` to below it: "likely, less sure" (``LESS_SURE``)
    sure_at: float
    # How often its readings were right on the newest texts it was not tuned on (right, of), where measured so:
    # what the therapist's section of unverified readings says beside them (``insights.unverified``).
    unseen: tuple[int, int] | None = None


MIN_SCORE = 0.5  # an analyzer scoring below this on held-out data is not shown as an observation at all
# A feeling the writer names in so many words (the emotions layer's ``stated``: their own word, affirmed, not
# hedged, denied or someone else's) is shown from this confidence: the evidence is the word, not the head's
# probability. Measured (docs/insights.md, "Feelings the entry names"): on the 21 seen journal sets the feelings
# this adds were right 269 of 284 times (shown precision 213/275 -> 482/559).
STATED_FLOOR = 0.05
# Feelings shown only where the writer names them (or shows a bodily sign of them): what the head reads of them alone
# is more often wrong than right. Admiration (h182, review r132: "dinner with Sam was nice, we laughed a lot" showed
# admiration): GoEmotions' raters gave praise words ("nice", "great", "amazing") that label, so the head reads it
# wherever anything is praised, an evening, a view, money, sarcasm; on the 16 frozen journal files the panel showed
# admiration no word names 20 times, right 6 (the admiration the writer names: right 6 of 7).
NAMED_ONLY = frozenset({"admiration"})

SUPPORT: dict[str, Support] = {
    "relationships": Support(
        "relationship",
        "CCRT episodes counted as a person sees them (scripts/observation_precision.py: a shown observation is "
        "right when the text has an episode with that person and the same wish and response of self): on the "
        "newest vignettes, measured once (vignettes_frozen11), 5 of 20 were right at the old floor 0.6 and 2 of 8 "
        "at 0.7, the floor chosen on five earlier batches (67 of 98 there) — more often wrong than right on new "
        "voices, so relationship episodes are not put into words for you; their codes stay for the therapist",
        0.25,
        0.7,
        0.85,
        (5, 20),
    ),
    "feelings": Support(
        "feeling",
        "emotions on GoEmotions dev: labels read at confidence 0.5 or more matched the human raters in 74% of "
        "cases, at 0.8 or more in 85% (scripts/observation_thresholds.py; per-label thresholds were tuned on "
        "the same rows, so this is optimistic)",
        0.552,
        0.5,
        0.8,
    ),
    "mixed_feelings": Support(
        "mixed-feeling",
        "built from the emotion readings (each side must clear the emotions floor)",
        0.552,
        0.5,
        0.8,
    ),
    "unexplained": Support(
        "unexplained-feeling",
        "your own words (“I don't know why …”), found by a fixed list of phrases",
        0.9,
        0.8,
        0.8,
    ),
    "dreams": Support(
        "dream",
        "Hall–Van de Castle dreamer emotion: macro-F1 0.790 on coded dreams (0.632 on the held-out series)",
        0.79,
        0.6,
        0.8,
    ),
    "defenses": Support(
        "defense",
        "DMRS defense levels: macro-F1 0.198, too low to say anything to you; codes for the therapist only",
        0.198,
        1.01,
        1.01,
        (22, 55),  # DMRS levels right on defense_key_frozen11, the newest unseen key set (docs/evaluation.md)
    ),
}
ANALYZERS = tuple(SUPPORT)
# A shown finding under ``sure_at`` is still over its analyzer's shown floor, where its tests say it is likely to be
# right (feelings: 0.5 to 0.8 matched the raters in about 611 of 961 GoEmotions dev labels, the 74% of 1,913 from
# 0.5 less the 85% of 952 from 0.8). Until h136 it read "Reverie is unsure", right under the panel's line that
# findings are "shown only where its tests say it is likely to be right" (review r116): it is likely, less sure.
LESS_SURE = "Likely, but Reverie is less sure of this one"

_W = {
    1: "wanting to stand up for yourself",
    2: "wanting to push back against {who}",
    3: "wanting {who} to take charge",
    4: "wanting to keep your distance from {who}",
    5: "wanting to be close to {who}",
    6: "wanting {who} to love and understand you",
    7: "wanting to feel good and at ease with {who}",
    8: "wanting to achieve something",
}
_RO = {
    1: "{who} coming across as strong",
    2: "{who} trying to control you",
    3: "{who} getting upset",
    4: "{who} coming across as unkind",
    5: "{who} turning you away",
    6: "{who} helping you",
    7: "{who} warming to you",
    8: "{who} understanding you",
}
_RS = {
    1: "you helping",
    2: "you withdrawing",
    3: "you feeling respected",
    4: "you pushing back",
    5: "you keeping yourself in check",
    6: "you feeling helpless",
    7: "you feeling let down and low",
    8: "you feeling anxious and ashamed",
}
_ROLE = {
    "mother": ("your mother", "her"),
    "father": ("your father", "him"),
    "parents": ("your parents", "them"),
    "sibling": ("your brother or sister", "them"),
    "partner": ("your partner", "them"),
    "ex": ("a former partner", "them"),
    "child": ("your child", "them"),
    "friend": ("a friend", "them"),
    "boss": ("your boss", "them"),
    "colleague": ("a colleague", "them"),
    "teacher": ("a teacher", "them"),
    "therapist": ("your therapist", "them"),
}
_DREAM_EMOTIONS = EMOTION_CLIENT_WORDS  # h89: the series page's words for each HVdC class, one table
_SAFE_CODE = re.compile(r"[^A-Za-z0-9:_\-. ]")


@dataclass(frozen=True, slots=True)
class Observation:
    key: str  # stable within the entry; what a "does this fit?" answer is about (stored sealed)
    analyzer: str  # one of ANALYZERS
    text: str  # plain words, no codes
    evidence: tuple[str, ...]  # quotes from the entry, cut on word boundaries
    confidence: float
    codes: tuple[str, ...]  # raw codes, for the therapist's details only
    stated: bool = False  # a feeling the entry names in so many words (shown from ``STATED_FLOOR``)
    sign: bool = (
        False  # a feeling read from a bodily sign the entry describes ("heart racing"; from ``STATED_FLOOR``)
    )

    @property
    def ref(self) -> str:
        """An opaque handle for forms: no code appears in the page, the key stays on the server."""
        return hashlib.sha256(self.key.encode()).hexdigest()[:16]

    @property
    def sure(self) -> bool:
        return self.confidence >= SUPPORT[self.analyzer].sure_at

    @property
    def sureness(self) -> str:
        if self.stated and not self.sure:
            return "Named in the entry's own words"
        if self.sign and not self.sure:
            return "Read from a bodily sign the entry describes"  # r39: the person named the sign, not the feeling
        return "Reverie is fairly sure" if self.sure else LESS_SURE

    @property
    def noun(self) -> str:
        return SUPPORT[self.analyzer].noun


# Observations speak to the writer ("Your words carry …"). For anyone else reading the entry (the linked
# therapist) the same sentence is said about the client. The sentences come only from the fixed phrases above
# (plus a person's role or name), so rewording their "you"/"your" words is exact.
_OPENINGS = (
    ("Your words carry ", "The client's words carry "),
    ("You describe ", "The client describes "),
    ("You seem to feel ", "The client seems to feel "),
    ("You name a feeling you cannot place yet", "The client names a feeling they cannot place yet"),
    ("In the dream you feel ", "In the dream the client feels "),
    ("Your ", "The client's "),
)
_SECOND_PERSON = {"yourself": "themselves", "your": "their", "you": "them"}
_YOU = re.compile(r"\b(yourself|your|you)\b")


def about_the_client(text: str) -> str:
    """An observation's sentence for a reader who is not its writer: 'The client's words carry joy.'"""
    for opening, instead in _OPENINGS:
        if text.startswith(opening):
            text = instead + text[len(opening) :]
            break
    return _YOU.sub(lambda m: _SECOND_PERSON[m.group(1)], text)


def for_reader(observation: Observation, own: bool) -> Observation:
    """The observation as its reader sees it: unchanged for the writer, about the client for anyone else."""
    return observation if own else replace(observation, text=about_the_client(observation.text))


@dataclass(frozen=True, slots=True)
class Risk:
    level: str  # indicator, ideation, behavior, attempt
    model_alone: bool = (
        False  # flagged on the sentence model's reading alone, no explicit words (risk.model_alone)
    )

    @property
    def text(self) -> str:
        if (
            self.model_alone
        ):  # far more often a misreading: say what Reverie did, never how the writing sounds
            return (
                "Reverie's sentence reading flagged this entry, without any explicit words, and it may have misread"
                " you. If you are not safe right now, the safety page lists who you can reach today."
            )
        return (
            "Some of what you wrote sounds heavy. You do not have to carry it alone: if you are not safe "
            "right now, the safety page lists who you can reach today."
        )


@dataclass(frozen=True, slots=True)
class Reading:
    observations: tuple[Observation, ...]
    left_out: int  # readings below their floor or beyond the five
    risk: Risk | None


def _spans(raw: object) -> list[tuple[int, int]]:
    out = []
    for span in raw if isinstance(raw, list | tuple) else ():
        if isinstance(span, list | tuple) and len(span) == 2:
            out.append((int(span[0]), int(span[1])))
    return out


def _quotes(text: str, spans: Iterable[tuple[int, int]], most: int = 2) -> tuple[str, ...]:
    seen: list[str] = []
    for start, end in spans:
        q = quote(text, start, end)
        if q and q not in seen and not any(q in s for s in seen):
            seen.append(q)
        if len(seen) == most:
            break
    return tuple(seen)


def _code(value: object) -> str:
    return _SAFE_CODE.sub("", str(value))[:40]


def _who(role: str) -> tuple[str, str]:
    return _ROLE.get(role, ("someone", "them"))


# The parts of an episode put into words on the entry page. The other's response (RO) is left out: on new
# vignettes measured once a shown RO code was right 38% of the time (41% at the floor; 47% on the second frozen
# batch in grouped cross-validation), less often than not. Its code stays in ``codes`` for the therapist.
WORDED = frozenset({"w", "rs"})


def _relationship(text: str, finding: Mapping[str, Any], floor: float) -> Observation | None:
    data = finding.get("data") or {}
    role = str(data.get("other") or finding.get("label") or "other")
    first, again = _who(role)
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    codes: list[str] = []
    named = False
    confidences = []
    for key, phrases in (("w", _W), ("ro", _RO), ("rs", _RS)):
        component = data.get(key)
        cluster = cluster_of(component)
        if cluster is None or not isinstance(component, dict):
            continue
        if float(component.get("confidence", finding.get("confidence", 0.0))) < floor:
            continue
        codes.append(f"{key.upper()}{cluster}")
        if key not in WORDED:
            continue
        phrase = phrases[cluster]
        if key == "rs":
            phrase = phrase.removeprefix("you ")
            phrase = f"then {phrase}" if parts else phrase
        if "{who}" in phrase:
            phrase = phrase.format(who=again if named else first)
            named = True
        parts.append(phrase)
        confidences.append(float(component.get("confidence", 0.0)))
        spans.extend(_spans([component.get("span")]))
    if not parts:
        return None
    if not named and role in _ROLE:
        parts.append(f"with {first}")
    words = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    if len(parts) == 2 and parts[-1].startswith("with "):
        words = f"{parts[0]} {parts[1]}"
    confidence = min(float(finding.get("confidence", 0.0)), *confidences)
    return Observation(
        key=f"relationships:{_code(role)}:{'-'.join(codes)}",
        analyzer="relationships",
        text=f"You describe {words}.",
        evidence=_quotes(text, spans, most=3),
        confidence=confidence,
        codes=(f"CCRT {' '.join(codes)}", f"other: {_code(role)}"),
    )


def _feeling(text: str, finding: Mapping[str, Any]) -> Observation:
    label = str(finding["label"])
    evidence = _quotes(text, _spans(finding.get("spans")), most=1)
    return Observation(
        key=f"feelings:{_code(label)}",
        analyzer="feelings",
        text=f"Your words carry {label.replace('_', ' ')}.",
        evidence=evidence,
        confidence=float(finding["confidence"]),
        codes=(f"GoEmotions {_code(label)}",),
        # "Named in the entry's own words" only where the quote shown holds a word naming it (r128)
        stated=_named(finding.get("data") or {}) and names_the_feeling(label, evidence),
        sign=_sign(finding.get("data") or {}),
    )


def _naming_words() -> dict[str, frozenset[str]]:
    """Each feeling's words that name it (the emotions layer's family words and the verbs whose object feels it, in
    their usual forms, and the feeling's own name): what "Named in the entry's own words" must find in a quote."""
    from reverie.analysis.emotion_scope import LEXICON, VERB_LEXICON

    def forms(word: str) -> set[str]:
        stem = word[:-1] if word.endswith(("e", "y")) else word
        ied = {word[:-1] + "ied", word[:-1] + "ies"} if word.endswith("y") else set()
        return {word, word + "s", word + "es", word + "d", word + "ed", stem + "ing", stem + "ed", *ied}

    words: dict[str, set[str]] = {}
    for label, family in LEXICON.items():
        words.setdefault(label, set()).update(w for word in (label, *family) for w in forms(word))
    for verb, labels in VERB_LEXICON.items():
        for label in labels:
            words.setdefault(label, {label}).update(forms(verb))
    return {label: frozenset(found) for label, found in words.items()}


_NAMING = _naming_words()
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def names_the_feeling(label: str, quotes: Iterable[str]) -> bool:
    """Whether a quote holds a word that names the feeling ``label`` (:func:`_naming_words`): "I'm furious" names
    anger, "I miss her and I want her gone" names no sadness (review r128: it was labelled "Named in the entry's own
    words" because the emotions layer counts "miss" and "feel bad" as the writer stating it)."""
    from reverie.analysis.emotion_scope import idiom_names

    wanted = _NAMING.get(label, frozenset({label}))
    return any(w.casefold() in wanted for q in quotes for w in _WORD.findall(q)) or any(
        idiom_names(label, q) for q in quotes
    )


def _named(data: Mapping[str, Any]) -> bool:
    """A feeling the entry names in so many words: the emotions layer's ``stated``, never an implied one."""
    return bool(data.get("stated")) and not data.get("implied")


def _sign(data: Mapping[str, Any]) -> bool:
    """A feeling read from a bodily sign the entry describes (emotions 1.16.0 ``sign``; before, marked ``stated``)."""
    return bool(data.get("sign")) and not data.get("implied")


def feeling_shown(confidence: float, data: Mapping[str, Any], label: str) -> bool:
    """An emotion reading the entry page shows: over the feelings floor, or named in the writer's own words, or
    read from a bodily sign the entry describes (shown as before emotions 1.16.0, when signs were marked ``stated``);
    a feeling the writer names joined to another they name ("I woke up furious and also somehow relieved", emotions
    1.20.0 ``together``) whatever the head's share of the sentence gave it (review r132: anger 0.025 beside relief
    0.155 was left out, so mixed feelings read as one). A feeling of ``NAMED_ONLY`` only where it is so named or
    shown.

    The one bar for feelings: the entry page here, every patterns page through ``shown.counted``."""
    said = _named(data) or _sign(data)
    together = _named(data) and bool(data.get("together"))
    if label in NAMED_ONLY and not said:
        return False
    return confidence >= SUPPORT["feelings"].floor or (said and confidence >= STATED_FLOOR) or together


def listed(words: Sequence[str]) -> str:
    """Words as an English list: "love", "love and anger", "love, relief, disappointment and sadness"."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def mixed_feelings_named(read: Sequence[str], rated: Sequence[tuple[str, int]]) -> list[str]:
    """The feelings a sentence about mixed feelings toward someone names: the person's own rated feelings first,
    strongest first, never left out (review r128: "love and relief and disappointment and sadness toward your
    mother" left out the anger she rated 4 of 5), then the ones read from the words that none of them names."""
    own = [name for name, _ in sorted(rated, key=lambda r: -r[1]) if name.strip()]
    out = list(dict.fromkeys(own))
    for label in read:
        word = label.replace("_", " ")
        if word.casefold() not in {o.casefold() for o in out} and not any(
            names_the_feeling(label, [name]) for name in own
        ):
            out.append(word)
    return out


def _mixed(text: str, finding: Mapping[str, Any], rated: Sequence[tuple[str, int]] = ()) -> Observation:
    data = finding.get("data") or {}
    role = str(data.get("role") or "other")
    who = str(data.get("name") or _who(role)[0]) if role == "other" else _who(role)[0]
    read = [str(p) for p in (data.get("positive") or [])[:2]] + [
        str(n) for n in (data.get("negative") or [])[:2]
    ]
    feelings = mixed_feelings_named(read, rated)
    both = "both " if len(feelings) == 2 else ""
    return Observation(
        key=f"mixed_feelings:{_code(finding.get('label'))}",
        analyzer="mixed_feelings",
        text=f"You seem to feel {both}{listed(feelings)} toward {who}.",
        evidence=_quotes(text, _spans(finding.get("spans"))),
        confidence=float(finding["confidence"]),
        codes=(f"ambivalence {_code(role)}",),
    )


def _unexplained(text: str, finding: Mapping[str, Any]) -> Observation:
    return Observation(
        key=f"unexplained:{_code(finding.get('label'))}",
        analyzer="unexplained",
        text="You name a feeling you cannot place yet.",
        evidence=_quotes(text, _spans(finding.get("spans")), most=1),
        confidence=float(finding["confidence"]),
        codes=(f"unexplained_feeling {_code(finding.get('label'))}",),
    )


def _dream_codes(text: str, findings: Sequence[Mapping[str, Any]], floor: float) -> list[Observation]:
    out = []
    felt: dict[str, tuple[float, list[tuple[int, int]]]] = {}
    people: list[tuple[str, float, tuple[int, int] | None, str]] = []
    all_spans: dict[str, list[tuple[int, int]]] = {}
    for f in findings:
        data = f.get("data") or {}
        confidence = float(f["confidence"])
        if confidence < floor:
            continue
        if data.get("category") == "emotion" and "D" in (data.get("characters") or []):
            code = str(data.get("code", ""))
            best = felt.get(code, (0.0, []))
            felt[code] = (max(best[0], confidence), best[1] + _spans(f.get("spans")))
        elif data.get("category") == "character":
            label = str(data.get("label") or "")
            if label and label.lower() not in {p[0].lower() for p in people}:
                span = next(iter(_spans(f.get("spans"))), None)
                people.append((label, confidence, span, str(data.get("code", ""))))
                all_spans[label] = _spans(f.get("spans"))
    for code, (confidence, spans) in sorted(felt.items(), key=lambda kv: -kv[1][0]):
        if code in _DREAM_EMOTIONS:
            out.append(
                Observation(
                    key=f"dreams:emotion:{_code(code)}",
                    analyzer="dreams",
                    text=f"In the dream you feel {_DREAM_EMOTIONS[code]}.",
                    evidence=_quotes(text, spans, most=1),
                    confidence=confidence,
                    codes=(f"HVdC emotion {_code(code)}",),
                )
            )
    if people:
        names = [
            _character_words(text, label, span, code, all_spans.get(label, ()))
            for label, _, span, code in people[:3]
        ]
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        one = len(names) == 1 and people[0][3][:1] in {"1", "3"}
        out.append(
            Observation(
                key="dreams:characters",
                analyzer="dreams",
                text=f"{who[0].upper()}{who[1:]} appear{'s' if one else ''} in the dream.",
                evidence=_quotes(text, [p[2] for p in people if p[2] is not None], most=3),
                confidence=min(p[1] for p in people[:3]),
                codes=tuple(f"HVdC character {_code(p[3])}" for p in people[:3]),
            )
        )
    return out


def _character_words(
    text: str,
    label: str,
    span: tuple[int, int] | None,
    code: str,
    spans: Sequence[tuple[int, int]] = (),
) -> str:
    """A dream character as a person reads it in a list: "your grandmother", "a dog", "Sarah", "policemen",
    "your sister Lena".

    From the character's code (number, then identity; see ``analysis.dreams.codes``): family and relatives are
    "your …", a named person keeps the name, one other person or animal takes "a"/"an", a group keeps the word
    as written (its plural). The label is the noun's lemma, so it is never quoted text beyond one word. A relative
    the dream names ("my sister Lena", "Lena, my sister": the label is the name, not a role word) is "your" and the
    role word written among the character's ``spans`` before the name, which stays a name: capitalised as typed, or
    title-cased when typed in lower case (r134: never "your lena").
    """
    group = code[:1] in {"2", "4", "6"}
    written = text[span[0] : span[1]] if span is not None else label
    word = (written if group else label).lower()
    if label[:1].isupper() and code[2:3] in {"K", "P"}:
        return label  # a name, as written
    if code[2:3] in _FAMILY_IDENTITIES:
        if label.lower() not in PERSON_NOUNS and label.isalpha():  # a name given to a relative
            name = label if label[:1].isupper() else label.title()
            roles = [text[a:b].lower() for a, b in spans if text[a:b].lower() in PERSON_NOUNS]
            return f"your {roles[0]} {name}" if roles else name
        return f"your {word}"
    if group:
        return word
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


_FAMILY_IDENTITIES = frozenset("FMXBTHWADYR")
_ORDER = {"relationships": 0, "mixed_feelings": 1, "unexplained": 2, "feelings": 3, "dreams": 4}
_RISK = ("indicator", "ideation", "behavior", "attempt")


def stronger(*risks: Risk | None) -> Risk | None:
    """The strongest of several readings of one entry's risk (the analysis's, the save-time screen's), None when
    none flagged it; of two at one level, the one with explicit words (not on the sentence model alone)."""
    found = [r for r in risks if r is not None and r.level in _RISK]
    if not found:
        return None
    return max(found, key=lambda r: (_RISK.index(r.level), not r.model_alone))


def risk_of(result: Mapping[str, Any]) -> Risk | None:
    """The strongest risk screen finding of a stored result, alone: the entry page shows it whatever the client
    chose for the observations (it reads no words of the entry)."""
    risk = None
    for f in result.get("findings", []):
        level = str(f.get("label"))
        if (
            f.get("kind") == "risk"
            and level in _RISK
            and (risk is None or _RISK.index(level) > _RISK.index(risk.level))
        ):
            from reverie.analysis.risk import data_model_alone

            risk = Risk(level, data_model_alone(f.get("data") or {}))
    return risk


def read_entry(
    text: str,
    result: Mapping[str, Any],
    *,
    limit: int = MAX_OBSERVATIONS,
    rated: Sequence[tuple[str, int]] = (),
) -> Reading:
    """The observations worth showing for one entry (strongest first, at most ``limit``) and the risk screen.

    ``rated``: the feelings the person gave the entry, (name, intensity 1–5): named first in a sentence about
    mixed feelings toward someone."""
    findings: list[Mapping[str, Any]] = list(result.get("findings", []))
    candidates: list[Observation] = []
    below = 0
    risk = risk_of(result)
    phrases = risk_phrases(text, findings)
    findings = readings_apart_from_risk(findings)
    for f in findings:
        kind = f.get("kind")
        data = f.get("data") or {}
        confidence = float(f.get("confidence", 0.0))
        if kind == "risk":
            continue
        elif kind == "episode":
            obs = _relationship(text, f, SUPPORT["relationships"].floor)
            if obs is None or confidence < SUPPORT["relationships"].floor:
                below += 1
            else:
                candidates.append(obs)
        elif kind == "emotion" and data.get("scope") == "entry" and f.get("label") != "neutral":
            if feeling_shown(confidence, data, str(f.get("label"))):
                candidates.append(_feeling(text, f))
            else:
                below += 1
        elif kind == "ambivalence":
            if confidence >= SUPPORT["mixed_feelings"].floor:
                candidates.append(_mixed(text, f, rated))
            else:
                below += 1
        elif kind == "unexplained_feeling":
            if confidence >= SUPPORT["unexplained"].floor:
                candidates.append(_unexplained(text, f))
            else:
                below += 1
        elif kind in ("defense", "odf"):
            below += 1  # DMRS is below MIN_SCORE: codes for the therapist only
    dream = [f for f in findings if f.get("kind") == "dream_code"]
    if dream:
        candidates.extend(_dream_codes(text, dream, SUPPORT["dreams"].floor))
    if phrases:
        candidates = [replace(o, evidence=without_risk_words(o.evidence, phrases)) for o in candidates]
    candidates = [
        o for o in candidates if o.evidence
    ]  # r128: never a reading with no words of the entry behind it
    unique: dict[str, Observation] = {}
    for obs in candidates:
        if SUPPORT[obs.analyzer].score < MIN_SCORE:
            below += 1  # its analyzer is more often wrong than right on new writers: not said, counted
            continue
        if obs.key not in unique or unique[obs.key].confidence < obs.confidence:
            unique[obs.key] = obs
    ranked = sorted(unique.values(), key=lambda o: (_ORDER.get(o.analyzer, 9), -o.confidence))
    # Keep variety: at most two of one kind before the rest get a turn.
    first: list[Observation] = []
    rest: list[Observation] = []
    per: dict[str, int] = {}
    for obs in ranked:
        per[obs.analyzer] = per.get(obs.analyzer, 0) + 1
        (first if per[obs.analyzer] <= 2 else rest).append(obs)
    chosen = (first + rest)[:limit]
    return Reading(tuple(chosen), below + len(ranked) - len(chosen), risk)


# The kinds of finding put into words as a reading of the person (the entry page, every summary): each rests on the
# words its spans point to, and is said only while some of them are left once the risk screen's words are set aside.
READING_KINDS = frozenset({"emotion", "ambivalence", "unexplained_feeling", "episode", "dream_code"})


def risk_spans(findings: Iterable[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """The spans of the words the risk screen flagged in an analysis (its ``risk`` findings at a level, never a
    finding of no risk, ``none``, which may span the whole text)."""
    return [
        span
        for f in findings
        if f.get("kind") == "risk" and f.get("label") in _RISK
        for span in _spans(f.get("spans"))
    ]


def spans_apart_from_risk(
    kind: str, label: str, spans: Sequence[tuple[int, int]], risk: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The spans a reading may rest on once the words the risk screen flagged (``risk``) are set aside.

    Words that hold them are evidence of the risk alone: "I keep hoping I won't wake up" is no optimism, "I wish I
    could just disappear" no desire (review r128). A feeling's span is one sentence (the emotions layer's): one
    holding risk words is dropped. Another reading's span may run over several sentences (an unexplained feeling's
    marker to the end of the text): it is kept while it holds words outside them (the panel's quote then ends at
    the sentence before them, :func:`without_risk_words`). A reading of a feeling that is not a painful one (anything
    outside GoEmotions' negative group), or of mixed feelings (which name a warm one), resting on any span that
    holds risk words is dropped whole, whatever else it rests on. A reading left with no span is not said anywhere
    (:func:`readings_apart_from_risk`)."""
    if not risk:
        return list(spans)
    touching = [s for s in spans if any(s[0] < b and a < s[1] for a, b in risk)]
    if not touching:
        return list(spans)
    if kind == "ambivalence" or (kind == "emotion" and label not in NEGATIVE):
        return []
    out: list[tuple[int, int]] = []
    for span in spans:
        if span not in touching:
            out.append(span)
        elif kind != "emotion" and _outside(span, risk):
            out.append(span)  # its quote is cut before the risk words where it is shown (without_risk_words)
    return out


def _outside(span: tuple[int, int], risk: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``span`` outside every risk span, each of at least 3 characters (none: it holds only them)."""
    pieces = [span]
    for a, b in risk:
        pieces = [p for s, e in pieces for p in ((s, min(e, a)), (max(s, b), e)) if p[1] - p[0] >= 3]
    return pieces


def readings_apart_from_risk(findings: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """An analysis's findings (raw JSON) as a reading may use them: each reading's spans apart from the risk
    screen's words (:func:`spans_apart_from_risk`), a reading left with none (or stored with none) taken out. The
    entry page's rule (:func:`read_entry`), and every summary's through ``insights.shown``."""
    risk = risk_spans(findings)
    out: list[Mapping[str, Any]] = []
    for f in findings:
        kind = str(f.get("kind"))
        if kind not in READING_KINDS:
            out.append(f)
            continue
        spans = spans_apart_from_risk(kind, str(f.get("label")), _spans(f.get("spans")), risk)
        if spans:
            out.append({**f, "spans": [list(s) for s in spans]})
    return out


def risk_phrases(text: str, findings: Iterable[Mapping[str, Any]]) -> list[str]:
    """The words the risk screen read in ``text`` (the analysed text its findings' spans point into), each as one
    line: what no quote of the entry repeats back (:func:`without_risk_words`)."""
    return [
        " ".join(text[a:b].split())
        for f in findings
        if f.get("kind") == "risk"
        for a, b in _spans(f.get("spans"))
    ]


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def risk_free_head(text: str, phrases: list[str]) -> str:
    """``text``'s whole sentences before the first one that holds words the risk screen read (any of ``phrases``,
    matched whole, case and spacing aside), decided before any quote is cut: a quote of what is returned never
    holds a risk phrase, whole or in part. The whole text when none does; empty when the first sentence does."""
    from reverie.analysis.risk import sentence_spans

    wanted = [_folded(p) for p in phrases if p.strip()]
    if not wanted:
        return text
    for a, b in sentence_spans(text):
        sentence = _folded(text[a:b])
        if any(p in sentence or sentence in p for p in wanted):
            return text[:a].strip()
    return text


def _risk_at(q: str, phrase: str) -> int:
    """Where ``phrase`` (or its first 12 characters) begins in the quote ``q``, or where the quote was cut inside it
    (the quote ends " …" after the phrase's first words); -1 when it holds none of it."""
    at = q.find(phrase[:12])
    if at >= 0:
        return at
    if not q.endswith("…"):
        return -1
    body = q.removesuffix("…").rstrip()
    words = phrase.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if body.casefold().endswith(head.casefold()):
            before = len(body) - len(head)
            if before == 0 or not body[before - 1].isalnum():
                return before
    return -1


def without_risk_words(quotes: tuple[str, ...], phrases: list[str]) -> tuple[str, ...]:
    """Quotes with the words the risk screen read taken out: the entry page's panel and the patterns report's
    evidence never quote them back as an insight.

    A quote that reaches them (their first 12 characters, as a quote may be shortened, or their first words where
    the quote was cut inside them, review r77) ends at the last full sentence before them, or is dropped when
    nothing is left.
    """
    out = []
    for q in quotes:
        at = min((found for p in phrases if p and (found := _risk_at(q, p)) >= 0), default=-1)
        if at < 0:
            out.append(q)
            continue
        head = q[:at]
        end = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
        kept = head[: end + 1].strip() if end >= 0 else ""
        if len(kept) >= 3:
            out.append(kept)
    return tuple(out)


def _feeds(finding: Mapping[str, Any], key: str) -> bool:
    """Whether ``finding`` (raw JSON) is one of the findings the observation ``key`` (:func:`read_entry`) rests on."""
    kind, label, data = finding.get("kind"), _code(finding.get("label")), finding.get("data") or {}
    # "Your words carry sadness.": the writer's own readings of that feeling in the entry
    if kind == "emotion":
        return key == f"feelings:{label}" and data.get("scope") in {"entry", "sentence"}
    if kind == "ambivalence":
        return key == f"mixed_feelings:{label}"
    if kind == "unexplained_feeling":
        return key == f"unexplained:{label}"
    if kind == "episode":
        obs = _relationship("", finding, SUPPORT["relationships"].floor)
        return obs is not None and obs.key == key
    if kind == "dream_code":
        if data.get("category") == "emotion":
            return key == f"dreams:emotion:{_code(data.get('code', ''))}"
        return key == "dreams:characters" and data.get("category") == "character"
    return False


def put_away(findings: Sequence[Mapping[str, Any]], keys: Iterable[str]) -> list[Mapping[str, Any]]:
    """An entry's findings (raw JSON) without those behind the observations the person marked "doesn't fit"
    (``keys``, :attr:`Observation.key`): the entry page folds such an observation away, and every summary built
    from the entry (the patterns pages, the PDF, the dream series, the feelings calendar's model layer) leaves out
    what it rested on. A dream's people ("Your mother appears in the dream.") take with them the mentions of the
    same people in that dream (a ``person`` finding on a character's words or of its label), which the patterns
    count as "appears in N dreams". The risk screen's findings are never put away."""
    keys = frozenset(keys)
    if not keys:
        return list(findings)
    gone = [f for f in findings if f.get("kind") != "risk" and any(_feeds(f, k) for k in keys)]
    people = [f for f in gone if (f.get("data") or {}).get("category") == "character"]
    labels = {str((f.get("data") or {}).get("label") or f.get("label") or "").lower() for f in people} - {""}
    spans = [s for f in people for s in _spans(f.get("spans"))]

    def same_person(f: Mapping[str, Any]) -> bool:
        if f.get("kind") != "person" or not people:
            return False
        if str(f.get("label") or "").lower() in labels:
            return True
        return any(a < d and c < b for a, b in _spans(f.get("spans")) for c, d in spans)

    return [f for f in findings if not any(f is g for g in gone) and not same_person(f)]
