"""What counts as a finding in a summary statement, for every reader: the entry page's bar, applied where a view
is built.

Pure. The entry page (``observations.read_entry``) shows a reading only when it clears its analyzer's floor in
``SUPPORT``; the patterns pages used to count every finding the analysis produced, so they said "most often
approval (7 items)" of readings no entry page had shown (review r19: 6 of 35 client patterns-page lines right), and
the therapist's page stated CCRT themes, the transference mirror and "ODF 3.7 … neurotic" as facts from analyzers
right about 1 in 5 times on texts they were not tuned on (review r30: 6 right, 15 wrong of 26 statements).
``counted(finding)`` is the one rule, and ``for_summary(item)`` keeps, of one item's findings, only what it counts:

- feelings: the writer's own (scope ``sentence`` or ``entry``; never ``other``, a feeling held by someone else),
  at or above ``SUPPORT["feelings"].floor``, or named in the writer's own words from ``STATED_FLOOR``;
- mixed feelings, unexplained feelings and dream codes at or above their floors;
- nothing from an analyzer that scores under ``MIN_SCORE`` on held-out data (``unverified``): relationship
  episodes (0.25 today) and defense readings (DMRS levels, ODF). Once relationships clear it, an episode counts at
  or above ``SUPPORT["relationships"].floor``, each component (wish, response of others, response of self) only
  when it clears the floor too.

Person mentions, time markers and other findings without a measured bar pass unchanged. The rule is the same for
the client and the therapist: every summary (the patterns page, the prep page, the PDF, ``reverie insights`` and
its JSON, the feelings calendar's model layer) is built from ``for_summary``. The therapist alone may also read the
withheld readings, as research prompts in one labelled section (``for_research``, ``insights.unverified``), never
counted in a summary statement.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from reverie.analysis.findings import Finding, Span
from reverie.insights.items import Item
from reverie.insights.observations import (
    MIN_SCORE,
    READING_KINDS,
    SUPPORT,
    feeling_shown,
    risk_spans,
    spans_apart_from_risk,
)

# Finding kinds with a measured bar (SUPPORT); any kind not named here passes unchanged.
_FLOORS = {
    "ambivalence": "mixed_feelings",
    "unexplained_feeling": "unexplained",
    "dream_code": "dreams",
    "episode": "relationships",
    "defense": "defenses",
    "odf": "defenses",
}
OWN_SCOPES = frozenset({"sentence", "entry"})


# The sections that rest on relationship episodes alone: left out of every reader's page while the analyzer does not
# clear MIN_SCORE (they would only say "nothing to show here yet", under a title of CCRT terms).
RELATIONSHIP_SECTIONS = frozenset({"themes", "transference", "patterns"})


def verified(analyzer: str) -> bool:
    """Whether an analyzer's readings may be stated in a summary: its held-out score clears ``MIN_SCORE``."""
    return SUPPORT[analyzer].score >= MIN_SCORE


def relationships_worded() -> bool:
    """Whether relationship episodes are put into words in a summary: their analyzer's held-out score clears
    ``MIN_SCORE``, as on the entry page."""
    return verified("relationships")


def defenses_worded() -> bool:
    """Whether defense readings (DMRS levels, ODF) are put into words in a summary (they are not: see SUPPORT)."""
    return verified("defenses")


def unverified(finding: Finding) -> bool:
    """Whether the finding comes from an analyzer under ``MIN_SCORE``: never counted, for any reader."""
    analyzer = _FLOORS.get(finding.kind)
    return analyzer is not None and not verified(analyzer)


def counted(finding: Finding) -> Finding | None:
    """The finding as any summary may count it, or None when an entry page would not show it."""
    kind = finding.kind
    if unverified(finding):
        return None
    if kind == "emotion":
        own = finding.data.get("scope", "sentence") in OWN_SCOPES
        return finding if own and feeling_shown(finding.confidence, finding.data, finding.label) else None
    if kind == "episode":
        return _episode(finding)
    analyzer = _FLOORS.get(kind)
    if analyzer is not None and finding.confidence < SUPPORT[analyzer].floor:
        return None
    return finding


def _episode(finding: Finding) -> Finding | None:
    floor = SUPPORT["relationships"].floor
    if finding.confidence < floor:
        return None
    data = dict(finding.data)
    for key in ("w", "ro", "rs"):
        component = data.get(key)
        if isinstance(component, Mapping):
            confidence = component.get("confidence", finding.confidence)
            if not isinstance(confidence, int | float) or confidence < floor:
                data[key] = None
    return replace(finding, data=data)


def apart_from_risk(findings: Sequence[Finding]) -> list[Finding]:
    """One entry's findings with each reading resting only on words apart from what the risk screen read
    (``observations.spans_apart_from_risk``), a reading left with none taken out: the entry page's rule
    (``observations.readings_apart_from_risk``), so no summary counts "optimism" read from a wish to die (r128).
    A finding stored with no span at all (a synthetic history's) is counted as before: a summary quotes nothing."""
    risk = risk_spans(
        [{"kind": f.kind, "label": f.label, "spans": [(s.start, s.end) for s in f.spans]} for f in findings]
    )
    out: list[Finding] = []
    for f in findings:
        if (
            f.kind not in READING_KINDS or not f.spans
        ):  # nothing the risk words could have moved (synthetic items)
            out.append(f)
            continue
        spans = spans_apart_from_risk(f.kind, f.label, [(s.start, s.end) for s in f.spans], risk)
        if len(spans) == len(f.spans):
            out.append(f)
        elif spans:
            out.append(replace(f, spans=tuple(Span(a, b) for a, b in spans)))
    return out


def counted_of(findings: Sequence[Finding]) -> list[Finding]:
    """What any summary counts of one entry's findings: apart from the risk screen's words (:func:`apart_from_risk`),
    then each as :func:`counted` counts it."""
    return [c for c in (counted(f) for f in apart_from_risk(findings)) if c is not None]


def for_summary(item: Item) -> Item:
    """The item with only the findings its entry page would count as shown: what every summary is built from."""
    kept = tuple(counted_of(item.findings))
    return item if kept == item.findings else replace(item, findings=kept)


def for_research(item: Item) -> Item:
    """The therapist's research prompts: what ``for_summary`` counts plus the readings of analyzers under
    ``MIN_SCORE`` (relationship episodes, defense readings), as read. Only the labelled section of unverified
    readings (``insights.unverified``) is built from it."""
    apart = apart_from_risk(item.findings)
    kept = tuple(f for f in (f if unverified(f) else counted(f) for f in apart) if f is not None)
    return item if kept == item.findings else replace(item, findings=kept)
