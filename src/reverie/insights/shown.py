"""What counts as a finding shown to the client: the entry page's bar, applied where the client's view is built.

Pure. The entry page (``observations.read_entry``) shows a reading only when it clears its analyzer's floor in
``SUPPORT``; the client's patterns page used to count every finding the analysis produced, so it said "most
often approval (7 items)" of readings no entry page had shown (review r19: 6 of 35 patterns-page lines right).
``for_client(item)`` keeps, of one item's findings, only what an entry page would count as shown:

- feelings: the writer's own (scope ``sentence`` or ``entry``; never ``other``, a feeling held by someone else),
  at or above ``SUPPORT["feelings"].floor``, or named in the writer's own words from ``STATED_FLOOR``;
- mixed feelings, unexplained feelings and dream codes at or above their floors;
- relationship episodes only while their analyzer scores at least ``MIN_SCORE`` on held-out data, as on the
  entry page (it does not: 0.25, so none today), then at or above ``SUPPORT["relationships"].floor``, each
  component (wish, response of others, response of self) only when it clears the floor too;
- no defense readings (DMRS levels, ODF): too weakly supported to show a person.

Person mentions, time markers and other findings without a measured bar pass unchanged. The therapist's views
are built from every finding, as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from reverie.analysis.findings import Finding
from reverie.insights.items import Item
from reverie.insights.observations import MIN_SCORE, SUPPORT, feeling_shown

# Finding kinds with a measured bar (SUPPORT); any kind not named here and not dropped passes unchanged.
_FLOORS = {
    "ambivalence": "mixed_feelings",
    "unexplained_feeling": "unexplained",
    "dream_code": "dreams",
}
NEVER_FOR_CLIENTS = frozenset({"defense", "odf"})
OWN_SCOPES = frozenset({"sentence", "entry"})


# The client's sections that rest on relationship episodes alone: left out of the client's page while the analyzer
# does not clear MIN_SCORE (they would only say "nothing to show here yet", under a title of CCRT terms).
RELATIONSHIP_SECTIONS = frozenset({"themes", "transference", "patterns"})


def relationships_worded() -> bool:
    """Whether relationship episodes are put into words for a client: their analyzer's held-out score clears
    ``MIN_SCORE``, as on the entry page."""
    return SUPPORT["relationships"].score >= MIN_SCORE


def shown_to_client(finding: Finding) -> Finding | None:
    """The finding as the client's view may count it, or None when an entry page would not show it."""
    kind = finding.kind
    if kind in NEVER_FOR_CLIENTS:
        return None
    if kind == "emotion":
        own = finding.data.get("scope", "sentence") in OWN_SCOPES
        return finding if own and feeling_shown(finding.confidence, finding.data) else None
    if kind == "episode":  # the entry page words no episode while the analyzer scores under MIN_SCORE
        return _episode(finding) if relationships_worded() else None
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


def for_client(item: Item) -> Item:
    """The item with only the findings its entry page would count as shown."""
    kept = tuple(f for f in (shown_to_client(f) for f in item.findings) if f is not None)
    return item if kept == item.findings else replace(item, findings=kept)
