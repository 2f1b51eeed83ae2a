"""The regular-expression pre-check: it may only skip a scan that would have found nothing."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from reverie.analysis import regex_gate, risk_lexicon
from reverie.analysis.bench import synthetic_entries

TESTS = Path(__file__).resolve().parents[1]


def _matches(found: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:tried|attempted)\s+to\s+die\b", [{"tried", "attempted"}, {"die"}, {"to"}]),
        (r"my\s?self", [{"self"}, {"my"}]),
        (r"(?:a|b)(?:cd|ef)g", [{"acdg", "aefg", "bcdg", "befg"}]),
        (r"x(?:ab|)y", [{"xaby", "xy"}]),
        (r"(?:hello)+ there", [{" there"}, {"hello"}]),
    ],
)
def test_necessary_literals_are_what_every_match_must_contain(pattern: str, expected: list[set[str]]) -> None:
    gate = regex_gate.necessary_literals(re.compile(pattern))
    assert gate is not None
    assert sorted(map(sorted, gate)) == sorted(map(sorted, expected))


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+e",  # nothing literal long enough to be worth a check
        r"(?:sad|\w+)y",  # one alternative guarantees nothing, and "y" alone is too short
        r"(?i)hello",  # case-insensitive: never skipped
        r"(?:abc)?d",  # an optional part guarantees nothing
    ],
)
def test_patterns_it_cannot_vouch_for_are_always_scanned(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert regex_gate.necessary_literals(compiled) is None
    assert regex_gate.may_match(compiled, "zzz")


def test_case_insensitive_pattern_still_matches_through_the_gate() -> None:
    compiled = re.compile("HELLO", re.IGNORECASE)
    assert _matches(regex_gate.finditer(compiled, "oh hello")) == _matches(compiled.finditer("oh hello"))


def test_optional_and_lookaround_parts_never_wrongly_skip() -> None:
    compiled = re.compile(r"\bsad(?:ness)?(?!\s+song)\b|\bblue(?=\s)")
    for text in ("sad", "so sadness", "blue sky", "a sad song", "bluesky", "nothing here"):
        assert _matches(regex_gate.finditer(compiled, text)) == _matches(compiled.finditer(text))


def _fixture_texts() -> list[str]:
    texts: list[str] = []
    files = sorted((TESTS / "fixtures").glob("*.jsonl")) + sorted(
        (TESTS / "analysis_risk").glob("challenge*.jsonl")
    )
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                text = row.get("text") or row.get("report")
                if isinstance(text, str):
                    texts.append(text)
    return [*texts, *synthetic_entries()]


def _compiled(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The standard library's compiled pattern (the lexicon's are compiled on first use, regex_gate.LazyPattern,
    and gated themselves before that: the reference here is never gated)."""
    return re.compile(pattern.pattern, pattern.flags)


def test_risk_patterns_find_exactly_the_same_matches_on_every_fixture_text() -> None:
    patterns = [*(rule.pattern for rule in risk_lexicon.RULES), *risk_lexicon.FIGURES, *risk_lexicon.INJURIES]
    texts = [risk_lexicon.normalise(t) for t in _fixture_texts()]
    assert len(texts) > 1000
    compiled = {id(p): _compiled(p) for p in patterns}
    skipped = 0
    for text in texts:
        for pattern in patterns:
            assert _matches(regex_gate.finditer(pattern, text)) == _matches(
                compiled[id(pattern)].finditer(text)
            ), pattern.pattern
            skipped += not regex_gate.may_match(pattern, text)
    assert skipped > len(texts) * len(patterns) // 2  # the check does skip most scans


def test_risk_patterns_agree_on_text_made_of_their_own_words() -> None:
    """Seeded word salad from the lexicon's own literals, so that the gates pass and the patterns can match."""
    patterns = [rule.pattern for rule in risk_lexicon.RULES]
    vocabulary = sorted(
        {s for p in patterns for alternatives in regex_gate.necessary_literals(p) or () for s in alternatives}
    )
    vocabulary += ["i", "to", "my", "me", "it", "all", "and", "the", "a", "."]
    rng = random.Random(3)
    compiled = {id(p): _compiled(p) for p in patterns}
    for _ in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 30)))
        for pattern in patterns:
            assert _matches(regex_gate.finditer(pattern, text)) == _matches(
                compiled[id(pattern)].finditer(text)
            ), pattern.pattern


# --- case-insensitive patterns: literals checked against the folded text, once per document ---------------


def _emotion_patterns() -> list[re.Pattern[str]]:
    from reverie.analysis import emotion_scope

    found: list[re.Pattern[str]] = []
    for value in vars(emotion_scope).values():
        if isinstance(value, re.Pattern):
            found.append(value)
        elif isinstance(value, tuple):
            found.extend(p[0] for p in value if isinstance(p, tuple) and p and isinstance(p[0], re.Pattern))
    return list(dict.fromkeys(found))


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:Over the moon|on cloud nine)\b", [{"over the moon", "on cloud nine"}]),
        (r"\bfed up\b|\bsick of\b", [{"fed up", "sick of"}]),
        (r"(?-i:ABC)def", [{"abcdef"}]),  # a case-sensitive part matches its lower-case fold too
        (r"caf\u00e9 au lait|tea", None),  # a non-ASCII alternative: its set is dropped, nothing left
    ],
)
def test_folded_literals_of_case_insensitive_patterns(pattern: str, expected: list[set[str]] | None) -> None:
    gate = regex_gate.folded_literals(re.compile(pattern, re.IGNORECASE))
    if expected is None:
        assert gate is None
    else:
        assert gate is not None
        assert sorted(map(sorted, gate)) == sorted(map(sorted, expected))


def test_folded_literals_only_for_case_insensitive_patterns() -> None:
    assert regex_gate.folded_literals(re.compile("hello")) is None
    assert regex_gate.necessary_literals(re.compile("hello", re.IGNORECASE)) is None  # the old gate unchanged


def test_the_four_non_ascii_letters_python_matches_for_ascii_ones_are_folded() -> None:
    """Every code point that a case-insensitive ASCII letter matches, other than the letter's two cases, is one
    of the four that ``fold`` maps; and no other code point lower-cases to anything ASCII."""
    others = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    extra = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for match in re.finditer(letter, others, re.IGNORECASE):
            extra[match.group()] = letter
    assert {regex_gate.fold(c): letter for c, letter in extra.items()} == {
        letter: letter for letter in extra.values()
    }
    assert sorted(extra) == ["\u0130", "\u0131", "\u017f", "\u212a"]
    lowered_to_ascii = [c for c in others if any(x.isascii() for x in c.lower())]
    assert sorted(lowered_to_ascii) == ["\u0130", "\u212a"]  # both mapped by fold before it lower-cases


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("I was OVER THE MOON.", True),
        ("I was over the mo\u00f6n.", False),  # near miss: no "over the moon" in any case
        ("\u0130F ONLY I'D KNOWN", True),  # dotted capital I: matched by (?i)i, folded to "i"
        ("if onl\u0443 I'd known", False),  # Cyrillic u: not matched, not folded
        ("The \u212aind of day", True),  # Kelvin sign: matched by (?i)k
        ("Mi\u017f\u017f you", True),  # long s: matched by (?i)s
    ],
)
def test_text_gate_on_case_insensitive_patterns(text: str, may: bool) -> None:
    patterns = [
        re.compile(r"\bover the moon\b", re.I),
        re.compile(r"\bif only i'd\b", re.I),
        re.compile(r"\bkind of\b", re.I),
        re.compile(r"\bmiss you\b", re.I),
    ]
    gate = regex_gate.TextGate(["A first sentence.", text])
    assert any(gate(p) for p in patterns) is may
    for pattern in patterns:  # the gate never rules out a pattern that matches
        assert gate(pattern) or pattern.search(text) is None


def test_text_gate_on_a_case_sensitive_pattern_is_the_plain_gate() -> None:
    pattern = re.compile(r"\bHello there\b")
    assert regex_gate.TextGate(["Oh. Hello there."])(pattern)
    assert not regex_gate.TextGate(["Oh. hello there."])(pattern)


def test_emotion_patterns_ruled_out_for_a_text_never_match_in_it() -> None:
    """Every pattern of the emotion layer, on every fixture text split into sentences: where the gate over the
    text's sentences rules a pattern out, it matches in none of them; and the gate does rule most out."""
    from reverie.analysis.document import split_sentences
    from reverie.analysis.emotion_scope import plain

    patterns = _emotion_patterns()
    assert len(patterns) > 80
    ruled_out = checked = 0
    for text in _fixture_texts():
        sentences = [plain(text[a:b]) for a, b in split_sentences(text)]
        gate = regex_gate.TextGate(sentences)
        for pattern in patterns:
            checked += 1
            if not gate(pattern):
                ruled_out += 1
                assert not any(pattern.search(s) for s in sentences), pattern.pattern
    assert ruled_out > checked // 2


def test_emotion_patterns_agree_on_text_made_of_their_own_words() -> None:
    """Seeded word salad from the patterns' own literals, in random case, with the four special letters mixed
    in, so that gates pass and patterns match: the gate never rules out a pattern that matches."""
    patterns = [p for p in _emotion_patterns() if p.flags & re.IGNORECASE]
    vocabulary = sorted(
        {s for p in patterns for alternatives in regex_gate.folded_literals(p) or () for s in alternatives}
    )
    vocabulary += ["i", "me", "my", "it", "was", "so", ".", ",", "\u0130", "\u212a", "\u017f", "\u0131"]
    rng = random.Random(5)
    matched = 0
    for _ in range(400):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(2, 12))]
        text = " ".join(w.upper() if rng.random() < 0.3 else w for w in words)
        gate = regex_gate.TextGate(["Something else.", text])
        for pattern in patterns:
            found = pattern.search(text) is not None
            matched += found
            assert gate(pattern) or not found, pattern.pattern
    assert matched > 100


def test_a_case_insensitive_pattern_ruled_out_for_a_folded_sentence_never_matches_in_it() -> None:
    from reverie.analysis.defenses import CUES
    from reverie.analysis.document import split_sentences

    patterns = [cue.pattern for cue in CUES]
    skipped = 0
    for text in _fixture_texts()[::7]:
        plain = text.replace("\u2019", "'")
        for start, end in split_sentences(plain):
            sentence = plain[start:end]
            folded = regex_gate.fold(sentence)
            for pattern in patterns:
                if not regex_gate.may_match_folded(pattern, folded):
                    skipped += 1
                    assert pattern.search(sentence) is None, (pattern.pattern, sentence)
    assert skipped > 0  # the per-sentence check does rule patterns out


def test_may_match_folded_never_rules_out_a_pattern_it_cannot_vouch_for() -> None:
    assert regex_gate.may_match_folded(re.compile("hello"), "zzz")  # case-sensitive: no folded gate
    assert regex_gate.may_match_folded(re.compile(r"\w+", re.IGNORECASE), "")  # nothing literal
    assert not regex_gate.may_match_folded(re.compile("HELLO", re.IGNORECASE), "oh hi")
    assert regex_gate.may_match_folded(re.compile("HELLO", re.IGNORECASE), regex_gate.fold("Oh HELLO"))
