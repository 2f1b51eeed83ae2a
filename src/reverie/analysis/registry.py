"""Analyzers are registered components with versioned names and declared inputs and outputs.

An analyzer is built once (loading any artefact) and then called per document. Every finding it returns
records the analyzer's name, version and model hash, so stored results can be recomputed when a model changes.

A registration may also *declare* its version, the entry kinds it reads, its inputs and how to learn its model
hash from the installed artefacts' recorded hashes (their manifests, or a file hash cached by modification time)
without building it: :func:`reverie.analysis.pipeline.declared_versions` answers "which analyzers, which
versions" from these declarations alone, and the pipeline picks the analyzers for a kind from the same ones.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
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
class Declaration:
    """What an analyzer is, known without building it (no model loaded): it must equal what the built analyzer
    records in an analysis's ``analyzers`` (``version:model_hash``), which a test checks for every entry kind."""

    version: str
    model_hash: Callable[[], str]  # from the artefacts' recorded hashes; raises when they are not installed
    applies_to: frozenset[str] | None = None  # entry kinds, None = all
    requires: frozenset[str] = frozenset()  # subset of INPUTS

    def applies(self, kind: str) -> bool:
        return self.applies_to is None or kind in self.applies_to


@dataclass(frozen=True, slots=True)
class Registration:
    name: str
    factory: Callable[[], Analyzer]
    order: int  # lower runs first; analyzers that read other findings run later
    declared: Declaration | None = None  # None: known only once built (tests, experiments)


_REGISTRY: dict[str, Registration] = {}


def register(
    name: str, *, order: int = 50, declared: Declaration | None = None
) -> Callable[[Callable[[], Analyzer]], Callable[[], Analyzer]]:
    """Decorator: register a zero-argument factory that builds the analyzer (``declared``: see
    :class:`Declaration`)."""

    def wrap(factory: Callable[[], Analyzer]) -> Callable[[], Analyzer]:
        _REGISTRY[name] = Registration(name=name, factory=factory, order=order, declared=declared)
        return factory

    return wrap


_digests: dict[tuple[str, int, int], str] = {}
_digests_lock = threading.Lock()


def file_sha256(path: Path) -> str:
    """The SHA-256 of a (small) artefact file, cached by path, size and modification time: a declaration reads
    it once per process, not per call. Raises OSError when the file is missing."""
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    with _digests_lock:
        known = _digests.get(key)
    if known is None:
        known = hashlib.sha256(path.read_bytes()).hexdigest()
        with _digests_lock:
            _digests[key] = known
    return known


def registrations() -> list[Registration]:
    return sorted(_REGISTRY.values(), key=lambda r: (r.order, r.name))
