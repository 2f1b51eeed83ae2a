"""Text in, findings out: prepare once, encode once, run every registered analyzer in order.

The pipeline never crashes on what a person writes: an analyzer that fails is named in the notes and the
others still run. Analyzer modules register themselves on import; the list of modules lives in
``ANALYZER_MODULES`` and modules that do not exist (yet) are skipped with a log line.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reverie.analysis.document import Document, chunks, prepare, truncation_note
from reverie.analysis.encoder import encode_both
from reverie.analysis.findings import AnalysisResult
from reverie.analysis.registry import Registration, registrations
from reverie.errors import InvalidInput, ReverieError

if TYPE_CHECKING:
    from reverie.analysis.encoder import Encoder
    from reverie.analysis.registry import Analyzer

log = logging.getLogger(__name__)

ANALYZER_MODULES = (
    "reverie.analysis.emotions",
    "reverie.analysis.ambivalence",
    "reverie.analysis.people",
    "reverie.analysis.timeframes",
    "reverie.analysis.episodes",
    "reverie.analysis.defenses",
    "reverie.analysis.risk",
    "reverie.analysis.dreams.coder",
)
SECONDS_PER_CHUNK = 60.0  # a document may take this long per chunk of sentences (document.CHUNK_SENTENCES)
# The risk screen must always be read: never skipped by the time bound, and run on any text that is not blank even
# when the language check leaves no sentence to the others (a terse or a non-English entry; docs/risk.md). It reads
# the whole text, past MAX_ANALYSED_CHARS too (RiskAnalyzer reads Document.full_text).
ALWAYS_RUN = frozenset({"risk"})
ENCODER_KEY = "encoder"  # provenance entry for the shared encoder in AnalysisResult.analyzers
# Why an analyzer that applies to a text did not run on it (AnalysisResult.skipped): the text has no sentences,
# it ran past its time bound, the analyzer could not be built or failed, or its input (the encoder) is missing.
NO_SENTENCES, TIME_BOUND, FAILED, UNAVAILABLE = "no-sentences", "time-bound", "failed", "unavailable"
# A reason that may not hold later names what it held under, after "@": "failed@<version:model_hash>" (the analyzer
# that failed), "unavailable@<encoder name:model_hash>" (the encoder installed then; nothing after "@" when none
# was). The stored analysis is outdated once that changes (clinic.services.analysis.is_outdated, review r41).
UNDER = "@"


def _under(reason: str, version: str) -> str:
    return f"{reason}{UNDER}{version}"


def _declared_version(registration: Registration) -> str:
    declared = registration.declared
    if declared is None:
        return ""
    try:
        return f"{declared.version}:{declared.model_hash()}"
    except Exception:
        return ""


def _installed_encoder() -> str:
    from reverie.analysis.onnx_encoder import installed_manifest

    try:
        manifest = installed_manifest()
    except Exception:
        return ""
    return f"{manifest.name}:{manifest.model_hash}"


_lock = threading.Lock()
_imported = False
_built: dict[str, Analyzer] = {}


@dataclass(slots=True)
class _Run:
    """One document on its way through the pipeline, with the notes the pipeline adds."""

    doc: Document
    analyzers: list[Analyzer]
    notes: list[str]
    provenance: dict[str, str]
    skipped: dict[str, str]


def analyse(
    text: str,
    kind: str = "free_association",
    *,
    encoder: Encoder | None = None,
    only: Collection[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AnalysisResult:
    """Analyse one text of the given entry ``kind`` (``free_association``, ``dream``, ``session_note`` …).

    ``only`` names the analyzers to run (unknown names raise :class:`InvalidInput`); it runs exactly those, so
    include what they build on (``ambivalence`` reads ``emotions`` and ``people``). ``encoder`` defaults to the
    shared ONNX encoder, loaded once per process.
    """
    return analyse_many([(text, kind)], encoder=encoder, only=only, progress=progress)[0]


def analyse_many(
    texts: Sequence[tuple[str, str]],
    *,
    encoder: Encoder | None = None,
    only: Collection[str] | None = None,
    timings: dict[str, float] | None = None,
    progress: Callable[[int, int], None] | None = None,
    seconds_per_chunk: float = SECONDS_PER_CHUNK,
    overlap: bool = True,
) -> list[AnalysisResult]:
    """Analyse ``(text, kind)`` pairs; sentences of all texts go through the encoder together.

    Within one call a sentence is encoded once (:func:`~reverie.analysis.onnx_encoder.shared_sentences`), however
    many analyzers ask for it. ``timings``, when given, accumulates seconds per stage: ``prepare``, ``encoder``,
    ``spacy`` (the lazy parse, wherever it happens) and each analyzer by name (without its share of spaCy).

    Time bound: a document may take ``seconds_per_chunk`` per chunk of sentences; once over, the analyzers
    still to run are skipped and named in the notes (the risk screen always runs). ``progress(done, total)`` is
    called after the encoder pass and after each analyzer of each document.

    With ``overlap`` (the default) and a core free of the encoder's threads (:func:`core_free`), spaCy reads the
    documents whose analyzers declare ``"spacy"`` on a second thread while the encoder pass runs (onnxruntime and
    spaCy's matrix products leave Python's lock), and the analyzers start once both are done: the same work and
    the same results, in less wall time. Its time then shows as ``spacy`` only where the encoder pass did not
    hide it. Without a free core the thread would only take turns with the encoder's threads, at a CPU cost.
    """
    from reverie.analysis.onnx_encoder import shared_sentences

    _check_texts(texts)
    clock = _Clock(timings)
    chosen = _registrations(only)
    with shared_sentences():
        with clock("prepare"):
            runs = [_start(text, kind, chosen) for text, kind in texts]
        ahead = _spacy_ahead(runs, overlap and core_free())
        with clock("encoder"):
            _embed(runs, encoder)
        if ahead is not None:
            with clock("spacy"):  # what the encoder pass did not hide
                ahead.join()
        steps = _Steps(progress, 1 + sum(len(run.analyzers) for run in runs))
        steps.advance()
        for run in runs:
            _run_analyzers(run, clock, steps, seconds_per_chunk)
    return [_result(run) for run in runs]


def _check_texts(texts: Sequence[tuple[str, str]]) -> None:
    """Refuse, before anything runs, what no analyzer can read: a text or a kind that is not a ``str`` (bytes,
    ``None``), and a text with a lone surrogate (:func:`reverie.text.not_utf8`; no entry path stores one). Without
    it a lone surrogate failed the risk screen inside the run and the caller got a result with no risk finding,
    the failure only a note. The message names the text by its place, never its words."""
    from reverie.text import NOT_TEXT, not_utf8

    for number, (text, kind) in enumerate(texts, start=1):
        if isinstance(text, bytes):
            raise InvalidInput(f"Text {number} is bytes, not str: decode it first.")
        if not isinstance(text, str):
            raise InvalidInput(f"Text {number} is {type(text).__name__}, not str.")
        if not isinstance(kind, str):
            raise InvalidInput(f"The kind of text {number} is {type(kind).__name__}, not str.")
        if not_utf8(text):
            raise InvalidInput(f"Text {number} {NOT_TEXT}.")


class _Steps:
    def __init__(self, report: Callable[[int, int], None] | None, total: int) -> None:
        self.report, self.total, self.done = report, total, 0

    def advance(self) -> None:
        self.done += 1
        if self.report is not None:
            self.report(self.done, self.total)


class _Clock:
    """Adds wall seconds per stage into a caller's dict (or does nothing); spaCy's lazy parse is moved out of
    the analyzer that triggered it into its own ``spacy`` row."""

    def __init__(self, into: dict[str, float] | None) -> None:
        self.into = into

    def __call__(self, stage: str, doc: Document | None = None) -> _Stage:
        return _Stage(self.into, stage, doc)


class _Stage:
    def __init__(self, into: dict[str, float] | None, stage: str, doc: Document | None) -> None:
        self.into, self.stage, self.doc = into, stage, doc
        self.started = 0.0
        self.spacy_before = 0.0

    def __enter__(self) -> None:
        self.started = time.perf_counter()
        self.spacy_before = self.doc.spacy_seconds if self.doc is not None else 0.0

    def __exit__(self, *exc: object) -> None:
        if self.into is None:
            return
        spent = time.perf_counter() - self.started
        spacy = (self.doc.spacy_seconds - self.spacy_before) if self.doc is not None else 0.0
        self.into[self.stage] = self.into.get(self.stage, 0.0) + spent - spacy
        if spacy:
            self.into["spacy"] = self.into.get("spacy", 0.0) + spacy


def load_analyzer_modules() -> None:
    """Import each module in ``ANALYZER_MODULES`` once, so its analyzers register."""
    global _imported
    with _lock:
        if _imported:
            return
        for module in ANALYZER_MODULES:
            _import(module)
        _imported = True


def _import(module: str) -> None:
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and (module == exc.name or module.startswith(exc.name + ".")):
            log.info("analyzer module %s is not installed; skipped", module)
        else:
            log.warning("analyzer module %s could not be imported (%s); skipped", module, type(exc).__name__)
    except Exception as exc:
        log.warning("analyzer module %s could not be imported (%s); skipped", module, type(exc).__name__)


def _registrations(only: Collection[str] | None) -> list[Registration]:
    load_analyzer_modules()
    available = registrations()
    if only is None:
        return available
    unknown = sorted(set(only) - {r.name for r in available})
    if unknown:
        raise InvalidInput(f"Unknown analyzer name(s): {', '.join(unknown)}.")
    return [r for r in available if r.name in only]


def _start(text: str, kind: str, chosen: list[Registration]) -> _Run:
    doc = prepare(text, kind)
    run = _Run(doc=doc, analyzers=[], notes=list(doc.notes), provenance={}, skipped={})
    for registration in chosen:
        declared = registration.declared
        if declared is not None and not declared.applies(kind):
            continue  # never built for a kind it does not read
        if not doc.sentences and not (registration.name in ALWAYS_RUN and doc.full_text.strip()):
            if declared is not None:
                run.skipped[registration.name] = NO_SENTENCES
            continue
        analyzer = _build(registration, run.notes)
        if analyzer is None:
            run.skipped[registration.name] = _under(FAILED, _declared_version(registration))
        elif declared is not None or _applies(analyzer, kind):
            run.analyzers.append(analyzer)
    return run


def declared_versions(kind: str = "free_association") -> dict[str, str]:
    """Analyzer name → ``version:model_hash`` of the analyzers installed now that read entries of ``kind``, and
    the encoder's where one of them reads embeddings: what an analysis of a text with sentences records in
    :attr:`AnalysisResult.analyzers`, learned from the registrations' declarations alone (no model is loaded).
    An analyzer whose artefacts are not installed is left out, as is one registered without a declaration."""
    from reverie.analysis.onnx_encoder import installed_manifest

    versions: dict[str, str] = {}
    embeddings = False
    for registration in _registrations(None):
        declared = registration.declared
        if declared is None or not declared.applies(kind):
            continue
        try:
            versions[registration.name] = f"{declared.version}:{declared.model_hash()}"
        except Exception as exc:
            log.info("analyzer %s is not installed (%s)", registration.name, type(exc).__name__)
            continue
        embeddings = embeddings or "embeddings" in declared.requires
    if embeddings:
        try:
            manifest = installed_manifest()
            versions[ENCODER_KEY] = f"{manifest.name}:{manifest.model_hash}"
        except ReverieError as exc:
            log.info("sentence encoder is not installed (%s)", type(exc).__name__)
    return versions


def _build(registration: Registration, notes: list[str]) -> Analyzer | None:
    with _lock:
        if registration.name in _built:
            return _built[registration.name]
        try:
            analyzer = registration.factory()
        except Exception as exc:
            log.warning("analyzer %s could not be built (%s)", registration.name, type(exc).__name__)
            notes.append(_could_not_run(registration.name))
            return None
        _built[registration.name] = analyzer
        return analyzer


def _applies(analyzer: Analyzer, kind: str) -> bool:
    return analyzer.applies_to is None or kind in analyzer.applies_to


def _embed(runs: list[_Run], encoder: Encoder | None) -> None:
    """Encode the sentences of every document that has an analyzer needing embeddings, in one pass."""
    needing = [run for run in runs if any("embeddings" in a.requires for a in run.analyzers)]
    if not needing:
        return
    try:
        encoder = encoder if encoder is not None else _shared_encoder()
        sentences = [s.text for run in needing for s in run.doc.sentences]
        vectors, top = encode_both(encoder, sentences)  # with the emotions top layer: one pass, two outputs
    except Exception as exc:
        log.warning("sentence encoder unavailable (%s)", type(exc).__name__)
        installed = _installed_encoder()
        for run in needing:
            _drop_embedding_analyzers(run, exc, installed)
        return
    start = 0
    for run in needing:
        end = start + len(run.doc.sentences)
        run.doc.embeddings = vectors[start:end]
        run.doc.emotion_embeddings = None if top is None else top[start:end]
        run.provenance[ENCODER_KEY] = f"{encoder.name}:{encoder.model_hash}"
        start = end


def _spacy_ahead(runs: list[_Run], overlap: bool) -> threading.Thread | None:
    """Start spaCy over the documents whose analyzers read it, on a thread of its own (joined before any
    analyzer runs, so no analyzer ever meets a half-built parse)."""
    docs = [run.doc for run in runs if any("spacy" in a.requires for a in run.analyzers)]
    if not overlap or not docs:
        return None
    thread = threading.Thread(target=_parse, args=(docs,), name="reverie-spacy-ahead", daemon=True)
    thread.start()
    return thread


def core_free() -> bool:
    """Whether this process may run on more cores than the shared encoder's threads: only then does spaCy's
    thread run beside the encoder pass instead of taking turns with it. (On 2 cores and 2 encoder threads it took
    turns: the bench's CPU ratio was 0.014–0.027 lower with the thread than without, in six same-process runs
    alternating entry by entry, and the wall ratio no better in five of them.)"""
    from reverie.analysis.onnx_encoder import encoder_threads

    return _usable_cores() > encoder_threads()


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity on this platform (macOS, Windows)
        return os.cpu_count() or 1


def _parse(docs: list[Document]) -> None:
    for doc in docs:
        try:
            doc.spacy  # noqa: B018 - builds the parse; the analyzers read it later
        except Exception as exc:  # the analyzers that read it meet the same error and are named in the notes
            log.warning("spaCy could not read a document ahead of the analyzers (%s)", type(exc).__name__)


def _shared_encoder() -> Encoder:
    from reverie.analysis.onnx_encoder import load_encoder

    return load_encoder()


def _drop_embedding_analyzers(run: _Run, exc: Exception, installed: str) -> None:
    """``installed``: the encoder installed now ("name:model_hash", "" when none), named with each skip."""
    if isinstance(exc, ReverieError):
        run.notes.append(exc.message)
    for analyzer in [a for a in run.analyzers if "embeddings" in a.requires]:
        run.notes.append(_could_not_run(analyzer.name))
        run.skipped[analyzer.name] = _under(UNAVAILABLE, installed)
        run.analyzers.remove(analyzer)


def _run_analyzers(
    run: _Run,
    clock: _Clock | None = None,
    steps: _Steps | None = None,
    seconds_per_chunk: float = SECONDS_PER_CHUNK,
) -> None:
    clock = clock if clock is not None else _Clock(None)
    steps = steps if steps is not None else _Steps(None, len(run.analyzers))
    deadline = time.monotonic() + seconds_per_chunk * max(1, len(chunks(run.doc.sentences)))
    for analyzer in run.analyzers:
        if time.monotonic() >= deadline and analyzer.name not in ALWAYS_RUN:
            log.warning("analyzer %s skipped: the document ran past its time bound", analyzer.name)
            run.notes.append(
                f"The {analyzer.name} analyzer was skipped: the text took longer than its time bound."
            )
            run.skipped[analyzer.name] = TIME_BOUND
            steps.advance()
            continue
        try:
            with clock(analyzer.name, run.doc):
                found = analyzer.run(run.doc)
        except Exception as exc:
            log.warning("analyzer %s failed (%s)", analyzer.name, type(exc).__name__)
            run.notes.append(_could_not_run(analyzer.name))
            run.skipped[analyzer.name] = _under(FAILED, f"{analyzer.version}:{analyzer.model_hash}")
            continue
        finally:
            steps.advance()
        run.doc.findings.extend(found)
        run.provenance[analyzer.name] = f"{analyzer.version}:{analyzer.model_hash}"


def _could_not_run(name: str) -> str:
    return f"The {name} analyzer could not run."


def _result(run: _Run) -> AnalysisResult:
    notes = run.notes
    if run.doc.truncated:  # prepare's note, saying too which analyzers read the whole text
        said = truncation_note(sorted(name for name in ALWAYS_RUN if name in run.provenance))
        notes = [said if note == truncation_note() else note for note in notes]
    return AnalysisResult(
        kind=run.doc.kind,
        findings=tuple(run.doc.findings),
        notes=tuple(dict.fromkeys(notes)),
        truncated=run.doc.truncated,
        analyzers=dict(run.provenance),
        skipped=dict(run.skipped),
    )
