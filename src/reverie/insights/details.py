"""The linked therapist's "Details: every reading, with its codes" on a shared entry, under the bars of every summary.

Pure. The details used to list every finding of the analysis as a plain line (review r106): relationship episodes
(right about 1 in 4 times on texts their analyzer was not tuned on) stated as fact, feelings read at 0.03 under
"Feelings the words suggest". The one rule of what counts (``shown.counted``: the floors of ``SUPPORT``, nothing
from an analyzer under ``MIN_SCORE``) decides here too:

- a reading its summary would count is listed under its kind's title (``summary.summarise``);
- a reading under its floor is not listed;
- a reading of an analyzer under ``MIN_SCORE`` (relationship episodes, DMRS defenses, ODF) is listed only in one
  group under the patterns page's heading of unverified readings (``unverified.title``: the same measured figure,
  the same "prompts ..., not findings"), each line named by its kind.

Every code is said in words by ``summary.describe`` (dream settings by ``dreams.codes.setting_words``, defenses and
levels by ``dmrs``). The risk screen is never a detail (the page shows it on its own).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reverie.analysis.findings import Finding
from reverie.analysis.summary import KIND_TITLES, Line, describe, summarise
from reverie.insights.observations import readings_apart_from_risk
from reverie.insights.shown import counted, unverified
from reverie.insights.unverified import title
from reverie.words import words as code_words

# How each unverified kind's line opens inside the one unverified group.
_UNVERIFIED_NAMES = {
    "episode": "Relationship episode",
    "defense": "Defence (DMRS)",
    "odf": "Overall defensive functioning",
}


def details(text: str, result: Mapping[str, Any]) -> tuple[tuple[str, list[Line]], ...]:
    """The details groups (title, lines) of one entry's analysis for its linked therapist."""
    kept: list[dict[str, Any]] = []
    withheld: list[dict[str, Any]] = []
    for raw in readings_apart_from_risk(result.get("findings", [])):  # no reading rests on risk words (r128)
        if raw.get("kind") == "risk":
            continue
        finding = _finding(raw)
        if unverified(finding):
            withheld.append(dict(raw))
            continue
        shown = counted(finding)
        if shown is not None:
            kept.append({**raw, "data": dict(shown.data)})
    groups = [(KIND_TITLES.get(k, k), lines) for k, lines in summarise(text, {"findings": kept}).items()]
    prompts = [
        Line(
            f"{_UNVERIFIED_NAMES.get(kind, KIND_TITLES.get(kind, kind))}: {line.text}",
            line.confidence,
            line.evidence,
        )
        for kind, lines in summarise(text, {"findings": withheld}).items()
        for line in lines
    ]
    if prompts:
        groups.append((title(), prompts))
    return tuple(groups)


def analysis_for_therapist(result: Mapping[str, Any]) -> dict[str, Any]:
    """The stored analysis as its linked therapist reads it through the API and the command line
    (``reverie.analysis/1``, ``observations.seen_by``): by the details' own rule, each reading's spans apart from
    the risk screen's words and a reading left with none taken out (``readings_apart_from_risk``: a warm feeling
    read from "I keep hoping I won't wake up" is not given, nor any reading with nothing to quote; h168), and each
    finding's code beside its words (``words``: ``summary.describe``, the line the details list it by; "optimism",
    "setting: indoors, familiar", "toward mother: love and anger"). The risk finding is given whole, as stored, its level in the alert's words ("thoughts of suicide or self-harm", ``reverie.words``)."""
    findings = [
        {**raw, "words": code_words(raw.get("label")) if raw.get("kind") == "risk" else describe(raw)}
        for raw in readings_apart_from_risk(list(result.get("findings", [])))
    ]
    return {**result, "findings": findings}


def _finding(raw: Mapping[str, Any]) -> Finding:
    return Finding(
        analyzer=str(raw.get("analyzer", "")),
        version=str(raw.get("version", "")),
        model_hash=str(raw.get("model_hash", "")),
        kind=str(raw["kind"]),
        label=str(raw["label"]),
        confidence=float(raw["confidence"]),
        spans=(),
        data=dict(raw.get("data") or {}),
    )
