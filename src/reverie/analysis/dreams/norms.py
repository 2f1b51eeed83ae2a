"""The Hall–Van de Castle norms: published values, and the same indicators computed from any coded series.

The published values are the male and female college-student norms of Hall & Van de Castle (1966, *The
Content Analysis of Dreams*, ch. 14; 500 dreams from 100 men, 500 from 100 women, 1947–1950) as
tabulated by G. W. Domhoff on dreamresearch.net (the "Hall/Van de Castle norms" table used by DreamSAT,
and *Finding Meaning in Dreams*, 1996, ch. 4). They are facts, stored here as percentages (indexes ×100).

``NORM_DENOMINATORS`` are the sizes of the norm samples per indicator (how many characters, interactions,
settings … each percentage rests on). The published table gives percentages only, so these are aggregate
counts from the DreamBank hand codes of the normative dreams (500 male, 491 female), whose indicators match
the published table within about a point (docs/dreams.md). They are used only for significance tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from reverie.analysis.dreams.codes import DreamCoding
from reverie.analysis.dreams.indicators import Indicator, compute_indicators

NormGroup = Literal["male", "female"]
NORM_GROUPS: tuple[NormGroup, ...] = ("male", "female")

NORMS_SOURCE = (
    "Hall, C. S. & Van de Castle, R. L. (1966). The Content Analysis of Dreams. New York: "
    "Appleton-Century-Crofts; norms as tabulated on dreamresearch.net (Domhoff, 1996, Finding Meaning in "
    "Dreams, ch. 4; DreamSAT)."
)


@dataclass(frozen=True, slots=True)
class NormValue:
    key: str
    male: float  # on the 0–1 scale
    female: float

    def for_group(self, group: NormGroup) -> float:
        return self.male if group == "male" else self.female


def _pct(key: str, male: float, female: float) -> NormValue:
    return NormValue(key, male / 100, female / 100)


PUBLISHED_NORMS: Mapping[str, NormValue] = {
    v.key: v
    for v in (
        _pct("male_female", 67, 48),
        _pct("familiarity", 45, 58),
        _pct("friends", 31, 37),
        _pct("family", 12, 19),
        _pct("dead_imaginary", 0, 1),
        _pct("animal", 6, 4),
        _pct("ac_index", 34, 24),
        _pct("fc_index", 21, 22),
        _pct("sc_index", 6, 1),
        _pct("aggression_friendliness", 59, 51),
        _pct("befriender", 50, 47),
        _pct("aggressor", 40, 33),
        _pct("physical_aggression", 50, 34),
        _pct("indoor_setting", 48, 61),
        _pct("familiar_setting", 62, 79),
        _pct("self_negativity", 65, 66),
        _pct("bodily_misfortunes", 29, 35),
        _pct("negative_emotions", 80, 80),
        _pct("dreamer_success", 51, 42),
        _pct("torso_anatomy", 31, 20),
        _pct("dreams_with_aggression", 47, 44),
        _pct("dreams_with_friendliness", 38, 42),
        _pct("dreams_with_sexuality", 12, 4),
        _pct("dreams_with_misfortune", 36, 33),
        _pct("dreams_with_good_fortune", 6, 6),
        _pct("dreams_with_success", 15, 8),
        _pct("dreams_with_failure", 15, 10),
        _pct("dreams_with_striving", 27, 15),
    )
}

# (male, female) denominators; see the module docstring.
NORM_DENOMINATORS: Mapping[str, tuple[int, int]] = {
    "male_female": (873, 1047),
    "familiarity": (1110, 1354),
    "friends": (1110, 1354),
    "family": (1110, 1354),
    "dead_imaginary": (1182, 1415),
    "animal": (1182, 1415),
    "ac_index": (1182, 1415),
    "fc_index": (1182, 1415),
    "sc_index": (1182, 1415),
    "aggression_friendliness": (547, 517),
    "befriender": (203, 223),
    "aggressor": (254, 225),
    "physical_aggression": (402, 327),
    "indoor_setting": (590, 579),
    "familiar_setting": (336, 339),
    "self_negativity": (572, 454),
    "bodily_misfortunes": (205, 202),
    "negative_emotions": (283, 413),
    "dreamer_success": (142, 70),
    "torso_anatomy": (242, 316),
    **{
        k: (500, 491)
        for k in (
            "dreams_with_aggression",
            "dreams_with_friendliness",
            "dreams_with_sexuality",
            "dreams_with_misfortune",
            "dreams_with_good_fortune",
            "dreams_with_success",
            "dreams_with_failure",
            "dreams_with_striving",
        )
    },
}


def published_norm(key: str, group: NormGroup) -> float | None:
    value = PUBLISHED_NORMS.get(key)
    return None if value is None else value.for_group(group)


def norm_denominator(key: str, group: NormGroup) -> int:
    male, female = NORM_DENOMINATORS.get(key, (500, 500))
    return male if group == "male" else female


def compute_norms(codings: Iterable[DreamCoding]) -> dict[str, Indicator]:
    """The HVdC indicators of a coded reference series (for instance a norm sample coded by hand)."""
    return compute_indicators(codings)
