"""Analyzer versions from declarations (no model loaded), and an analyzer added by an upgrade making entries
outdated: they get its findings, unless it did not run for a reason that still holds."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.models import Entry, EntryKind, StoredAnalysis
from reverie.clinic.services import analysis, journal

pytestmark = pytest.mark.django_db

NOW = {"risk": "2.5.2:r", "people": "1.7.2:p"}
F = {analysis.FORMAT_KEY: analysis.VERSIONS_FORMAT}


def test_an_analyzer_added_by_an_upgrade_makes_an_entry_outdated() -> None:
    current = {**NOW, "newcomer": "1.0.0:n", **F}
    assert analysis.is_outdated(
        {**NOW, **F}, current
    )  # it did not exist then: the entry never got its findings
    assert analysis.is_outdated(dict(NOW), current)  # format 1: some analyzer ran, so it had sentences
    assert not analysis.is_outdated({}, current)  # format 1, empty: no sentences, nothing to redo
    skipped = {
        "risk": "skipped:no-sentences",
        "people": "skipped:no-sentences",
        "newcomer": "skipped:time-bound",
    }
    assert not analysis.is_outdated({**skipped, **F}, current)  # the reason it did not run still holds
    assert not analysis.is_outdated({**NOW, "newcomer": "1.0.0:n", **F}, current)
    assert analysis.is_outdated({**NOW, "newcomer": "0.9.0:n", **F}, current)  # a bump, as before


def test_current_versions_load_no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """`reverie doctor` and the worker's heartbeat learn the installed versions without running the pipeline."""
    from reverie.analysis import pipeline

    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("the pipeline ran")

    monkeypatch.setattr(pipeline, "analyse", refuse)
    monkeypatch.setattr(pipeline, "analyse_many", refuse)
    monkeypatch.setattr(analysis, "_versions", {})
    versions = analysis.current_versions("dream")
    assert "dreams" in versions and "risk" in versions


def test_declared_versions_equal_what_an_analysis_stores_for_every_kind(make_user: Any) -> None:
    """For each entry kind: what `current_versions` declares is what a real analysis stores, so an entry just
    analysed is never outdated and a re-analysis always ends staleness (this one loads the models)."""
    from reverie.analysis import pipeline

    client = make_user()
    text = (
        "I dreamt my mother was angry with me and I felt scared. At work my boss praised me and I felt proud."
    )
    for kind in EntryKind.values:
        view = journal.create_entry(client, journal.EntryDraft(kind=kind, body=text))
        stored = analysis.analyse_stored_entry(view.id, view.revision)
        assert stored is not None
        assert stored.analyzers == analysis.current_versions(kind), kind
        assert pipeline.declared_versions(kind) == pipeline.analyse(text, kind).analyzers, kind
    assert analysis.stale_entries() == []


def test_an_entry_without_sentences_is_not_redone_after_an_upgrade(make_user: Any) -> None:
    client = make_user()
    view = journal.create_entry(client, journal.EntryDraft(kind="dream", body="..."))
    stored = analysis.analyse_stored_entry(view.id, view.revision)
    assert stored is not None and "dreams" in stored.analyzers
    # the risk screen reads any text that is not blank (review r71), at its current version; the others skipped
    assert stored.analyzers["risk"] == analysis.current_versions("dream")["risk"]
    assert all(
        v.startswith(analysis.SKIPPED)
        for k, v in stored.analyzers.items()
        if k not in {analysis.FORMAT_KEY, "risk"}
    )
    assert analysis.stale_entries() == []


def test_an_added_analyzer_gets_old_entries_reanalysed_once(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_user()
    view = journal.create_entry(client, journal.EntryDraft(kind="reflection", body="I walked by the river."))
    entry = Entry.objects.get(pk=view.id)
    installed = analysis.current_versions("reflection")
    before = {k: v for k, v in installed.items() if k not in {"ambivalence", analysis.FORMAT_KEY}}
    StoredAnalysis.objects.create(entry=entry, revision=entry.revision, analyzers=before, payload=b"x")
    assert [e.id for e in analysis.stale_entries()] == [entry.id]  # ambivalence came with an upgrade
    assert analysis.reanalyse().done == 1
    assert StoredAnalysis.objects.get(entry=entry).analyzers == installed
    assert analysis.stale_entries() == []
