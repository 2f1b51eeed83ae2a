"""Typed results of analysis: every finding carries its evidence spans and provenance."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into the analysed text."""

    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an analyzer found.

    ``kind`` names the family (``emotion``, ``ambivalence``, ``person``, ``time``, ``episode``, ``defense``,
    ``risk``, ``dream_code`` …), ``label`` the value within it. ``data`` holds kind-specific, JSON-safe detail.
    """

    analyzer: str
    version: str
    model_hash: str
    kind: str
    label: str
    confidence: float
    spans: tuple[Span, ...]
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "analyzer": self.analyzer,
            "version": self.version,
            "model_hash": self.model_hash,
            "kind": self.kind,
            "label": self.label,
            "confidence": round(self.confidence, 4),
            "spans": [[s.start, s.end] for s in self.spans],
            "data": dict(self.data),
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Finding:
        return cls(
            analyzer=str(raw["analyzer"]),
            version=str(raw["version"]),
            model_hash=str(raw["model_hash"]),
            kind=str(raw["kind"]),
            label=str(raw["label"]),
            confidence=float(raw["confidence"]),
            spans=tuple(Span(int(a), int(b)) for a, b in raw["spans"]),
            data=dict(raw.get("data", {})),
        )


@dataclass(frozen=True, slots=True)
class AnalysisResult:
    """Everything found in one text, plus notes that explain what was *not* done (truncation, language)."""

    kind: str
    findings: tuple[Finding, ...]
    notes: tuple[str, ...] = ()
    truncated: bool = False
    analyzers: Mapping[str, str] = field(default_factory=dict)  # name -> "version:model_hash"
    # name -> why an analyzer that applies to this kind did not run (pipeline.NO_SENTENCES, TIME_BOUND …)
    skipped: Mapping[str, str] = field(default_factory=dict)

    def of_kind(self, kind: str) -> list[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "reverie.analysis/1",
            "kind": self.kind,
            "truncated": self.truncated,
            "notes": list(self.notes),
            "analyzers": dict(self.analyzers),
            "skipped": dict(self.skipped),
            "findings": [f.to_json() for f in self.findings],
        }
