"""A cheap, exact pre-check before a regular expression scans a whole text.

Many of the analysis's phrase patterns (the risk lexicon's rules, its figures of speech and injuries) match
nothing in most texts, yet each scans every position of every text. ``necessary_literals`` reads a compiled
pattern's syntax tree once and derives sets of literal strings such that *every* match contains at least one
string of *each* set (e.g. ``\\b(?:tried|attempted)\\s+to\\s+die\\b`` → ``{"tried", "attempted"}``, ``{"die"}``).
:func:`finditer` skips the scan when a set has no string in the text: then the pattern cannot match, so the
matches are exactly ``pattern.finditer(text)``'s in every case (a pattern the reader cannot vouch for — case-
insensitive, or with nothing literal — is always scanned).

The derivation is conservative: a literal run is only ever extended by what the pattern must consume next
(literals, single-character classes of literals, alternations of such, zero-width ``\\b``/``^``/``$``); any other
element (a class, a wildcard, a lookaround, an optional part, a back-reference) ends the run.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterator
from typing import Any

MAX_EXACT = 64  # alternatives kept when literal pieces multiply out ("(?:a|b)(?:c|d)" → 4 strings)
MIN_USEFUL = 2  # a set whose shortest string is shorter than this is nearly always present: not kept
MAX_SETS = 3  # sets checked per pattern, most selective (longest shortest string) first

_gates: dict[re.Pattern[str], tuple[frozenset[str], ...] | None] = {}


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Exactly ``pattern.finditer(text)``, without the scan when the pattern cannot match ``text``."""
    if may_match(pattern, text):
        return pattern.finditer(text)
    return iter(())


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text`` (a necessary literal is missing)."""
    if pattern in _gates:
        gate = _gates[pattern]
    else:
        gate = _gates[pattern] = necessary_literals(pattern)
    if gate is None:
        return True
    return all(any(s in text for s in alternatives) for alternatives in gate)


def necessary_literals(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...] | None:
    """Sets of strings each of which a match must contain one of (most selective first), or ``None`` when the
    pattern gives no such guarantee the reader can vouch for."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a syntax this reader does not know: never skip
        return None
    _exact, sets = _sequence(list(tree))
    useful = [s for s in dict.fromkeys(sets) if min(map(len, s)) >= MIN_USEFUL]
    useful.sort(key=lambda s: (-min(map(len, s)), len(s)))
    return tuple(useful[:MAX_SETS]) or None


_Info = tuple[frozenset[str] | None, list[frozenset[str]]]  # (the exact strings it matches, necessary sets)


def _sequence(items: list[Any]) -> _Info:
    sets: list[frozenset[str]] = []
    current: frozenset[str] = frozenset({""})
    exact = True

    def flush() -> None:
        if "" not in current:
            sets.append(current)

    for op, av in items:
        strings, inner = _node(op, av)
        if strings is not None and len(current) * len(strings) <= MAX_EXACT:
            current = frozenset(a + b for a in current for b in strings)
            continue
        flush()
        exact = False
        if strings is not None:  # exact, but too many combinations: a new run starts with it
            current = strings
            continue
        sets.extend(inner)
        current = frozenset({""})
    flush()
    return (current if exact else None), sets


def _node(op: Any, av: Any) -> _Info:
    if op is sre.LITERAL:
        return frozenset({chr(av)}), []
    if op is sre.AT:  # zero-width \b, ^, $: consumes nothing
        return frozenset({""}), []
    if op is sre.IN:
        if all(kind is sre.LITERAL for kind, _ in av):
            return frozenset(chr(c) for _, c in av), []
        return None, []
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = av
        if add_flags & (re.IGNORECASE | re.LOCALE):
            return None, []
        return _sequence(list(items))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre.BRANCH:
        return _branch([_sequence(list(alt)) for alt in av[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, items = av
        exact, sets = _sequence(list(items))
        if low == high == 1:
            return exact, sets
        return None, (sets if low > 0 else [])  # a sequence's sets include its exact strings
    return None, []  # a class, a wildcard, a lookaround, a back-reference: nothing vouched for


def _branch(alternatives: list[_Info]) -> _Info:
    if all(exact is not None for exact, _ in alternatives):
        union = frozenset(s for exact, _ in alternatives for s in exact or ())
        if len(union) <= MAX_EXACT:
            return union, []
        return None, ([union] if "" not in union else [])
    best: list[frozenset[str]] = []
    for exact, sets in alternatives:
        candidates = [*sets, *([exact] if exact is not None and "" not in exact else [])]
        if not candidates:
            return None, []  # an alternative that guarantees nothing: neither does the alternation
        best.append(max(candidates, key=lambda s: (min(map(len, s)), -len(s))))
    return None, [frozenset(s for chosen in best for s in chosen)]
