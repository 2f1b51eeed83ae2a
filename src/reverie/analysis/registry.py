"""Analyzers are registered components with versioned names and declared inputs and outputs.

An analyzer is built once (loading any artefact) and then called per document. Every finding it returns
records the analyzer's name, version and model hash, so stored results can be recomputed when a model changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from reverie.analysis.document import Document
    from reverie.analysis.findings import Finding

# Inputs an analyzer may declare; the pipeline computes each at most once per document.
INPUTS = frozenset({"sentences", "spacy", "embeddings", "findings"})


class Analyzer(Protocol):
    name: str
    version: str
    model_hash: str
    requires: frozenset[str]  # subset of INPUTS
    produces: frozenset[str]  # finding kinds
    applies_to: frozenset[str] | None  # entry kinds, None = all

    def run(self, doc: Document) -> list[Finding]: ...


@dataclass(frozen=True, slots=True)
class Registration:
    name: str
    factory: Callable[[], Analyzer]
    order: int  # lower runs first; analyzers that read other findings run later


_REGISTRY: dict[str, Registration] = {}


def register(name: str, *, order: int = 50) -> Callable[[Callable[[], Analyzer]], Callable[[], Analyzer]]:
    """Decorator: register a zero-argument factory that builds the analyzer."""

    def wrap(factory: Callable[[], Analyzer]) -> Callable[[], Analyzer]:
        _REGISTRY[name] = Registration(name=name, factory=factory, order=order)
        return factory

    return wrap


def registrations() -> list[Registration]:
    return sorted(_REGISTRY.values(), key=lambda r: (r.order, r.name))
