"""A person's dream series next to the HVdC norms: Cohen's h, two-proportion z-tests, Benjamini–Hochberg.

The wording is descriptive only ("aggression appears in more of your dreams than in the norm group"): a
difference from the norm group says what the dreams contain, never what the dreamer is. Small series are
flagged, because a handful of dreams moves every percentage a lot (50 dreams still leave the share of men
about ±8 points from where a larger sample of the same person would put it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reverie.analysis.dreams.codes import DreamCoding
from reverie.analysis.dreams.indicators import INDICATOR_WORDS, Indicator, compute_indicators
from reverie.analysis.dreams.norms import NORM_GROUPS, NormGroup, norm_denominator, published_norm
from reverie.errors import InvalidInput

MIN_DREAMS = 20
MIN_DENOMINATOR = 30
ALPHA = 0.05

# What each indicator measures, in words that fit "… is higher in your dreams than in the norm group": the one table
# of plain words per indicator (``indicators.INDICATOR_WORDS``, h89), never the researchers' names ("A/C index").
SUBJECTS: dict[str, str] = {key: words.subject for key, words in INDICATOR_WORDS.items()}


@dataclass(frozen=True, slots=True)
class Comparison:
    key: str
    name: str
    group: str
    value: float | None
    numerator: int
    denominator: int
    norm: float
    norm_denominator: int
    h: float | None
    p_value: float | None
    q_value: float | None = None
    too_small: bool = False
    description: str = ""

    @property
    def label(self) -> str:
        """The indicator in a person's words ("Aggression per person or animal"), never ``name`` ("A/C index")."""
        words = INDICATOR_WORDS.get(self.key)
        return words.label if words is not None else self.name

    @property
    def size_words(self) -> str:
        """The difference in a client's words, for the table behind their chart: "more often, a medium difference",
        "not clear", "too few to compare" ("" when nothing is compared); never the statistic's name or number."""
        if self.h is None:
            return ""
        if self.too_small:
            return "too few to compare"
        if not self.notable:
            return "not clear"
        return f"{'more' if self.h > 0 else 'less'} often, a {size_in_words(self.h)} difference"

    @property
    def notable(self) -> bool:
        """A difference worth showing: not too small a sample, BH-adjusted q < .05 and |h| ≥ 0.2."""
        return (
            not self.too_small
            and self.q_value is not None
            and self.q_value < ALPHA
            and self.h is not None
            and abs(self.h) >= 0.2
        )


@dataclass(frozen=True, slots=True)
class Profile:
    """``norm_group`` None: the person chose no norm group; ``comparisons`` is then empty and ``values``
    holds the series' own indicators (key → value, None where undefined)."""

    n_dreams: int
    norm_group: NormGroup | None
    comparisons: tuple[Comparison, ...]
    warnings: tuple[str, ...] = ()
    values: tuple[tuple[str, float | None], ...] = ()

    def notable(self) -> list[Comparison]:
        return [c for c in self.comparisons if c.notable]


def cohens_h(p1: float, p2: float) -> float:
    """h = 2·asin√p₁ − 2·asin√p₂ (proportions outside 0–1 are clipped)."""
    return 2 * math.asin(math.sqrt(_clip(p1))) - 2 * math.asin(math.sqrt(_clip(p2)))


def effect_size_word(h: float) -> str:
    size = abs(h)
    if size < 0.2:
        return "negligible"
    if size < 0.5:
        return "small"
    return "medium" if size < 0.8 else "large"


def size_in_words(h: float) -> str:
    """:func:`effect_size_word` in a client's words: "very small" rather than "negligible"."""
    word = effect_size_word(h)
    return "very small" if word == "negligible" else word


def two_proportion_p(x1: float, n1: int, x2: float, n2: int) -> float | None:
    """Two-sided p-value of the pooled two-proportion z-test; None when either sample is empty."""
    if n1 <= 0 or n2 <= 0:
        return None
    p1, p2 = _clip(x1 / n1), _clip(x2 / n2)
    pooled = _clip((x1 + x2) / (n1 + n2))
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return 1.0
    z = (p1 - p2) / se
    return math.erfc(abs(z) / math.sqrt(2))


def benjamini_hochberg(p_values: Sequence[float | None]) -> list[float | None]:
    """BH-adjusted q-values in the input order; None entries stay None and do not count as tests."""
    tested = sorted((p, i) for i, p in enumerate(p_values) if p is not None)
    m = len(tested)
    out: list[float | None] = [None] * len(p_values)
    running = 1.0
    for rank in range(m, 0, -1):
        p, i = tested[rank - 1]
        running = min(running, p * m / rank)
        out[i] = min(1.0, running)
    return out


NO_NORMS_NOTE = "No norm group chosen: the indicators describe this series alone."


def compare_with_norms(codings: Sequence[DreamCoding], *, norm_group: NormGroup | None = "female") -> Profile:
    """Compare a coded series with the published norms of ``norm_group`` (the person's choice: ``"female"``,
    ``"male"``, or None for no comparison at all) on every defined indicator."""
    if norm_group is not None and norm_group not in NORM_GROUPS:
        raise InvalidInput("The norm group is 'female', 'male' or none.")
    indicators = compute_indicators(codings)
    values = tuple((key, ind.value) for key, ind in indicators.items())
    if norm_group is None:
        warnings = _series_warnings(len(codings), ())[:1]
        return Profile(len(codings), None, (), (*warnings, NO_NORMS_NOTE), values)
    raw = [
        _compare(ind, norm_group)
        for ind in indicators.values()
        if published_norm(ind.key, norm_group) is not None
    ]
    q_values = benjamini_hochberg([c.p_value for c in raw])
    comparisons = tuple(_finish(c, q, norm_group) for c, q in zip(raw, q_values, strict=True))
    warnings = _series_warnings(len(codings), comparisons)
    return Profile(len(codings), norm_group, comparisons, warnings, values)


def _compare(ind: Indicator, group: NormGroup) -> Comparison:
    norm = published_norm(ind.key, group) or 0.0
    n2 = norm_denominator(ind.key, group)
    value = ind.value
    h = None if value is None else cohens_h(value, norm)
    p = None if value is None else two_proportion_p(ind.numerator, ind.denominator, norm * n2, n2)
    return Comparison(
        key=ind.key,
        name=ind.name,
        group=ind.group,
        value=value,
        numerator=ind.numerator,
        denominator=ind.denominator,
        norm=norm,
        norm_denominator=n2,
        h=h,
        p_value=p,
        too_small=ind.denominator < MIN_DENOMINATOR,
    )


def _finish(c: Comparison, q: float | None, group: NormGroup) -> Comparison:
    done = replace(c, q_value=q)
    return replace(done, description=describe(done, group))


def describe(c: Comparison, group: NormGroup) -> str:
    """One plain, descriptive sentence about a comparison."""
    norm_words = f"the {group} norm group"
    if c.value is None:
        return f"{c.label}: not defined for this series (nothing to count yet)."
    if c.too_small:
        return f"{c.label}: based on only {c.denominator}, too few to compare with {norm_words}."
    if c.h is None or abs(c.h) < 0.2:
        return f"{c.label}: {_pct(c.value)} here, {_pct(c.norm)} in {norm_words}; about the same."
    if not c.notable:
        return (
            f"{c.label}: {_pct(c.value)} here, {_pct(c.norm)} in {norm_words}; the difference is not clear "
            "with this many dreams."
        )
    more = c.h > 0
    size = effect_size_word(c.h)
    if c.key.startswith("dreams_with_"):
        thing = c.key.removeprefix("dreams_with_").replace("_", " ")
        which = "more" if more else "fewer"
        return f"{thing.capitalize()} appears in {which} of your dreams than in {norm_words} ({size} difference)."
    subject = SUBJECTS.get(c.key, c.label)
    which = "higher" if more else "lower"
    return f"{subject.capitalize()} is {which} in your dreams than in {norm_words} ({size} difference)."


def _series_warnings(n_dreams: int, comparisons: Sequence[Comparison]) -> tuple[str, ...]:
    warnings: list[str] = []
    if n_dreams < MIN_DREAMS:
        warnings.append(
            f"Only {n_dreams} dream(s): a series this small says little. Comparisons with the norms mean "
            f"something from about {MIN_DREAMS} dreams, and even 50 dreams leave the share of men about ±8 "
            "points from where a larger series would put it."
        )
    thin = [c.label for c in comparisons if c.too_small and c.value is not None]
    if thin:
        warnings.append(
            f"{len(thin)} indicator(s) rest on fewer than {MIN_DENOMINATOR} coded items and are not compared: "
            + ", ".join(thin)
            + "."
        )
    return tuple(warnings)


def _clip(p: float) -> float:
    return min(1.0, max(0.0, p))


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"
