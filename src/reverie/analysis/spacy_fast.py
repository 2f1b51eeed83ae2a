"""spaCy's attribute ruler without its Matcher for the rules that look at one token's tag and lowercase form.

The English pipeline's ``attribute_ruler`` holds ~180 rules (the tag map: tag → part of speech and morphology,
and exceptions such as "n't" → ``PART``/lemma "not"). spaCy runs them all through its ``Matcher``, which checks
every rule at every token: a third of the cost of tagging a text, more than the tagger and lemmatizer together.
:class:`FastAttributes` applies the same rules with the same precedence (a later rule wins, as in spaCy): the
one-token rules on ``TAG`` and ``LOWER`` (exact values or ``IN`` lists; 157 of 179) by dictionary look-up, the
others (several tokens, ``DEP``, ``IS_SPACE``, regular expressions) through a ``Matcher`` holding only them,
run only on a Doc with a token that can start one of them (each starts with one token on ``LOWER`` and ``TAG``:
"gon", "got", "let", "ai" …; a Doc without one gets no match, so the matcher is skipped: 83 → 46 ms over the
bench's 40 entries).
``tests/analysis_core/test_spacy_fast.py`` checks that every token gets the same part of speech, tag,
morphology and lemma as with spaCy's own component.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

_SIMPLE_KEYS = frozenset({"TAG", "LOWER", "IS_SPACE"})
MAX_REMEMBERED = 200_000  # (form, tag) pairs whose "may a rule start here" answer is kept, and the like


def _values(value: Any) -> list[str] | None:
    """The strings a one-token pattern value accepts: an exact string or an ``IN`` list (else ``None``)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping) and set(value) == {"IN"} and all(isinstance(v, str) for v in value["IN"]):
        return list(value["IN"])
    return None


class FastAttributes:
    """Applies an ``AttributeRuler``'s rules to a Doc, as the component does (see the module docstring)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import LEMMA, MORPH, POS, TAG
        from spacy.matcher import Matcher

        vocab = ruler.vocab
        self._columns = [TAG, POS, MORPH, LEMMA]  # the attributes written as arrays
        self._attrs: list[dict[int, int]] = [dict(a) for a in ruler.attrs]
        self._indices: list[int] = list(ruler.indices)
        # (rule number, IS_SPACE required or None) by (lower, tag), by tag, by lower, and for every token;
        # forms and tags as string hashes
        self._pair: dict[tuple[int, int], list[tuple[int, bool | None]]] = {}
        self._tag: dict[int, list[tuple[int, bool | None]]] = {}
        self._lower: dict[int, list[tuple[int, bool | None]]] = {}
        self._every: list[tuple[int, bool | None]] = []
        self._matcher = Matcher(vocab)  # the other rules, without DEP
        self._dep_matcher = Matcher(vocab)  # rules on DEP: they cannot match before the parser has run
        self._complex = 0
        # what the first token of a match of ``_matcher`` must be (see ``_may_start``); None: anything
        self._openers: list[dict[str, Any]] | None = []
        self._starts: dict[tuple[int, int], bool] = {}
        self._found: dict[
            tuple[int, int, int], tuple[int, ...]
        ] = {}  # one-token rules by (lower, tag, space)
        self._merged_rules: dict[tuple[int, ...], tuple[list[tuple[int, int]], dict[int, int]]] = {}
        for number, rule in enumerate(ruler.patterns):
            rest = [p for p in rule["patterns"] if not self._add_simple(number, p, vocab.strings)]
            on_dep = [p for p in rest if any("DEP" in token for token in p)]
            if on_dep:
                self._dep_matcher.add(str(number), on_dep)
            if len(on_dep) < len(rest):
                others = [p for p in rest if p not in on_dep]
                self._matcher.add(str(number), others)
                for pattern in others:
                    opener = pattern[0] if pattern else None
                    if self._openers is not None and opener and set(opener) <= {"LOWER", "TAG"}:
                        self._openers.append(opener)
                    else:
                        self._openers = None  # a quantifier, another attribute …: the matcher always runs
            self._complex += bool(rest)

    def _add_simple(self, number: int, pattern: list[dict[str, Any]], strings: Any) -> bool:
        if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= _SIMPLE_KEYS:
            return False
        token = pattern[0]
        tags = _values(token["TAG"]) if "TAG" in token else [None]
        lowers = _values(token["LOWER"]) if "LOWER" in token else [None]
        space = token.get("IS_SPACE")
        if tags is None or lowers is None or not (space is None or isinstance(space, bool)):
            return False
        entry = (number, space)
        for tag in tags:
            for lower in lowers:
                if tag is not None and lower is not None:
                    self._pair.setdefault((strings.add(lower), strings.add(tag)), []).append(entry)
                elif tag is not None:
                    self._tag.setdefault(strings.add(tag), []).append(entry)
                elif lower is not None:
                    self._lower.setdefault(strings.add(lower), []).append(entry)
                else:
                    self._every.append(entry)
        return True

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import IS_SPACE, LOWER, TAG

        if not len(doc):
            return doc
        rows = doc.to_array([LOWER, TAG, IS_SPACE]).tolist()
        known = self._found
        if len(known) > MAX_REMEMBERED:
            known.clear()
        rules: list[tuple[int, ...]] = []
        for lower, tag, space in rows:
            found = known.get((lower, tag, space))
            if found is None:
                found = known[(lower, tag, space)] = self._simple_rules(lower, tag, bool(space))
            rules.append(found)
        matchers = [self._dep_matcher] if doc.has_annotation("DEP") else []
        if self._may_start(doc.vocab.strings, rows):
            matchers.insert(0, self._matcher)
        for matcher in matchers:
            for match_id, start, end in matcher(doc, allow_missing=True, as_spans=False):
                number = int(doc.vocab.strings[match_id])
                i = range(start, end)[self._indices[number]]
                rules[i] = (*rules[i], number)
        self._apply(doc, rules)
        return doc

    def _simple_rules(self, lower: int, tag: int, space: bool) -> tuple[int, ...]:
        """The one-token rules (by number, in the order the component met them) a token with these values
        meets: by tag, by form, by both, then those for every token."""
        found = [
            number
            for entries in (self._tag.get(tag), self._lower.get(lower), self._pair.get((lower, tag)))
            if entries
            for number, wanted in entries
            if wanted is None or wanted == space
        ]
        found.extend(number for number, wanted in self._every if wanted is None or wanted == space)
        return tuple(found)

    def _may_start(self, strings: Any, rows: list[list[int]]) -> bool:
        """Whether some token of the Doc (its ``LOWER``, ``TAG`` rows) is what the first token of some rule of
        ``_matcher`` must be: if none is, the matcher can find nothing (each of its rules starts with one token
        on ``LOWER`` and ``TAG`` only, without a quantifier; otherwise it always runs). Answers are remembered
        per (form, tag)."""
        if self._openers is None:
            return True
        known = self._starts
        for lower, tag, _space in rows:
            found = known.get((lower, tag))
            if found is None:
                if len(known) > MAX_REMEMBERED:
                    known.clear()
                found = known[(lower, tag)] = any(
                    _accepts(opener, strings[lower], strings[tag]) for opener in self._openers
                )
            if found:
                return True
        return False

    def _apply(self, doc: Any, rules: list[tuple[int, ...]]) -> None:
        """Per token, each attribute from the last rule (by number) that sets it, as spaCy's sorted matches do;
        tag, part of speech, morphology and lemma written as arrays (each set of rules met in the Doc becomes
        one row of a small table, read for all tokens at once), anything else token by token, in token order."""
        import numpy as np
        from spacy.tokens._retokenize import set_token_attrs

        keys: dict[tuple[int, ...], int] = {}  # each set of rules met, sorted → its row (0: no rule)
        ids = [
            keys.setdefault(numbers if len(numbers) == 1 else tuple(sorted(numbers)), len(keys) + 1)
            if numbers
            else 0
            for numbers in rules
        ]
        if not keys:
            return
        width = len(self._columns)
        table = np.zeros((len(keys) + 1, width), dtype="uint64")
        wanted = np.zeros((len(keys) + 1, width), dtype=bool)
        rests: dict[int, dict[int, int]] = {}
        for key, row in keys.items():
            cells, rest = self._merged(key)
            for c, value in cells:
                table[row, c], wanted[row, c] = value, True
            if rest:
                rests[row] = rest
        values = doc.to_array(self._columns)
        rows = np.array(ids)
        chosen = wanted[rows]
        values[chosen] = table[rows][chosen]
        for i, row in enumerate(ids):
            if row in rests:
                set_token_attrs(doc[i], rests[row])
        doc.from_array(self._columns, values)

    def _merged(self, key: tuple[int, ...]) -> tuple[list[tuple[int, int]], dict[int, int]]:
        """The attributes the rules ``key`` (sorted) set together, a later rule overriding an earlier one: the
        array columns with their values, and the rest (remembered per set of rules)."""
        found = self._merged_rules.get(key)
        if found is None:
            merged: dict[int, int] = {}
            for number in key:
                merged.update(self._attrs[number])
            cells = [(c, merged.pop(attr)) for c, attr in enumerate(self._columns) if attr in merged]
            found = self._merged_rules[key] = (cells, merged)
        return found


def _accepts(token: Mapping[str, Any], lower: str, tag: str) -> bool:
    """Whether a Matcher token pattern on ``LOWER`` and ``TAG`` accepts a token with these values (an exact
    string, ``IN``, ``NOT_IN`` or ``REGEX``, as the Matcher reads them; anything else: accepted)."""
    for key, value in ((k, token[k]) for k in ("LOWER", "TAG") if k in token):
        actual = lower if key == "LOWER" else tag
        if isinstance(value, str):
            if actual != value:
                return False
            continue
        if not isinstance(value, Mapping):
            return True
        for op, argument in value.items():
            if op == "IN" and actual not in argument:
                return False
            if op == "NOT_IN" and actual in argument:
                return False
            if op == "REGEX" and not re.search(argument, actual):
                return False
            if op not in {"IN", "NOT_IN", "REGEX"}:
                return True
    return True


class FastLemmas:
    """spaCy's rule (or look-up) lemmatizer with its answer remembered per (form, part of speech, morphology).

    The component asks, token by token, for a lemma that depends on nothing else (the form's text, its part of
    speech and morphology, and the component's fixed tables); its own cache misses every base form ("I", "was",
    "sad": the most frequent tokens). Here each token's key is read from arrays, a new key is answered once by
    the component itself (``lemmatize``), and the lemmas are written back as one array: the same lemma on every
    token (``test_spacy_fast.py``). Only spaCy's own rule and look-up lemmatizers (English's included) are
    read this way (:func:`fast_lemmas`)."""

    def __init__(self, component: Any) -> None:
        self._component = component
        self._known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        known, strings = self._known, doc.vocab.strings
        if len(known) > MAX_REMEMBERED:
            known.clear()
        overwrite = bool(self._component.overwrite)
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            found = known.get((orth, pos, morph))
            if found is None:
                found = known[(orth, pos, morph)] = strings.add(self._component.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def fast_lemmas(component: Any) -> Any:
    """:class:`FastLemmas` over ``component`` where it is spaCy's own rule or look-up lemmatizer, else the
    component itself."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    if type(component) in {Lemmatizer, EnglishLemmatizer} and component.mode in {"rule", "lookup"}:
        if not component._validated:
            component._validate_tables()
        return FastLemmas(component)
    return component


def tagged(nlp: Any, texts: Iterable[str]) -> list[Any]:
    """``texts`` through tok2vec and tagger (``nlp.pipe``), then :class:`FastAttributes` and the lemmatizer
    (:class:`FastLemmas`): the same tokens as spaCy's pipeline without the parser and the entity recogniser."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names:
        skip = [n for n in ("parser", "ner") if n in names]
        with nlp.select_pipes(disable=skip):
            return list(nlp.pipe(texts))
    fast, later = _fast(nlp)
    before = [n for n in names[: names.index("attribute_ruler")] if n not in {"parser", "ner"}]
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts))
    for doc in docs:
        fast(doc)
        for component in later:
            component(doc)
    return docs


_cache: dict[int, tuple[FastAttributes, list[Any]]] = {}


def _fast(nlp: Any) -> tuple[FastAttributes, list[Any]]:
    """The attribute ruler by look-up and the components after it (bar the parser and the recogniser), once per
    pipeline."""
    key = id(nlp)
    if key not in _cache:
        names = nlp.pipe_names
        after = names[names.index("attribute_ruler") + 1 :]
        later = [fast_lemmas(nlp.get_pipe(n)) for n in after if n not in {"parser", "ner"}]
        _cache[key] = (FastAttributes(nlp.get_pipe("attribute_ruler")), later)
    return _cache[key]


# --- Matrix products -----------------------------------------------------------------------------------------
# thinc multiplies matrices with blis, which on these machines runs at about a quarter of the speed of numpy's
# OpenBLAS on the tagger's shapes (334×288 by 288×288: 2.4 ms against 0.65 ms of CPU). ``use_numpy_gemm`` gives
# every model of the pipeline ops whose ``gemm`` is numpy's, run on ONE BLAS thread (OpenBLAS's threads spin while
# they wait: with two, the same products cost three times the CPU). Only where the thread count can be set
# (numpy's bundled OpenBLAS); elsewhere blis stays. Every tag, part of speech, morphology, lemma, entity and tree
# was the same on every fixture text (2,986 texts) either way.


class _OneBlasThread:
    """While any thread is inside, OpenBLAS runs on one thread; the count before is restored after the last."""

    def __init__(self, set_threads: Any, get_threads: Any) -> None:
        self._set, self._get = set_threads, get_threads
        self._lock = threading.Lock()
        self._inside = 0
        self._before = 1

    def __enter__(self) -> None:
        with self._lock:
            if self._inside == 0:
                self._before = int(self._get())
                if self._before != 1:
                    self._set(1)
            self._inside += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._inside -= 1
            if self._inside == 0 and self._before != 1:
                self._set(self._before)


@lru_cache(maxsize=1)
def _openblas_threads() -> _OneBlasThread | None:
    """numpy's own OpenBLAS (the wheels' ``numpy.libs``), if its thread count can be read and set (one guard
    per process)."""
    import ctypes

    import numpy

    folder = Path(numpy.__file__).resolve().parent
    for library in sorted([*folder.parent.glob("numpy.libs/*openblas*"), *folder.glob(".dylibs/*openblas*")]):
        try:
            handle = ctypes.CDLL(str(library))
        except OSError:
            continue
        for prefix, suffix in (
            ("scipy_openblas", "64_"),
            ("scipy_openblas", ""),
            ("openblas", "64_"),
            ("openblas", ""),
        ):
            setter = getattr(handle, f"{prefix}_set_num_threads{suffix}", None)
            getter = getattr(handle, f"{prefix}_get_num_threads{suffix}", None)
            if setter is not None and getter is not None:
                setter.argtypes, setter.restype, getter.restype = [ctypes.c_int], None, ctypes.c_int
                return _OneBlasThread(setter, getter)
    return None


def _numpy_gemm_ops(one_thread: _OneBlasThread) -> Any:
    from thinc.api import NumpyOps, Ops

    class NumpyGemmOps(NumpyOps):  # type: ignore[misc]
        """thinc's CPU ops with numpy's matrix product (thinc's own ``use_blis=False`` path), on one BLAS thread."""

        def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            with one_thread:
                return Ops.gemm(self, x, y, out=out, trans1=trans1, trans2=trans2)

    return NumpyGemmOps(use_blis=False)


def use_numpy_gemm(nlp: Any) -> bool:
    """Route the matrix products of ``nlp``'s models through numpy on one BLAS thread (see above); returns
    whether it did (False where numpy's OpenBLAS thread count cannot be set: blis stays)."""
    one_thread = _openblas_threads()
    if one_thread is None:
        return False
    ops = _numpy_gemm_ops(one_thread)
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops
    return True
