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

**Patterns compiled on first use** (h181). Compiling the risk lexicon's few hundred patterns took most of the
time a fresh process spent making the save-time screen ready, and deriving their gates (parsing each pattern again)
most of its first screen. :func:`compile` returns a :class:`LazyPattern`: the pattern's source, its flags and its
gates, read from :data:`STORE` (``regex_gate_literals.json``, written by ``scripts/regex_gate_literals.py`` from
the patterns' sources and committed; ``tests/analysis_core/test_regex_gate_literals.py`` fails when it is stale).
The real pattern is compiled the first time it is asked to match a text its gate does not rule out, so a text that
lacks a pattern's necessary literals never compiles it (the answer is the same: no match); from then on its methods
are the compiled pattern's own. A source the file does not hold (a pattern changed since the file was written, or
another Python version) is compiled at once and its gates derived from its syntax tree as before: the same answers,
only slower. The file is keyed by a hash of each pattern's flags and source and holds nothing else of them, and no
text is ever written anywhere.
"""

from __future__ import annotations

import hashlib
import json
import re
import re._constants as sre
import re._parser as sre_parse
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, cast

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
    if isinstance(pattern, LazyPattern):  # derived from the same source when the stored file was written
        return pattern.analysis.plain
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return None
    return _literals(pattern, fold=False)


def folded_literals(pattern: re.Pattern[str]) -> tuple[frozenset[str], ...] | None:
    """For a case-insensitive pattern: sets of lower-case ASCII strings each of which the :func:`fold` of any
    text it matches in must contain one of (``None`` when there is no such guarantee, or the pattern is not
    case-insensitive)."""
    if isinstance(pattern, LazyPattern):
        return pattern.analysis.folded
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


# --- patterns compiled on first use (see the module docstring) ------------------------------------------------------

STORE = Path(__file__).with_name("regex_gate_literals.json")
# what the stored gates were derived by: a file written by another reading (or another Python's parser) is not used
STORE_FORMAT = f"reverie.regex_gate/1 {MAX_EXACT} {MIN_USEFUL} {MAX_SETS}"


class Analysis(NamedTuple):
    """What :func:`compile` needs to know of a pattern without compiling it: its flags once compiled (inline flags
    included) and its two gates (:func:`necessary_literals`, :func:`folded_literals`)."""

    flags: int
    plain: _Gate
    folded: _Gate


def analyse(source: str, flags: int = 0) -> Analysis:
    """The :class:`Analysis` of a pattern, derived from its syntax tree (what the stored file holds)."""
    pattern = re.compile(source, flags)
    return Analysis(pattern.flags, necessary_literals(pattern), folded_literals(pattern))


def store_key(source: str, flags: int = 0) -> str:
    """A pattern's key in the stored file: a hash of its flags and source (the file holds no pattern text)."""
    return hashlib.blake2b(
        f"{flags}\x00{source}".encode("utf-8", "surrogatepass"), digest_size=12
    ).hexdigest()


def store_header() -> dict[str, str]:
    return {"format": STORE_FORMAT, "python": f"{sys.version_info[0]}.{sys.version_info[1]}"}


def to_json(analysis: Analysis) -> list[Any]:
    def gate(g: _Gate) -> list[list[str]] | None:
        return None if g is None else [sorted(s) for s in g]

    return [analysis.flags, gate(analysis.plain), gate(analysis.folded)]


def from_json(value: list[Any]) -> Analysis:
    def gate(g: list[list[str]] | None) -> _Gate:
        return None if g is None else tuple(frozenset(s) for s in g)

    return Analysis(int(value[0]), gate(value[1]), gate(value[2]))


_stored: dict[str, list[Any]] | None = None


def stored(source: str, flags: int = 0) -> Analysis | None:
    """The stored :class:`Analysis` of a pattern, or ``None`` when the file does not hold it (or is missing, or was
    written for another reading or Python version): the caller then compiles and derives as before."""
    global _stored
    if _stored is None:
        try:
            data = json.loads(STORE.read_text(encoding="utf-8"))
            same = isinstance(data, dict) and {k: data.get(k) for k in store_header()} == store_header()
            patterns = data.get("patterns") if same else None
            _stored = patterns if isinstance(patterns, dict) else {}
        except (OSError, ValueError):
            _stored = {}
    value = _stored.get(store_key(source, flags))
    return None if value is None else from_json(value)


# every (source, flags, calling module) given to :func:`compile` in this process: what the stored file must hold for
# the modules that use it (scripts/regex_gate_literals.py, its test)
seen: list[tuple[str, int, str]] = []


def compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, compiled on first use when the stored file holds the pattern's analysis
    (a :class:`LazyPattern`, typed as the pattern it stands for); otherwise compiled now."""
    seen.append((source, flags, sys._getframe(1).f_globals.get("__name__", "")))
    analysis = stored(source, flags)
    if analysis is None:
        return re.compile(source, flags)
    return cast("re.Pattern[str]", LazyPattern(source, flags, analysis))


class LazyPattern:
    """A compiled pattern's stand-in, compiled the first time it is asked to match a text its gate does not rule out
    (every answer is the compiled pattern's: where the gate rules a text out, the pattern cannot match in it).
    Once compiled, its matching methods are the compiled pattern's own, bound on the instance; anything else is
    read from the compiled pattern."""

    def __init__(self, source: str, flags: int, analysis: Analysis) -> None:
        self.pattern = source
        self.given_flags = flags
        self.analysis = analysis
        self.flags = analysis.flags
        self.compiled: re.Pattern[str] | None = None
        # the gate checked before compiling: the folded one for a case-insensitive pattern (None: compile on use)
        self._gate = analysis.folded if analysis.flags & re.IGNORECASE else analysis.plain
        self._folds = bool(analysis.flags & re.IGNORECASE)

    def compile(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if not yet); its matching methods replace this stand-in's."""
        if self.compiled is None:
            self.compiled = compiled = re.compile(self.pattern, self.given_flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
        return self.compiled

    def _ruled_out(self, text: str, pos: int, endpos: int) -> bool:
        """Whether the gate rules the whole of ``text`` out. A call on a window of ``text`` (``pos`` or ``endpos``
        given) is never gated: a caller reading one long text window by window would scan the whole text once per
        window (a 25,000-character note: 13,500 scans, 2.5 s); the compiled pattern reads the window alone."""
        if self._gate is None or pos > 0 or endpos < len(text):
            return False
        return not _holds(self._gate, fold(text) if self._folds else text)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._ruled_out(string, pos, endpos) else self.compile().search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._ruled_out(string, pos, endpos) else self.compile().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._ruled_out(string, pos, endpos) else self.compile().fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if self._ruled_out(string, pos, endpos):
            return iter(())
        return self.compile().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return [] if self._ruled_out(string, pos, endpos) else self.compile().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compile().sub(repl, string, count)

    def subn(
        self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
    ) -> tuple[str, int]:
        return self.compile().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compile().split(string, maxsplit)

    def __getattr__(self, name: str) -> Any:  # groups, groupindex, scanner: the compiled pattern's
        if name.startswith("_") or name in ("compiled", "pattern", "analysis", "given_flags", "flags"):
            raise AttributeError(name)
        return getattr(self.compile(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (compile, (self.pattern, self.given_flags))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}{', compiled' if self.compiled is not None else ''})"


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")
