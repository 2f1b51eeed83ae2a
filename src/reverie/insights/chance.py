"""Whether a change between the early and later halves of the course is more than chance would often give.

Every early-versus-later comparison a summary could state (a feeling's share of items, a CCRT component's share
of scored episodes, the ODF estimate, two triangle corners coming up together) passes one rule before it becomes
a statement, for every audience: a two-sided Fisher exact test on the 2×2 table (hits and misses, early and
later) below ``ALPHA`` divided by the number of comparisons considered in that family (Bonferroni, as the
client's association lines do, see ``associations``). A comparison that does not pass is not stated at all: no
line rather than a weak one. The demo's "Sadness appears in 0% of entries in April–June 2026 (0 of 6) and in
18% in July–December 2026 (6 of 34)" is what chance gives often (p ≈ 0.57), and was the first strongest pattern.
"""

from __future__ import annotations

import math

from reverie.errors import InvalidInput

ALPHA = 0.05
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
