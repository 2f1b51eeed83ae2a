"""The view: what one audience may see of the patterns over time, as statements plus chart series.

A view holds only category codes, counts, roles, periods and item ids — never entry text — so anything
rendered from it (web page, SVG, PDF) cannot leak more than the view shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reverie.insights.statements import Statement

DISCLAIMER = "Reverie supports therapy; it is not a therapist and does not diagnose."
# "Comes up a few times": the strongest patterns name nothing seen fewer times (``highlights``). It is also the
# fewest entries a patterns page draws anything from (review r116): below it no pattern can be named, and a share
# of one or two entries ("1 of 1 entry (100%)", a 100% bar for one quarter) means nothing. Below it every reader
# (page, ``reverie insights``, its --json and PDF) gets one plain sentence (``too_few_words``) and no figures.
FEW_TIMES = 3
MIN_ENTRIES = FEW_TIMES

# Malan's two triangles as drawn: the conflict triangle (defense and anxiety on top, the hidden feeling below) and
# the person triangle (current others and therapist on top, the past below).
CONFLICT_DRAWN = ("D", "A", "F")
PERSON_DRAWN = ("C", "T", "P")


def triangle_blocks(audience: str) -> tuple[tuple[str, str, str], ...]:
    """The triangles a reader is shown, the one rule for the page, the PDF and the JSON (review r32): the client
    the person triangle only (its conflict corners rest on readings the client's view does not count, review r19),
    the therapist both."""
    return (PERSON_DRAWN,) if audience == "client" else (CONFLICT_DRAWN, PERSON_DRAWN)


def triangle_corners(audience: str) -> frozenset[str]:
    """The corners a reader is shown (``triangle_blocks``)."""
    return frozenset(c for block in triangle_blocks(audience) for c in block)


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: str
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class CcrtRow:
    """Pervasiveness of one cluster: share of scored episodes (with ``group``; '*' = all) that contain it."""

    group: str
    component: str
    cluster: int
    label: str
    count: int
    total: int

    @property
    def share(self) -> float:
        return self.count / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class PeriodPoint:
    """One calendar quarter: items, emotions (items showing each), ODF estimate and CCRT counts."""

    period: str
    items: int
    emotions: tuple[tuple[str, int], ...]
    odf: float | None
    defenses: int
    scored_episodes: int
    ccrt: tuple[tuple[str, int, int], ...]  # (component, cluster, episodes)


@dataclass(frozen=True, slots=True)
class GroupNode:
    """A person group in the relationship map: its episodes and its most frequent W, RO and RS."""

    group: str
    episodes: int
    scored: int
    edges: tuple[tuple[str, int, int], ...]  # (component, cluster, episodes)


@dataclass(frozen=True, slots=True)
class Triangles:
    """Malan's triangles: items touching each corner, and items where two corners co-occur."""

    items: int
    corners: tuple[tuple[str, int], ...]  # F, A, D, T, C, P
    links: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True, slots=True)
class InsightView:
    audience: str
    include_process_notes: bool
    item_count: int
    episode_count: int
    first: datetime | None
    last: datetime | None
    sections: tuple[Section, ...]
    pervasiveness: tuple[CcrtRow, ...]
    core: tuple[CcrtRow, ...]
    periods: tuple[PeriodPoint, ...]
    groups: tuple[GroupNode, ...]
    triangles: Triangles
    disclaimer: str = DISCLAIMER
    # The therapist's research prompts (``insights.unverified``): readings of analyzers under MIN_SCORE, under their
    # measured accuracy; never a summary statement, never the client's.
    unverified: Section | None = None
    # The reader's entries saved but not yet read by the worker (``REVERIE_ANALYSIS=background``; a therapist's: only
    # those shared with them, h148): counted in the sentence below ``MIN_ENTRIES`` (review r118: four entries waiting
    # are not "no entries"), never in the figures.
    waiting: int = 0

    @property
    def too_few_entries(self) -> bool:
        """Fewer analysed entries than ``MIN_ENTRIES``: no figures, pictures or headings, one sentence
        (``too_few_words``, which counts the entries still being read too)."""
        return self.item_count < MIN_ENTRIES

    def statements(self) -> Iterator[Statement]:
        for section in self.sections:
            yield from section.statements

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def evidence_ids(self) -> set[str]:
        unverified = self.unverified.statements if self.unverified else ()
        return {i for s in (*self.statements(), *unverified) for i in s.evidence}

    def to_json(self) -> dict[str, Any]:
        """The view as JSON (``reverie insights --json``). A client's carries what the client's page shows and no
        more (review r21): the readable sections (:func:`reverie.insights.highlights.keyed_sections`: no raw dream
        element codes, no defense section, no empty relationship sections), and no CCRT rows, defense or CCRT
        figures by period, or episode groups, and of Malan's triangles only the corners the page draws
        (``triangle_blocks``). Counts withheld from every summary (episodes, defense readings under ``MIN_SCORE``)
        are null, not 0. Every reader's summary is counted from the same findings
        (``shown.for_summary``); the therapist's also carries the labelled section of unverified readings."""
        from reverie.insights.highlights import keyed_sections
        from reverie.insights.shown import defenses_worded, relationships_worded

        client = self.audience == "client"
        episodes = relationships_worded()
        defenses = defenses_worded()
        shown = triangle_corners(self.audience)
        sections = [
            {"key": k, "title": t, "statements": [x.to_json() for x in rows]}
            for k, t, rows in keyed_sections(self)
        ]
        periods: list[dict[str, Any]] = []
        corners: dict[str, int] = {}
        links: list[list[Any]] = []
        if self.too_few_entries:  # one plain answer, no figures (review r116)
            sections = []
        else:
            periods = [
                _period_json(p, client=client, episodes=episodes, defenses=defenses) for p in self.periods
            ]
            corners = {c: n for c, n in self.triangles.corners if c in shown}
            links = [list(link) for link in self.triangles.links if link[0] in shown and link[1] in shown]
        return {
            "schema": "reverie.insights/1",
            "audience": self.audience,
            "include_process_notes": self.include_process_notes,
            "item_count": self.item_count,
            "episode_count": self.episode_count if episodes else None,  # null: not read as findings
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "disclaimer": self.disclaimer,
            "too_few_entries": too_few_words(self) if self.too_few_entries else None,
            "waiting": self.waiting,  # entries saved and still being read (not in any figure here)
            "sections": sections,
            "core": [] if client else [_row_json(r) for r in self.core],
            "pervasiveness": [] if client else [_row_json(r) for r in self.pervasiveness],
            "periods": periods,
            "groups": []
            if client
            else [
                {
                    "group": g.group,
                    "episodes": g.episodes,
                    "scored": g.scored,
                    "edges": [list(e) for e in g.edges],
                }
                for g in self.groups
            ],
            "unverified": None
            if client or self.unverified is None
            else {
                "key": self.unverified.key,
                "title": self.unverified.title,
                "statements": [x.to_json() for x in self.unverified.statements],
            },
            "triangles": {
                "items": self.triangles.items,
                "corners": corners,
                "links": links,
            },
        }


def too_few_words(view: InsightView) -> str:
    """The one sentence a reader gets below ``MIN_ENTRIES``: how many entries there are, and that patterns show once
    there are more. Entries still being read (``waiting``) count as the person's entries, said plainly as still being
    read (review r118), and the patterns wait for the reading."""
    n = view.item_count
    if view.waiting:
        total = n + view.waiting
        entries = f"{total} entr{'y' if total == 1 else 'ies'}"
        if view.audience == "client":
            so_far = f"So far there {'is' if total == 1 else 'are'} {entries}"
        else:  # only the shared ones (``waiting`` counts no other)
            so_far = f"So far the client has shared {entries} with you"
        so_far += f", and Reverie is still reading {view.waiting} of them."
        return f"{so_far} Patterns show here once it has read at least {MIN_ENTRIES}."
    entries = "no entries" if n == 0 else f"{n} entr{'y' if n == 1 else 'ies'}"
    if view.audience == "client":
        so_far = f"So far there {'is' if n == 1 else 'are'} {entries} to look for patterns in."
    else:
        so_far = f"So far the client has shared {entries} with you to look for patterns in."
    return f"{so_far} Patterns show here once there are at least {MIN_ENTRIES}."


def _row_json(row: CcrtRow) -> dict[str, Any]:
    return {
        "group": row.group,
        "component": row.component,
        "cluster": row.cluster,
        "label": row.label,
        "count": row.count,
        "total": row.total,
        "share": round(row.share, 4),
    }


def _period_json(
    point: PeriodPoint, *, client: bool = False, episodes: bool = True, defenses: bool = True
) -> dict[str, Any]:
    """One period; for a client without the defense estimates and CCRT codes the client's page never shows. Defense
    readings and scored episodes withheld from every summary (``shown``: their analyzer under ``MIN_SCORE``) are
    null, "not read", for every reader; never 0, which would say none were read (review r32)."""
    return {
        "period": point.period,
        "items": point.items,
        "emotions": dict(point.emotions),
        "odf": None if client or point.odf is None else round(point.odf, 3),
        "defenses": None if not defenses else 0 if client else point.defenses,
        "scored_episodes": None if not episodes else 0 if client else point.scored_episodes,
        "ccrt": [] if client else [list(c) for c in point.ccrt],
    }
