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


def test_risk_patterns_find_exactly_the_same_matches_on_every_fixture_text() -> None:
    patterns = [*(rule.pattern for rule in risk_lexicon.RULES), *risk_lexicon.FIGURES, *risk_lexicon.INJURIES]
    texts = [risk_lexicon.normalise(t) for t in _fixture_texts()]
    assert len(texts) > 1000
    skipped = 0
    for text in texts:
        for pattern in patterns:
            assert _matches(regex_gate.finditer(pattern, text)) == _matches(pattern.finditer(text)), (
                pattern.pattern
            )
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
    for _ in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 30)))
        for pattern in patterns:
            assert _matches(regex_gate.finditer(pattern, text)) == _matches(pattern.finditer(text)), (
                pattern.pattern
            )
