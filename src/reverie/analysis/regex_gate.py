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

Case-insensitive patterns get a gate of their own, checked against a *folded* text (:func:`fold`): the
literals lower-cased, a set kept only when all its strings are ASCII. Python's case-insensitive matching lets an
ASCII letter match itself in either case and four other characters (``İ ı ſ K``, U+0130, U+0131, U+017F,
U+212A; every code point was checked), and no other character lower-cases to anything ASCII: so :func:`fold`
maps those four to their ASCII letter, then lower-cases, and a text in which such a pattern matches holds the
lower-cased literal in its folded form. :class:`TextGate` answers, once for a whole set of texts (the
sentences of one document), whether a pattern may match in any of them: a literal in one text is in the joined
texts, so a pattern it rules out cannot match in any of them.
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

# Gates by the pattern's id, the pattern held with its gate (so its id is never another's while the entry lives):
# a compiled pattern is no cheap dict key, its hash reads its whole compiled program every time (≈ 4 µs on average
# for the analysis's patterns, 13 µs for the longest), and the gates are looked up ≈ 60,000 times over the bench.
_Gate = tuple[frozenset[str], ...] | None
_gates: dict[int, tuple[re.Pattern[str], _Gate]] = {}
_folded_gates: dict[int, tuple[re.Pattern[str], _Gate]] = {}
# an int: ``flags & re.IGNORECASE`` is an enum operation, slow in Python 3.11
_IGNORECASE = int(re.IGNORECASE)
# the non-ASCII characters Python's case-insensitive matching takes for an ASCII letter (İ ı ſ K)
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Exactly ``pattern.finditer(text)``, without the scan when the pattern cannot match ``text``."""
    if may_match(pattern, text):
        return pattern.finditer(text)
    return iter(())


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when ``pattern`` cannot match anywhere in ``text`` (a necessary literal is missing)."""
    held = _gates.get(id(pattern))
    if held is None or held[0] is not pattern:
        held = _gates[id(pattern)] = (pattern, necessary_literals(pattern))
    return _holds(held[1], text)


def necessary_literals(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...] | None:
    """Sets of strings each of which a match must contain one of (most selective first), or ``None`` when the
    pattern gives no such guarantee the reader can vouch for."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    return _literals(pattern, fold=False)


def folded_literals(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...] | None:
    """For a case-insensitive pattern: sets of lower-case ASCII strings each of which the :func:`fold` of any
    text it matches in must contain one of (``None`` when there is no such guarantee, or the pattern is not
    case-insensitive)."""
    if not pattern.flags & re.IGNORECASE or pattern.flags & re.LOCALE or not isinstance(pattern.pattern, str):
        return None
    return _literals(pattern, fold=True)


def fold(text: str) -> str:
    """The text as case-insensitive literals are checked against (see the module docstring)."""
    return (text.translate(_FOLD) if not text.isascii() else text).lower()


class TextGate:
    """Whether a pattern may match in any of a set of texts, decided once per pattern (exact: see the module
    docstring). A pattern it cannot vouch for always may."""

    def __init__(self, texts: list[str]) -> None:
        self._text = "\x00".join(texts)
        self._folded: str | None = None
        self._seen: dict[int, tuple[re.Pattern[str], bool]] = {}  # by id, as the gates are (see ``_gates``)

    def __call__(self, pattern: re.Pattern[str]) -> bool:
        seen = self._seen.get(id(pattern))
        if seen is None or seen[0] is not pattern:
            seen = self._seen[id(pattern)] = (pattern, self._may(pattern))
        return seen[1]

    def _may(self, pattern: re.Pattern[str]) -> bool:
        if not pattern.flags & _IGNORECASE:
            return may_match(pattern, self._text)
        gate = _folded_gate(pattern)
        if gate is None:
            return True
        if self._folded is None:
            self._folded = fold(self._text)
        return _holds(gate, self._folded)


def may_match_folded(pattern: re.Pattern[str], folded: str) -> bool:
    """For a case-insensitive ``pattern``: False only when it cannot match anywhere in a text whose :func:`fold`
    is ``folded`` (a necessary literal is missing). Any other pattern: always True (no folded gate)."""
    return _holds(_folded_gate(pattern), folded)


def _folded_gate(pattern: re.Pattern[str]) -> _Gate:
    held = _folded_gates.get(id(pattern))
    if held is None or held[0] is not pattern:
        held = _folded_gates[id(pattern)] = (pattern, folded_literals(pattern))
    return held[1]


def _literals(pattern: re.Pattern[str], *, fold: bool) -> tuple[frozenset[str], ...] | None:
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # a syntax this reader does not know: never skip
        return None
    _exact, sets = _sequence(list(tree), fold)
    if fold:  # a non-ASCII literal may match other characters: such a set is dropped
        sets = [frozenset(x.lower() for x in s) for s in sets if all(x.isascii() for x in s)]
    useful = [s for s in dict.fromkeys(sets) if min(map(len, s)) >= MIN_USEFUL]
    useful.sort(key=lambda s: (-min(map(len, s)), len(s)))
    return tuple(useful[:MAX_SETS]) or None


_Info = tuple[frozenset[str] | None, list[frozenset[str]]]  # (the exact strings it matches, necessary sets)


def _sequence(items: list[Any], fold: bool = False) -> _Info:
    sets: list[frozenset[str]] = []
    current: frozenset[str] = frozenset({""})
    exact = True

    def flush() -> None:
        if "" not in current:
            sets.append(current)

    for op, av in items:
        strings, inner = _node(op, av, fold)
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


def _node(op: Any, av: Any, fold: bool = False) -> _Info:
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
        if add_flags & re.LOCALE or (add_flags & re.IGNORECASE and not fold):
            return None, []
        return _sequence(list(items), fold)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av), fold)
    if op is sre.BRANCH:
        return _branch([_sequence(list(alt), fold) for alt in av[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, items = av
        exact, sets = _sequence(list(items), fold)
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


def _holds(gate: tuple[frozenset[str], ...] | None, text: str) -> bool:
    """Every set of necessary literals has one member in ``text`` (no gate: the pattern may match anywhere).
    Plain loops: the check runs for every rule of every text, and nested generators cost more than the look-ups."""
    if gate is None:
        return True
    for alternatives in gate:
        for literal in alternatives:
            if literal in text:
                break
        else:
            return False
    return True
