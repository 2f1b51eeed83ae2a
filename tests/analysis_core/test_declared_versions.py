"""Analyzer versions known from their declarations, without loading a model; and what a run records as skipped."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from reverie.analysis import pipeline
from reverie.analysis.registry import _REGISTRY, Declaration, register


def test_declared_versions_load_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every shipped analyzer declares its version and model hash: asking for them builds no analyzer and loads
    no encoder (the heartbeat and `reverie doctor` used to load every model to learn them)."""
    from reverie.analysis import onnx_encoder

    pipeline.load_analyzer_modules()

    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("a model was loaded")

    monkeypatch.setattr(onnx_encoder, "load_encoder", refuse)
    monkeypatch.setattr(pipeline, "_built", {})
    for name, registration in list(_REGISTRY.items()):
        monkeypatch.setitem(_REGISTRY, name, replace(registration, factory=refuse))
    versions = pipeline.declared_versions("dream")
    assert {"risk", "emotions", "dreams", pipeline.ENCODER_KEY} <= set(versions)
    assert "dreams" not in pipeline.declared_versions("free_association")  # from the same declaration
    assert versions["risk"].startswith("2.")


class _Newcomer:
    name = "newcomer"
    version = "1.0.0"
    model_hash = "rules-x"
    requires = frozenset({"sentences"})
    produces = frozenset({"nothing"})
    applies_to = None

    def run(self, doc: Any) -> list[Any]:
        return []


@pytest.fixture()
def newcomer() -> Iterator[None]:
    declared = Declaration(version="1.0.0", model_hash=lambda: "rules-x", requires=frozenset({"sentences"}))
    register("newcomer", order=99, declared=declared)(_Newcomer)  # type: ignore[arg-type]
    yield
    _REGISTRY.pop("newcomer", None)
    pipeline._built.pop("newcomer", None)


def test_a_run_records_the_analyzers_it_skipped_and_why(newcomer: None) -> None:
    """No sentences, the time bound, a failure: each applying analyzer that did not run is named with its reason,
    so a stored analysis that lacks an analyzer means it did not exist then."""
    empty = pipeline.analyse("   ", "free_association", only={"newcomer"})
    assert empty.skipped == {"newcomer": pipeline.NO_SENTENCES} and empty.analyzers == {}
    assert empty.to_json()["skipped"] == {"newcomer": pipeline.NO_SENTENCES}
    late = pipeline.analyse_many(
        [("I woke up early today.", "free_association")], only={"newcomer"}, seconds_per_chunk=-1.0
    )[0]
    assert late.skipped == {"newcomer": pipeline.TIME_BOUND}
    ran = pipeline.analyse("I woke up early today.", "free_association", only={"newcomer"})
    assert ran.skipped == {} and ran.analyzers == {"newcomer": "1.0.0:rules-x"}


class _Failing(_Newcomer):
    name = "failing"
    model_hash = "rules-f"

    def run(self, doc: Any) -> list[Any]:
        raise RuntimeError("boom")


def test_a_failure_names_the_version_it_failed_under() -> None:
    """r41: "failed" names the analyzer's version, so a later version reads the entry again and this one never
    does (clinic.services.analysis.is_outdated)."""
    declared = Declaration(version="1.0.0", model_hash=lambda: "rules-f", requires=frozenset({"sentences"}))
    register("failing", order=99, declared=declared)(_Failing)  # type: ignore[arg-type]
    try:
        failed = pipeline.analyse("I woke up early today.", "free_association", only={"failing"})
    finally:
        _REGISTRY.pop("failing", None)
        pipeline._built.pop("failing", None)
    assert failed.skipped == {"failing": f"{pipeline.FAILED}@1.0.0:rules-f"}
