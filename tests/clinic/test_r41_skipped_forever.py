"""r41: an analyzer skipped for a reason that no longer holds (its encoder installed since, or a fixed version of
an analyzer that failed) must read the entry again; format 2's skip marks must not make an entry current forever."""

from __future__ import annotations

from reverie.analysis.pipeline import ENCODER_KEY
from reverie.clinic.services import analysis

F = {analysis.FORMAT_KEY: analysis.VERSIONS_FORMAT}
RISK = {"risk": "2.5.2:r"}


def test_entries_analysed_without_the_encoder_are_redone_once_it_is_installed() -> None:
    """An entry whose embedding analyzer was skipped as unavailable (no encoder then) is outdated once the encoder
    is installed: otherwise every entry written before the install never gets those findings."""
    then = {
        **RISK,
        "defenses": "skipped:unavailable",
        **F,
    }  # what an analysis stored while the encoder was missing
    now = {**RISK, "defenses": "1.0.0:d", ENCODER_KEY: "minilm:e", **F}  # the encoder installed since
    assert analysis.is_outdated(then, now)


def test_an_analyzer_that_failed_is_retried_after_a_new_version_of_it() -> None:
    """An analyzer that failed on an entry under version 1 reads it again once version 2 (the fix) is installed."""
    then = {**RISK, "defenses": "skipped:failed", **F}
    # the skip mark does not name the version it failed under, so no later release ever reads the entry
    assert analysis.is_outdated(then, {**RISK, "defenses": "2.0.0:d", **F})


def test_a_skip_that_still_holds_is_not_redone() -> None:
    """The same analyzer version that failed, the same encoder (or still none) that was unavailable, no sentences
    and the time bound: nothing to redo, so no entry is redone for ever."""
    now = {**RISK, "defenses": "2.0.0:d", ENCODER_KEY: "minilm:e", **F}
    for mark in ("failed@2.0.0:d", "unavailable@minilm:e", "no-sentences", "time-bound"):
        assert not analysis.is_outdated({**RISK, "defenses": f"skipped:{mark}", **F}, now), mark
    no_encoder = {**RISK, "defenses": "2.0.0:d", **F}
    for mark in ("unavailable@", "unavailable"):
        assert not analysis.is_outdated({**RISK, "defenses": f"skipped:{mark}", **F}, no_encoder), mark
    assert analysis.is_outdated({**RISK, "defenses": "skipped:unavailable@", **F}, now)  # installed since
    assert analysis.is_outdated({**RISK, "defenses": "skipped:unavailable@minilm:old", **F}, now)  # replaced
    assert analysis.is_outdated({**RISK, "defenses": "skipped:failed@1.0.0:d", **F}, now)  # a new version
