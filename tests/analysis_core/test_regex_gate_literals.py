"""Patterns compiled on first use (h181): the stored gates are those of the patterns as they are, a pattern is
compiled only when a text may match it, and every answer is the standard library's."""

from __future__ import annotations

import importlib.util
import json
import pickle
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from reverie.analysis import lazy_re, regex_gate, risk, risk_lexicon
from reverie.analysis.bench import synthetic_entries

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"


_STORED_SOURCE = risk_lexicon.RULES[0].pattern.pattern  # a pattern the stored file holds


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "regex_gate_literals", ROOT / "scripts" / "regex_gate_literals.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lazy_patterns() -> list[regex_gate.LazyPattern]:
    """Every lazy pattern the risk modules hold: the lexicon's rules and named patterns, and risk's."""
    found: list[object] = [rule.pattern for rule in risk_lexicon.RULES]
    for module in (risk_lexicon, risk):
        for value in vars(module).values():
            found.extend(value if isinstance(value, tuple) else [value])
            if isinstance(value, tuple):
                found.extend(v[1] for v in value if isinstance(v, tuple) and len(v) == 2)
    lazy = [p for p in found if isinstance(p, regex_gate.LazyPattern)]
    return list({id(p): p for p in lazy}.values())


def _texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((TESTS / "fixtures").glob("*.jsonl")) + sorted(
        (TESTS / "analysis_risk").glob("challenge*.jsonl")
    ):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line).get("text")
                if isinstance(text, str):
                    texts.append(text)
    return [*texts, *synthetic_entries()]


def test_the_stored_gates_are_those_of_the_patterns_as_they_are() -> None:
    """Fails after any pattern compiled through ``regex_gate.compile`` changes: run scripts/regex_gate_literals.py
    (until then the changed patterns are compiled at import and gated as before: slower, never different)."""
    expected = _script().expected()
    assert regex_gate.STORE.read_text(encoding="utf-8") == expected, (
        "src/reverie/analysis/regex_gate_literals.json is stale: run scripts/regex_gate_literals.py"
    )


def test_the_stored_file_holds_no_pattern_text() -> None:
    data = json.loads(regex_gate.STORE.read_text(encoding="utf-8"))
    assert set(data) == {"format", "python", "patterns"}
    assert all(re.fullmatch(r"[0-9a-f]{24}", key) for key in data["patterns"])
    assert _STORED_SOURCE not in regex_gate.STORE.read_text(encoding="utf-8")


def test_every_lexicon_rule_is_compiled_on_first_use() -> None:
    assert all(isinstance(rule.pattern, regex_gate.LazyPattern) for rule in risk_lexicon.RULES)
    assert len(_lazy_patterns()) > 300


def test_a_fresh_process_compiles_only_what_its_text_may_match() -> None:
    code = (
        "import gc\n"
        "from reverie.analysis import regex_gate, risk\n"
        "def compiled():\n"
        "    lazy = [o for o in gc.get_objects() if isinstance(o, regex_gate.LazyPattern)]\n"
        "    return len(lazy), sum(o.compiled is not None for o in lazy)\n"
        "print(*compiled())\n"
        "risk.screen('Walked home the long way and thought about lunch.', model=False)\n"
        "print(*compiled())\n"
        "risk.screen('I want to kill myself tonight. I have the pills ready.', model=False)\n"
        "print(*compiled())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    (made, at_import), (_, everyday), (_, risky) = (
        tuple(map(int, line.split())) for line in out.stdout.split("\n")[:3]
    )
    assert made > 300
    assert at_import == 0
    assert everyday < made // 10  # an everyday sentence compiles few of them
    assert everyday < risky < made  # a risky one the patterns it may match, still not all


def test_a_text_the_gate_rules_out_never_matches() -> None:
    """The stand-in's own check before it compiles, on every lazy pattern and one fixture text in eight (normalised
    as the lexicon reads them, and as written; the gates' own soundness on every text: test_regex_gate.py)."""
    texts = _texts()[::8]
    texts += [risk_lexicon.normalise(t) for t in texts]
    ruled_out = 0
    for lazy in _lazy_patterns():
        compiled = re.compile(lazy.pattern, lazy.given_flags)
        for text in texts:
            if lazy._ruled_out(text, 0, len(text)):
                ruled_out += 1
                assert compiled.search(text) is None, lazy.pattern
    assert ruled_out > len(texts) * len(_lazy_patterns()) // 2


def _fresh(source: str, flags: int = 0) -> regex_gate.LazyPattern:
    return regex_gate.LazyPattern(source, flags, regex_gate.analyse(source, flags))


@pytest.mark.parametrize(
    "source",
    [
        r"\b(?:tried|attempted)\s+to\s+(?P<what>die)\b",
        r"(?i)\bover\s+the\s+moon\b",
        r"\b(?:x|y)\b",  # a gate the reader cannot vouch for: compiled on first use
        risk_lexicon.PLAN_INTENT,
    ],
)
def test_a_lazy_pattern_answers_as_the_compiled_one(source: str) -> None:
    compiled = re.compile(source)
    texts = [
        "nothing here",
        "I tried to die.",
        "OVER THE MOON and x",
        "i'm gonna kill myself tonight",
        "",
        "y",
    ]
    for text in texts:
        for name in ("search", "match", "fullmatch"):
            got, want = getattr(_fresh(source), name)(text), getattr(compiled, name)(text)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
        assert [m.span() for m in _fresh(source).finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
        assert _fresh(source).findall(text) == compiled.findall(text)
        assert _fresh(source).sub("-", text) == compiled.sub("-", text)
        assert _fresh(source).split(text) == compiled.split(text)
        with_pos = _fresh(source).search(text, 2, 40)
        assert (with_pos and with_pos.span()) == ((m := compiled.search(text, 2, 40)) and m.span())
    lazy = _fresh(source)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )
    assert lazy.pattern == compiled.pattern


def test_a_lazy_pattern_compiles_once_and_then_is_the_compiled_pattern() -> None:
    lazy = _fresh(r"\bkill\s+myself\b")
    assert lazy.search("a quiet day") is None and lazy.compiled is None  # ruled out: not compiled
    assert lazy.search("i could kill myself") is not None and lazy.compiled is not None
    first = lazy.compiled
    assert lazy.search == first.search  # the compiled pattern's own method from now on
    assert lazy.search("a quiet day") is None and lazy.compiled is first


def test_a_lazy_pattern_pickles_as_its_source() -> None:
    lazy = lazy_re.compile(_STORED_SOURCE)
    assert isinstance(lazy, regex_gate.LazyPattern)
    copy = pickle.loads(pickle.dumps(lazy))
    assert copy.pattern == lazy.pattern and copy.flags == lazy.flags


def test_a_pattern_the_file_does_not_hold_is_compiled_at_once() -> None:
    pattern = lazy_re.compile(r"\bnot\s+in\s+the\s+stored\s+file\s+(?:a|b)\b")
    assert isinstance(pattern, re.Pattern)
    assert regex_gate.necessary_literals(pattern) is not None  # gated as before, from its syntax tree
    # the file is the risk modules' alone: a pattern compiled elsewhere (here) does not make it stale
    assert regex_gate.STORE.read_text(encoding="utf-8") == _script().expected()


@pytest.mark.parametrize(
    "header", [{"python": "2.7"}, {"format": "reverie.regex_gate/0"}, {"patterns": "not a mapping"}]
)
def test_a_file_for_another_python_or_reading_is_not_used(
    header: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = json.loads(regex_gate.STORE.read_text(encoding="utf-8"))
    (tmp_path / "gates.json").write_text(json.dumps({**data, **header}), encoding="utf-8")
    monkeypatch.setattr(regex_gate, "STORE", tmp_path / "gates.json")
    monkeypatch.setattr(regex_gate, "_stored", None)
    assert regex_gate.stored(_STORED_SOURCE) is None
    assert isinstance(lazy_re.compile(_STORED_SOURCE), re.Pattern)


def test_a_missing_file_compiles_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_gate, "STORE", tmp_path / "absent.json")
    monkeypatch.setattr(regex_gate, "_stored", None)
    assert isinstance(lazy_re.compile(_STORED_SOURCE), re.Pattern)


def test_a_window_of_a_long_text_is_read_by_the_compiled_pattern_not_gated_over_the_whole_text() -> None:
    """Review of stop 54: a caller reading one long text sentence by sentence (``search(text, pos, endpos)``) made an
    uncompiled stand-in scan the whole text for its literals once per sentence (a 25,000-character note: 2.5 s of
    6.3). A windowed call compiles the pattern; its answers are the compiled pattern's, window by window."""
    lazy = _fresh(r"\bkill\s+myself\b")
    quiet = "Tidied the shed. " * 2000
    assert lazy.search(quiet) is None and lazy.compiled is None  # a whole text is still gated
    assert lazy.search(quiet, 17, 34) is None and lazy.compiled is not None  # a window: compiled, not gated
    text = quiet + "I want to kill myself."
    found = _fresh(r"\bkill\s+myself\b").search(text, len(quiet))
    assert found is not None and found.group() == "kill myself"
