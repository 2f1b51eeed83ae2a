"""HVdC indicators over a series of dream codings, each with its numerator and denominator.

The formulas follow the indicators published with the Hall–Van de Castle norms (dreamresearch.net, the
DreamSAT spreadsheet): percentages are ``part ÷ (part + rest)`` over the codes of the whole series, indexes
are ``interactions ÷ characters``, and "dreams with at least one" is a share of dreams. A zero denominator
gives ``value is None`` ("undefined"), never a division error.

Choices where the published description leaves room (see docs/dreams.md):
* mutual (``=``) interactions and responses (``R``) count toward the A/C, F/C and S/C indexes and toward
  Aggression/Friendliness %, but not toward Aggressor %, Befriender % or Self-negativity %, which ask who
  started an interaction; with this rule the DreamBank hand codes of the norm dreams reproduce the
  published Aggressor % and Befriender % within about a point;
* an interaction the dreamer starts together with others counts as the dreamer's;
* Family % counts family members and relatives;
* Familiar setting % is (familiar + distorted familiar) ÷ (those + unfamiliar): geographical and
  questionable settings are left out; Indoor setting % leaves out ambiguous settings and "no setting".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from reverie.analysis.dreams.codes import (
    BODILY_MISFORTUNE_MIN_LEVEL,
    BODY_PART_CODES,
    NEGATIVE_EMOTIONS,
    PHYSICAL_AGGRESSION_MIN_LEVEL,
    TORSO_ANATOMY_CODES,
    DreamCoding,
)

IndicatorKind = Literal["percent", "index"]


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    name: str
    group: str
    kind: IndicatorKind
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        """The ratio on the 0–1 scale (an index may exceed 1); None when the denominator is zero."""
        if self.denominator == 0:
            return None
        return self.numerator / self.denominator


Ratio = tuple[int, int]


@dataclass(frozen=True, slots=True)
class IndicatorSpec:
    key: str
    name: str
    group: str
    kind: IndicatorKind
    ratio: Callable[[Counter[str]], Ratio]
    needs_objects: bool = False


def _share(part: str, *rest: str) -> Callable[[Counter[str]], Ratio]:
    """``part ÷ (part + rest…)``."""

    def ratio(t: Counter[str]) -> Ratio:
        return t[part], t[part] + sum(t[r] for r in rest)

    return ratio


def _over(part: str, whole: str) -> Callable[[Counter[str]], Ratio]:
    def ratio(t: Counter[str]) -> Ratio:
        return t[part], t[whole]

    return ratio


def _sums(parts: Sequence[str], whole: Sequence[str]) -> Callable[[Counter[str]], Ratio]:
    def ratio(t: Counter[str]) -> Ratio:
        return sum(t[p] for p in parts), sum(t[w] for w in whole)

    return ratio


_SELF_NEGATIVE = ("d_victim", "d_misfortune", "d_failure")
_SELF_ALL = (*_SELF_NEGATIVE, "d_aggressor", "d_good_fortune", "d_success")
AT_LEAST_ONE = (
    "aggression",
    "friendliness",
    "sexuality",
    "misfortune",
    "good_fortune",
    "success",
    "failure",
    "striving",
)

INDICATORS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec("male_female", "Male/Female %", "characters", "percent", _share("male", "female")),
    IndicatorSpec("familiarity", "Familiarity %", "characters", "percent", _share("familiar", "unfamiliar")),
    IndicatorSpec("friends", "Friends %", "characters", "percent", _over("known", "humans")),
    IndicatorSpec("family", "Family %", "characters", "percent", _over("family", "humans")),
    IndicatorSpec(
        "dead_imaginary", "Dead & Imaginary %", "characters", "percent", _over("dead_imag", "chars")
    ),
    IndicatorSpec("animal", "Animal %", "characters", "percent", _over("animals", "chars")),
    IndicatorSpec("ac_index", "A/C index", "social interactions", "index", _over("aggression", "chars")),
    IndicatorSpec("fc_index", "F/C index", "social interactions", "index", _over("friendliness", "chars")),
    IndicatorSpec("sc_index", "S/C index", "social interactions", "index", _over("sexuality", "chars")),
    IndicatorSpec(
        "aggression_friendliness",
        "Aggression/Friendliness %",
        "social interactions",
        "percent",
        _share("d_aggression", "d_friendliness"),
    ),
    IndicatorSpec(
        "befriender", "Befriender %", "social interactions", "percent", _share("d_befriender", "d_befriended")
    ),
    IndicatorSpec(
        "aggressor", "Aggressor %", "social interactions", "percent", _share("d_aggressor", "d_victim")
    ),
    IndicatorSpec(
        "physical_aggression",
        "Physical aggression %",
        "social interactions",
        "percent",
        _over("physical_aggression", "aggression"),
    ),
    IndicatorSpec("indoor_setting", "Indoor setting %", "settings", "percent", _share("indoor", "outdoor")),
    IndicatorSpec(
        "familiar_setting",
        "Familiar setting %",
        "settings",
        "percent",
        _share("familiar_set", "unfamiliar_set"),
    ),
    IndicatorSpec(
        "self_negativity", "Self-negativity %", "self-concept", "percent", _sums(_SELF_NEGATIVE, _SELF_ALL)
    ),
    IndicatorSpec(
        "bodily_misfortunes",
        "Bodily misfortunes %",
        "self-concept",
        "percent",
        _over("bodily_mf", "misfortune"),
    ),
    IndicatorSpec(
        "negative_emotions",
        "Negative emotions %",
        "self-concept",
        "percent",
        _over("negative_emotion", "emotion"),
    ),
    IndicatorSpec(
        "dreamer_success",
        "Dreamer-involved success %",
        "self-concept",
        "percent",
        _share("d_success", "d_failure"),
    ),
    IndicatorSpec(
        "torso_anatomy",
        "Torso/anatomy %",
        "self-concept",
        "percent",
        _over("torso_anatomy", "body_parts"),
        needs_objects=True,
    ),
    *(
        IndicatorSpec(
            f"dreams_with_{k}",
            f"Dreams with at least one {k.replace('_', ' ')} %",
            "dreams with at least one",
            "percent",
            _over(f"with_{k}", "dreams"),
        )
        for k in AT_LEAST_ONE
    ),
)
INDICATOR_KEYS: tuple[str, ...] = tuple(s.key for s in INDICATORS)


@dataclass(frozen=True, slots=True)
class IndicatorWords:
    """An indicator in a person's words (h89, r78): ``label`` names it on its own (a chart row, a table cell),
    ``subject`` fits "… is higher in your dreams than in the norm group". ``IndicatorSpec.name`` ("A/C index") is
    the researchers' name, for the evaluation and the command line only."""

    label: str
    subject: str


# The one table of plain words per indicator: the chart (chart.py), the sentences (profile.py) and the series page's
# table (clinic template dreams.html) read it; tests/analysis_dreams keep every indicator in it.
INDICATOR_WORDS: Mapping[str, IndicatorWords] = {
    "male_female": IndicatorWords(
        "Men among the people", "the share of men among the people whose sex is clear"
    ),
    "familiarity": IndicatorWords("People you know", "the share of people you know among the people"),
    "friends": IndicatorWords(
        "Friends and acquaintances", "the share of friends and acquaintances among the people"
    ),
    "family": IndicatorWords(
        "Family and relatives", "the share of family members and relatives among the people"
    ),
    "dead_imaginary": IndicatorWords(
        "The dead and imaginary beings", "the share of people who have died and of imaginary beings"
    ),
    "animal": IndicatorWords("Animals", "the share of animals among those who appear"),
    "ac_index": IndicatorWords(
        "Aggression per person or animal", "aggression per person or animal in your dreams"
    ),
    "fc_index": IndicatorWords(
        "Friendliness per person or animal", "friendliness per person or animal in your dreams"
    ),
    "sc_index": IndicatorWords(
        "Sexual encounters per person or animal", "sexual encounters per person or animal in your dreams"
    ),
    "aggression_friendliness": IndicatorWords(
        "Aggression among your encounters", "the share of aggression among your encounters with others"
    ),
    "befriender": IndicatorWords("You begin the friendly acts", "how often you begin the friendly acts"),
    "aggressor": IndicatorWords("You begin the aggressive acts", "how often you begin the aggressive acts"),
    "physical_aggression": IndicatorWords("Physical aggression", "the share of physical aggression"),
    "indoor_setting": IndicatorWords("Indoor places", "the share of indoor places"),
    "familiar_setting": IndicatorWords("Familiar places", "the share of familiar places"),
    "self_negativity": IndicatorWords(
        "Bad outcomes for you", "the share of bad outcomes among what happens to you"
    ),
    "bodily_misfortunes": IndicatorWords(
        "Misfortunes to the body", "the share of misfortunes that hurt the body"
    ),
    "negative_emotions": IndicatorWords("Unpleasant feelings", "the share of unpleasant feelings"),
    "dreamer_success": IndicatorWords("Your successes", "the share of successes among your efforts"),
    "torso_anatomy": IndicatorWords(
        "Torso and inner body", "the share of the torso and inner body among body parts"
    ),
    **{
        f"dreams_with_{k}": IndicatorWords(
            f"Dreams with {k.replace('_', ' ')}", f"the share of dreams with {k.replace('_', ' ')}"
        )
        for k in AT_LEAST_ONE
    },
}
SPEC_BY_KEY: Mapping[str, IndicatorSpec] = {s.key: s for s in INDICATORS}


def tally(codings: Iterable[DreamCoding]) -> Counter[str]:
    """Count every quantity the indicators need, over a whole series."""
    t: Counter[str] = Counter()
    for coding in codings:
        t["dreams"] += 1
        t["objects_coded"] += coding.objects is not None
        _count_characters(t, coding)
        _count_interactions(t, coding)
        _count_self_concept(t, coding)
        _count_settings(t, coding)
        _count_dream_presence(t, coding)
    return t


def _count_characters(t: Counter[str], coding: DreamCoding) -> None:
    for c in coding.characters:
        t["chars"] += 1
        t["animals"] += c.is_animal
        t["dead_imag"] += c.is_dead_or_imaginary
        if not c.is_human:
            continue
        t["humans"] += 1
        t["male"] += c.sex == "M"
        t["female"] += c.sex == "F"
        t["familiar"] += c.is_familiar
        t["unfamiliar"] += c.is_unfamiliar
        t["known"] += c.identity == "K"
        t["family"] += c.is_family or c.identity == "R"


def _count_interactions(t: Counter[str], coding: DreamCoding) -> None:
    for i in coding.interactions:
        t[i.kind] += 1
        role = i.dreamer_role
        if role != "witness":
            t[f"d_{i.kind}"] += 1
        if i.kind == "aggression":
            t["physical_aggression"] += i.level >= PHYSICAL_AGGRESSION_MIN_LEVEL
            t["d_aggressor"] += role == "initiator" and i.mode == ">"
            t["d_victim"] += role == "recipient" and i.mode == ">"
        elif i.kind == "friendliness":
            t["d_befriender"] += role == "initiator" and i.mode == ">"
            t["d_befriended"] += role == "recipient" and i.mode == ">"


def _count_self_concept(t: Counter[str], coding: DreamCoding) -> None:
    for f in coding.fortunes:
        t[f.kind] += 1
        t[f"d_{f.kind}"] += f.dreamer_involved
        if f.kind == "misfortune":
            t["bodily_mf"] += (f.level or 0) >= BODILY_MISFORTUNE_MIN_LEVEL
    for o in coding.outcomes:
        t[o.kind] += 1
        t[f"d_{o.kind}"] += o.dreamer_involved
    for e in coding.emotions:
        t["emotion"] += 1
        t["negative_emotion"] += e.code in NEGATIVE_EMOTIONS
    for obj in coding.objects or ():
        t["body_parts"] += obj.code in BODY_PART_CODES
        t["torso_anatomy"] += obj.code in TORSO_ANATOMY_CODES


def _count_settings(t: Counter[str], coding: DreamCoding) -> None:
    for s in coding.settings:
        t["indoor"] += s.location == "I"
        t["outdoor"] += s.location == "O"
        t["familiar_set"] += s.familiarity in {"F", "D"}
        t["unfamiliar_set"] += s.familiarity == "U"


def _count_dream_presence(t: Counter[str], coding: DreamCoding) -> None:
    kinds: set[str] = {i.kind for i in coding.interactions}
    kinds |= {f.kind for f in coding.fortunes}
    kinds |= {o.kind for o in coding.outcomes}
    if kinds & {"success", "failure"}:
        kinds.add("striving")
    for k in kinds:
        t[f"with_{k}"] += 1


def compute_indicators(codings: Iterable[DreamCoding]) -> dict[str, Indicator]:
    """Every indicator for the series, keyed by ``Indicator.key``. Torso/anatomy % is left out unless at
    least one dream has its objects coded."""
    return indicators_from_tally(tally(codings))


def indicators_from_tally(t: Counter[str]) -> dict[str, Indicator]:
    out: dict[str, Indicator] = {}
    for spec in INDICATORS:
        if spec.needs_objects and not t["objects_coded"]:
            continue
        num, den = spec.ratio(t)
        out[spec.key] = Indicator(spec.key, spec.name, spec.group, spec.kind, num, den)
    return out
