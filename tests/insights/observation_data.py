"""A hand-made analysis result for the observation tests (pure and web): every kind, some below their floor."""

from __future__ import annotations

import re
from typing import Any

TEXT = (
    "When I was a child I wanted my mother to notice my drawings. She told me to stop bothering her. "
    "I went to my room and stopped showing her anything. I felt sad all afternoon and I don't know why. "
    "I love Sam but I am so angry at Sam. Sometimes I think everyone would be better off without me."
)
RAW_CODE = re.compile(r"\b(W|RO|RS)\d\b|\bCCRT\b|\bDMRS\b|\bODF\b|\bHVdC\b|\b\d[MFJ][A-Z]{2}\b|_|\bcluster\b")


def _f(kind: str, value: str, confidence: float, spans: list[list[int]], **data: Any) -> dict[str, Any]:
    return {
        "analyzer": kind,
        "version": "test",
        "model_hash": "test",
        "kind": kind,
        "label": value,
        "confidence": confidence,
        "spans": spans,
        "data": data,
    }


def _span(part: str) -> list[int]:
    start = TEXT.index(part)
    return [start, start + len(part)]


def result() -> dict[str, Any]:
    comp = lambda c, p, conf: {"cluster": c, "label": "x", "span": _span(p), "confidence": conf}  # noqa: E731
    findings = [
        _f(
            "episode",
            "mother",
            0.8,
            [_span("When I was a child")],
            other="mother",
            group="family",
            w=comp(6, "wanted my mother to notice my drawings", 0.82),
            ro=comp(5, "She told me to stop bothering her", 0.7),
            rs=comp(2, "I went to my room", 0.66),
        ),
        _f("emotion", "sadness", 0.99, [_span("I felt sad all afternoon")], scope="entry"),
        _f("emotion", "sadness", 0.99, [_span("I felt sad all afternoon")], scope="sentence"),
        _f("emotion", "neutral", 0.9, [_span("She told me")], scope="entry"),
        _f("emotion", "annoyance", 0.2, [_span("She told me")], scope="entry"),  # below the floor
        _f("emotion", "anger", 0.7, [_span("so angry at Sam")], scope="entry"),
        _f("emotion", "love", 0.6, [_span("I love Sam")], scope="entry"),
        _f("emotion", "confusion", 0.8, [_span("I don't know why")], scope="entry"),
        _f(
            "ambivalence",
            "sam",
            0.6,
            [_span("I love Sam but I am so angry at Sam")],
            role="other",
            name="Sam",
            positive=["love"],
            negative=["anger"],
        ),
        _f("unexplained_feeling", "dont_know_why", 0.9, [_span("I don't know why")]),
        _f("defense", "High-adaptive", 0.9, [_span("I felt sad")], level=7, defense="self_assertion"),
        _f("odf", "odf", 1.0, [], odf=7.0),
        _f("person", "mother", 0.9, [_span("mother")]),
        _f("time", "past_childhood", 0.85, [_span("When I was a child")]),
        _f("risk", "ideation", 0.74, [_span("better off without me")], level="ideation"),
    ]
    return {"schema": "reverie.analysis/1", "findings": findings}
