"""The incremental insight state: add or remove one item in O(its findings), then read a view.

Every reader's summary is counted from the same findings: those ``shown.for_summary`` keeps (the floors in
``observations.SUPPORT``, the writer's own feelings, nothing from an analyzer under ``MIN_SCORE``: no relationship
episode, no defense reading today). Audience rules are applied when an item is added, by placing its digest in the
lanes it may feed:

- ``client``: every item except process notes (process notes are the therapist's, never the client's);
- ``therapist``: only items with ``shared_with_therapist=True``, never process notes;
- ``therapist`` with ``include_process_notes=True``: the above plus process notes (the caller audits the
  request). A process note is the therapist's own record, so it feeds this lane whether or not it is "shared".
- ``shared_since`` (a therapist's lane): only items shared at or after that moment, the start of the therapist's
  link; a share made before it (to an earlier therapist, or in an earlier link) never feeds their view (r18).

The therapist's view also carries one section of unverified readings (``insights.unverified``), built from a
second lane of the same items digested with ``shown.for_research``: research prompts, never a summary statement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime

from reverie.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from reverie.insights.associations import thread_lines
from reverie.insights.defenses import defense_lines
from reverie.insights.digest import Digest, digest
from reverie.insights.dreams import dream_lines
from reverie.insights.feelings import feeling_lines
from reverie.insights.items import Item
from reverie.insights.lane import Lane, Moment
from reverie.insights.patterns import pattern_lines
from reverie.insights.series import group_nodes, period_points
from reverie.insights.shown import defenses_worded, for_research, for_summary, relationships_worded
from reverie.insights.statements import Statement, statement, unit_words
from reverie.insights.themes import core, pervasiveness, theme_lines
from reverie.insights.transference import mirror_lines
from reverie.insights.triangles import NOT_READ, triangle_lines, triangle_summary
from reverie.insights.unverified import unverified_section
from reverie.insights.view import InsightView, Section

AUDIENCES = ("client", "therapist")
LaneKey = tuple[
    str, bool, datetime | None, bool
]  # (audience, with process notes, shared since: a therapist's link start, the unverified readings' lane)


def _feeds(key: LaneKey, item: Item) -> bool:
    audience, with_notes, since, _research = key
    if item.is_process_note:
        return audience == "therapist" and with_notes
    if audience == "client":
        return True
    if not item.shared_with_therapist:
        return False
    return since is None or (item.shared_at is not None and item.shared_at >= since)


LANE_KEYS: tuple[LaneKey, ...] = (
    ("client", False, None, False),
    ("therapist", False, None, False),
    ("therapist", True, None, False),
    ("therapist", False, None, True),
    ("therapist", True, None, True),
)


def _readings(key: LaneKey) -> str:
    """Which digest of an item a lane adds: ``summary`` (every reader's, ``shown.for_summary``) or ``research``
    (the therapist's unverified readings, ``shown.for_research``)."""
    return "research" if key[3] else "summary"


class _Placed:
    """One item in the state: the lanes it feeds and its digests, each made when a lane first needs it.

    The summary digest (every reader's) is made from the findings its entry page would show
    (``shown.for_summary``), the research digest (the therapist's unverified readings) from
    ``shown.for_research``. The item is kept only until every digest a lane it feeds needs is made."""

    __slots__ = ("digests", "item", "keys", "reach")

    def __init__(self, item: Item) -> None:
        self.item: Item | None = item
        self.reach = replace(item, findings=())  # who it may reach (``_feeds``), kept after the findings go
        self.keys = tuple(k for k in LANE_KEYS if _feeds(k, item))  # the lanes it feeds, any link start
        self.digests: dict[str, Digest] = {}

    def feeds(self, key: LaneKey) -> bool:
        return _feeds(key, self.reach)

    def digest(self, readings: str) -> Digest:
        found = self.digests.get(readings)
        if found is not None:
            return found
        if self.item is None:  # pragma: no cover - every digest it feeds was made before the item went
            raise Conflict("This item's findings are no longer held; add it again.")
        pick = for_research if readings == "research" else for_summary
        made = self.digests[readings] = digest(pick(self.item))
        if all(_readings(k) in self.digests for k in self.keys):
            self.item = None
        return made


class InsightState:
    """Running aggregates over items; ``view()`` reads them without rescanning items.

    Each item is digested once per audience, when that audience's lane first needs it. An audience's lane is
    built the first time its view is asked for and from then on updated with every ``add`` and ``remove`` in
    O(findings of that item).
    """

    def __init__(self, items: Iterable[Item] = ()) -> None:
        self._lanes: dict[LaneKey, Lane] = {}  # built on the first view for an audience, then kept current
        self._placed: dict[str, _Placed] = {}
        for item in items:
            self.add(item)

    def __len__(self) -> int:
        return len(self._placed)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._placed

    def add(self, item: Item) -> None:
        if item.id in self._placed:
            raise Conflict("This item is already part of the insights; remove it before adding it again.")
        placed = self._placed[item.id] = _Placed(item)
        for key, lane in self._lanes.items():
            if placed.feeds(key):
                lane.add(placed.digest(_readings(key)))

    def remove(self, item_id: str) -> None:
        placed = self._placed.pop(item_id, None)
        if placed is None:
            raise NotFound("No such item in the insights.")
        for key, lane in self._lanes.items():
            if placed.feeds(key):
                lane.remove(placed.digest(_readings(key)))

    def replace(self, item: Item) -> None:
        """Re-add an item whose findings changed (re-analysis)."""
        if item.id in self._placed:
            self.remove(item.id)
        self.add(item)

    def lane(
        self,
        audience: str,
        include_process_notes: bool = False,
        shared_since: datetime | None = None,
        *,
        unverified: bool = False,
    ) -> Lane:
        if audience not in AUDIENCES:
            raise InvalidInput(f"Unknown audience; expected one of {list(AUDIENCES)}.")
        if audience == "client" and include_process_notes:
            raise PermissionDenied("Process notes belong to the therapist and never feed the client's view.")
        if audience == "client" and unverified:
            raise PermissionDenied(
                "Unverified readings are the therapist's research prompts, never the client's."
            )
        therapist = audience == "therapist"
        key: LaneKey = (audience, include_process_notes, shared_since if therapist else None, unverified)
        if key not in self._lanes:
            self._lanes[key] = self._materialise(key)
        return self._lanes[key]

    def _materialise(self, key: LaneKey) -> Lane:
        """Build a lane from the digests already held (in time order, so every insert is an append)."""
        lane = Lane()
        fed = [placed.digest(_readings(key)) for placed in self._placed.values() if placed.feeds(key)]
        for d in sorted(fed, key=lambda d: d.sort_key):
            lane.add(d)
        return lane

    def view(
        self,
        audience: str = "client",
        *,
        include_process_notes: bool = False,
        shared_since: datetime | None = None,
    ) -> InsightView:
        lane = self.lane(audience, include_process_notes, shared_since)
        view = assemble(lane, audience, include_process_notes)
        if audience != "therapist":
            return view
        research = self.lane(audience, include_process_notes, shared_since, unverified=True)
        return replace(view, unverified=unverified_section(research))


def build_view(
    items: Iterable[Item], audience: str = "client", *, include_process_notes: bool = False
) -> InsightView:
    """One-shot: build a state from ``items`` and read its view."""
    return InsightState(items).view(audience, include_process_notes=include_process_notes)


SECTIONS: tuple[tuple[str, str], ...] = (
    ("overview", "What this view draws on"),
    ("themes", "Relationship themes (wish, response of others, response of self)"),
    ("transference", "With the therapist and with others"),
    ("patterns", "Recurring patterns"),
    ("triangles", "Feeling, anxiety and defense; therapist, present and past"),
    ("feelings", "Feelings over time"),
    ("defenses", "Ways of handling distress (defenses)"),
    ("dreams", "Dreams and waking life"),
    ("thread", "What comes up next to what"),
)


# Section titles the client reads instead (their page shows the person triangle only; defenses are the therapist's).
CLIENT_TITLES = {
    "triangles": "Therapist, people now and the past",
    # the model's reading of the words, named as such: apart from the person's own ratings (r134)
    "feelings": "Feelings Reverie read in your words",
}
# The therapist's triangles while defense readings are not stated: the 'defense' corner is not read, not counted.
TRIANGLES_WITHOUT_DEFENSE = (
    f"Feeling and anxiety (the defense corner is {NOT_READ}); therapist, present and past"
)


def _title(key: str, title: str, audience: str) -> str:
    if audience == "client":
        return CLIENT_TITLES.get(key, title)
    if key == "triangles" and not defenses_worded():
        return TRIANGLES_WITHOUT_DEFENSE
    return title


def assemble(lane: Lane, audience: str, include_process_notes: bool) -> InsightView:
    rows = pervasiveness(lane)
    builders: dict[str, Callable[[], list[Statement]]] = {
        "overview": lambda: _overview(lane, audience),
        "themes": lambda: theme_lines(lane, rows, audience),
        "transference": lambda: mirror_lines(lane, audience),
        "patterns": lambda: _patterns(lane, audience),
        "triangles": lambda: triangle_lines(lane, audience),
        "feelings": lambda: feeling_lines(lane, audience),
        "defenses": lambda: defense_lines(lane),
        "dreams": lambda: dream_lines(lane, audience),
        "thread": lambda: thread_lines(lane, audience),
    }
    order = lane.order
    return InsightView(
        audience=audience,
        include_process_notes=include_process_notes,
        item_count=lane.item_count,
        episode_count=sum(n for _, n in lane.episodes.items()),
        first=order[0][0] if order else None,
        last=order[-1][0] if order else None,
        sections=tuple(
            Section(key, _title(key, title, audience), tuple(builders[key]())) for key, title in SECTIONS
        ),
        pervasiveness=rows,
        core=core(rows),
        periods=period_points(lane),
        groups=group_nodes(lane),
        triangles=triangle_summary(lane),
    )


def _overview(lane: Lane, audience: str) -> list[Statement]:
    if not lane.item_count:
        return []
    n_periods = len(list(lane.periods.keys()))
    dreams = len(lane.dreams)
    episodes = sum(n for _, n in lane.episodes.items())
    scored = lane.scored.count("*")
    if audience == "client":  # no analysis terms ("scored for wish and responses") on the client's page
        moments = (  # none is put into words for a client while the analyzer scores under MIN_SCORE
            f", with {episodes} relationship {unit_words('moments', episodes)} Reverie is sure enough about"
            if relationships_worded()
            else ""
        )
        text = (  # months, not calendar quarters (h10)
            f"This view draws on {lane.item_count} {unit_words('entries', lane.item_count)} written "
            f"{_months_between(lane.order)}, including {dreams} {unit_words('dreams', dreams)}"
            f"{moments}."
        )
        return [statement("overview", text, (), lane.item_count, None, "items")]
    episodes_words = (  # none is counted in a summary while the analyzer scores under MIN_SCORE (shown)
        f", with {episodes} relationship {unit_words('episodes', episodes)} ({scored} scored for wish and responses)"
        if relationships_worded()
        else ""
    )
    text = (
        f"This view draws on {lane.item_count} {unit_words('items', lane.item_count)} over {n_periods} "
        f"{unit_words('quarters', n_periods)}, including {dreams} {unit_words('dreams', dreams)}"
        f"{episodes_words}."
    )
    return [statement("overview", text, (), lane.item_count, None, "items")]


def _months_between(order: list[Moment]) -> str:
    """The first and the last month with writing, as a person reads them: 'from January 2020 to December 2024',
    or 'in January 2026' when all the writing falls in one month. Never a month nothing was written in (r39: the
    calendar quarter's ends said "from January 2026 to March 2026" of entries all written in January)."""
    from reverie.insights.pictures import MONTHS

    first, last = order[0][0], order[-1][0]
    first_words = f"{MONTHS[first.month - 1]} {first.year}"
    last_words = f"{MONTHS[last.month - 1]} {last.year}"
    return f"in {first_words}" if first_words == last_words else f"from {first_words} to {last_words}"


def _patterns(lane: Lane, audience: str) -> list[Statement]:
    opportunities = dict(lane.opportunities.items())
    hits = dict(lane.hits.items())
    evidence: dict[str, list[str]] = {}
    for key, _ in hits.items():
        evidence.setdefault(key[0], []).extend(lane.hits.evidence(key))
    ordered = {template: list(lane.in_time_order(ids)) for template, ids in evidence.items()}
    return pattern_lines(opportunities, hits, ordered, audience)
