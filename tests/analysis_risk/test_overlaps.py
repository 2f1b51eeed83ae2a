"""The lexicon keeps the strongest of overlapping phrases and places each hit in its sentence by bisection, not by a
scan per hit (a long text with thousands of hits was quadratic: 282 kB of one repeated set-up took 9 s). The results
must be exactly those of the plain definitions, checked here on seeded random spans and on a real reading."""

from __future__ import annotations

import random

from reverie.analysis import risk_lexicon as lx


def _plain_without_overlaps(hits: list[lx.Hit]) -> list[lx.Hit]:
    kept: list[lx.Hit] = []
    for h in sorted(hits, key=lambda h: (-h.level, -h.rule_level, h.start - h.end, h.start)):
        if not any(lx._overlaps((h.start, h.end), (k.start, k.end)) for k in kept):
            kept.append(h)
    return kept


def test_without_overlaps_keeps_exactly_what_the_plain_definition_keeps() -> None:
    rng = random.Random(17)
    for _ in range(300):
        hits = []
        for _ in range(rng.randint(0, 40)):
            start = rng.randint(0, 200)
            end = start + rng.randint(0, 30)  # empty spans too
            level = rng.randint(0, 4)
            hits.append(lx.Hit(start, end, "r", level, max(level, rng.randint(0, 4))))
        assert lx._without_overlaps(hits) == _plain_without_overlaps(hits)


def test_a_hit_is_placed_in_the_sentence_a_scan_would_find() -> None:
    ctx = lx._context("First one. Second, longer one!   Third?\n\nFourth without a stop", "free_association")
    for offset in range(len(ctx.norm) + 3):
        scan = next((i for i, (s, e) in enumerate(ctx.sentences) if s <= offset < e), len(ctx.sentences) - 1)
        assert lx._sentence_of(ctx, offset) == scan


def test_many_hits_in_one_text_read_as_each_alone() -> None:
    one = "I tied the rope to the beam and then got down. "
    hits = lx.read(one * 300)
    assert len(hits) == 300 and {h.rule for h in hits} == {"aborted_composed"}
    assert all(h.start == i * len(one) for i, h in enumerate(hits))
