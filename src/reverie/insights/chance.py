"""Whether a change, or a relation, is more than chance would often give.

Every early-versus-later comparison a summary could state (a feeling's share of items, a CCRT component's share
of scored episodes, the ODF estimate, two triangle corners coming up together) passes one rule before it becomes
a statement, for every audience: a two-sided Fisher exact test on the 2×2 table (hits and misses, early and
later) below ``ALPHA`` divided by the number of comparisons considered in that family (Bonferroni, as the
client's association lines do, see ``associations``). A comparison that does not pass is not stated at all: no
line rather than a weak one. The demo's "Sadness appears in 0% of entries in April–June 2026 (0 of 6) and in
18% in July–December 2026 (6 of 34)" is what chance gives often (p ≈ 0.57), and was the first strongest pattern.

Every statement that claims a relation (two things come up together, a dream figure is also in waking life near
the dream, a hard-to-explain feeling is later linked to a person, one person draws mixed feelings more than the
others, what comes up next to what) passes the other rule here, ``beyond_chance`` (h100): the observed count
against what independence gives, a one-sided binomial tail (``binomial_tail``) below ``ALPHA`` divided by the
candidates considered in its family (Bonferroni), and at least ``MIN_CASES`` cases. Where the baseline is a time
window (seven days either side of a dream, six weeks after a feeling), ``window_share`` gives the chance: the
share of every written item whose same window holds the thing anyway. A statement that fails is not made, for any
reader (review r87: with people, feelings and dreams at constant rates, 20 of 20 histories were told such links).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import datetime, timedelta

from reverie.errors import InvalidInput

ALPHA = 0.05
MIN_CASES = 4  # a relation resting on fewer cases is never stated, however unlikely by chance
_RELATIVE = 1 + 1e-7  # tables as likely as the observed one, up to rounding, count as "as extreme"


def fisher_two_sided(before: int, n_before: int, after: int, n_after: int) -> float:
    """The two-sided Fisher exact p for ``before`` of ``n_before`` against ``after`` of ``n_after``: the sum of
    the hypergeometric probabilities (margins fixed) of every table no more likely than the observed one."""
    if not (0 <= before <= n_before and 0 <= after <= n_after):
        raise InvalidInput("counts must lie between 0 and their totals")
    hits = before + after
    total = n_before + n_after
    low, high = max(0, hits - n_after), min(hits, n_before)
    if low == high:
        return 1.0
    log_norm = _log_comb(total, hits)

    def prob(k: int) -> float:
        return math.exp(_log_comb(n_before, k) + _log_comb(n_after, hits - k) - log_norm)

    observed = prob(before)
    p = sum(q for q in (prob(k) for k in range(low, high + 1)) if q <= observed * _RELATIVE)
    return min(1.0, p)


def changed(
    before: int, n_before: int, after: int, n_after: int, comparisons: int, alpha: float = ALPHA
) -> bool:
    """True when the change is below ``alpha`` ÷ ``comparisons`` (the comparisons considered in its family)."""
    if n_before <= 0 or n_after <= 0:
        return False
    return fisher_two_sided(before, n_before, after, n_after) < alpha / max(1, comparisons)


def _log_comb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p) when k is above the mean n·p (the only case a relation asks about); at or
    below the mean, never beyond chance, it answers 1.0. The first term in log space, the rest by the ratio of
    neighbours until they no longer add anything (no overflow for large n)."""
    if k <= n * p or p >= 1.0:
        return 1.0
    if k > n or p <= 0.0:
        return 0.0
    ratio = p / (1.0 - p)
    term = math.exp(
        math.lgamma(n + 1)
        - math.lgamma(k + 1)
        - math.lgamma(n - k + 1)
        + k * math.log(p)
        + (n - k) * math.log1p(-p)
    )
    total = 0.0
    for i in range(k, n + 1):
        total += term
        if term <= total * 1e-12:
            break
        term *= (n - i) / (i + 1) * ratio
    return min(1.0, total)


def beyond_chance(
    observed: int,
    trials: int,
    chance: float,
    candidates: int,
    *,
    min_cases: int = MIN_CASES,
    alpha: float = ALPHA,
) -> bool:
    """True when ``observed`` of ``trials`` cases is more than independence (each case a hit with probability
    ``chance``) would give: at least ``min_cases`` cases and a one-sided binomial tail below ``alpha`` ÷
    ``candidates`` (every relation of its family that could have been stated). Where the cases have different
    chances, pass their mean: the binomial tail above the mean bounds theirs (Hoeffding 1956), so the rule only
    gets stricter."""
    if observed < min_cases or trials <= 0:
        return False
    return binomial_tail(observed, trials, chance) < alpha / max(1, candidates)


def window_share(
    hits: Sequence[tuple[datetime, str]],
    moments: Sequence[tuple[datetime, str]],
    before: timedelta,
    after: timedelta,
) -> float:
    """The share of ``moments`` (time, item id; sorted) whose window, from ``before`` earlier to ``after`` later,
    holds one of ``hits`` (sorted) other than the moment's own item: how often such a window holds a hit anyway,
    wherever it falls among the writing. A window's ends count, except that a window reaching only forward
    (``before`` zero) holds only hits strictly later than its moment: "later" means later."""
    if not moments:
        return 0.0
    held = 0
    for when, item_id in moments:
        start = when - before
        end = when + after
        low = bisect_left(hits, (start, ""))
        high = bisect_right(hits, (end, "\U0010ffff"))
        if before == timedelta(0):
            low = bisect_right(hits, (when, "\U0010ffff"))
        if any(other != item_id for _, other in hits[low:high]):
            held += 1
    return held / len(moments)
