from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from insight_builders import episode, item, withdrawal_history

from reverie.errors import Conflict, NotFound
from reverie.insights import InsightState, Item, synthetic_history
from reverie.insights.lane import Lane
from reverie.insights.tally import Tally


def _lane_snapshot(lane: Lane) -> dict[str, Any]:
    """Every counter of a lane (counts and evidence), plus its ordered structures."""
    snap: dict[str, Any] = {}
    for name in lane.__dict__:
        value = getattr(lane, name)
        if isinstance(value, Tally):
            snap[name] = value.snapshot()
        elif name == "members" or name == "dreams":
            snap[name] = sorted(value)
        else:
            snap[name] = value
    return snap


def _views(state: InsightState) -> list[dict[str, Any]]:
    return [
        state.view("client").to_json(),
        state.view("therapist").to_json(),
        state.view("therapist", include_process_notes=True).to_json(),
    ]


def _small_history() -> list[Item]:
    return synthetic_history(seed=3, n_entries=160, n_sessions=20)


def test_state_incremental_add_remove_equals_from_scratch() -> None:
    items = _small_history()
    rng = random.Random(5)
    removed = set(rng.sample([i.id for i in items], 40))
    state = InsightState()
    _views(state)  # build every lane first, so all later changes go through add/remove
    shuffled = items[:]
    rng.shuffle(shuffled)
    for it in shuffled:
        state.add(it)
    for item_id in sorted(removed):
        state.remove(item_id)
    fresh = InsightState([i for i in items if i.id not in removed])
    assert _views(state) == _views(fresh)
    for key in (("client", False), ("therapist", False), ("therapist", True)):
        assert _lane_snapshot(state.lane(*key)) == _lane_snapshot(fresh.lane(*key))


def test_state_remove_everything_leaves_an_empty_state() -> None:
    items = withdrawal_history()
    state = InsightState(items)
    _views(state)
    for it in items:
        state.remove(it.id)
    assert _views(state) == _views(InsightState())
    assert _lane_snapshot(state.lane("client")) == _lane_snapshot(Lane())


def test_state_one_new_item_updates_the_view() -> None:
    items = withdrawal_history()
    state = InsightState(items[:-1])
    before = state.view()
    state.add(items[-1])
    after = state.view()
    assert after.item_count == before.item_count + 1
    assert after.to_json() == InsightState(items).view().to_json()


def test_state_rejects_duplicates_and_unknown_ids() -> None:
    state = InsightState([item("a", 0, episode("partner", 5, 5, 2))])
    with pytest.raises(Conflict):
        state.add(item("a", 1, []))
    with pytest.raises(NotFound):
        state.remove("missing")


@pytest.mark.usefixtures("relationships_worded")  # no view counts an episode today (insights.shown)
def test_state_replace_swaps_findings() -> None:
    state = InsightState([item("a", 0, episode("partner", 5, 5, 2))])
    state.replace(item("a", 0, episode("boss", 8, 6, 1, ro_valence="positive", rs_valence="positive")))
    view = state.view("therapist")
    assert [g.group for g in view.groups] == ["authority"]
    assert "a" in state and len(state) == 1


_POOL = synthetic_history(seed=8, n_entries=40, n_sessions=8)


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(range(len(_POOL))), drop=st.sets(st.integers(0, len(_POOL) - 1), max_size=15))
def test_state_any_order_of_adds_and_removes_matches_a_fresh_build(order: list[int], drop: set[int]) -> None:
    state = InsightState()
    state.view("client")
    state.view("therapist", include_process_notes=True)
    for index in order:
        state.add(_POOL[index])
    for index in sorted(drop):
        state.remove(_POOL[index].id)
    fresh = InsightState([it for n, it in enumerate(_POOL) if n not in drop])
    assert _views(state) == _views(fresh)
