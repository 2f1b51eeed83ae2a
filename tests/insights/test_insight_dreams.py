from __future__ import annotations

from insight_builders import finding, item

from reverie.analysis.findings import Finding, Span
from reverie.insights import Item, Statement, build_view


def _dream(item_id: str, day: float, *extra: Finding) -> Item:
    codes = [finding("dream_code", "setting", {"type": "indoor", "familiar": True}), *extra]
    return item(item_id, day, codes, kind="dream")


def _keyed(items: list[Item]) -> dict[str, Statement]:
    return {s.key: s for s in build_view(items).statements()}


def test_dreams_recurring_element_counted_across_dreams() -> None:
    found = _keyed(
        [_dream("d1", 0), _dream("d2", 30), _dream("d3", 60, finding("dream_code", "aggression", {}))]
    )
    line = found["dream:element:setting:indoor"]
    assert (line.count, line.total) == (3, 3)
    assert "dream:element:aggression:" not in found  # seen in one dream only


def test_dreams_link_to_waking_life_within_seven_days() -> None:
    """Mother in 8 dreams two months apart, in waking life 3 days after 7 of them and 12 days after the last; an
    entry about a partner every 6 days: 7 of 8 is beyond what any ±7-day window gives (h100)."""
    mother = finding("person", "mother", {"group": "family"})
    partner = finding("person", "partner", {"group": "partners"})
    items = [_dream(f"d{k}", k * 60, mother) for k in range(8)]
    items += [item(f"w{k}", k * 60 + (3 if k < 7 else 12), [mother]) for k in range(8)]
    items += [item(f"p{k}", k * 6 + 1.5, [partner]) for k in range(80)]
    line = _keyed(items)["dream:waking:mother"]
    assert (line.count, line.total) == (7, 8)
    assert line.evidence[:2] == ("d0", "w0") and not {"d7", "w7"} & set(line.evidence)


def test_a_dream_figure_met_as_often_as_chance_gives_is_only_counted() -> None:
    """1 of 2 dreams with mother in waking life within 7 days: no link claimed, the dreams counted (h100)."""
    mother = finding("person", "mother", {"group": "family"})
    items = [
        _dream("d1", 0, mother),
        item("w1", 3, [mother]),
        _dream("d2", 40, mother),
        item("w2", 52, [mother]),
    ]
    keyed = _keyed(items)
    assert "dream:waking:mother" not in keyed
    assert keyed["dream:figure:mother"].text == "Your mother appears in 2 dreams."


def test_dreams_free_form_detail_is_reduced_to_a_short_code() -> None:
    odd = finding(
        "dream_code", "object", {"type": "<script>alert('x')</script> a very long free text value here"}
    )
    view = build_view([_dream("d1", 0, odd), _dream("d2", 1, odd)])
    text = str(view.to_json())
    assert "<script>" not in text
    line = next(s for s in view.statements() if s.key.startswith("dream:element:object"))
    assert len(line.key) < 60


def test_dreams_coder_style_labels_and_bookkeeping_findings() -> None:
    coding = finding("dream_code", "coding", {"category": "coding", "notes": []})
    char = finding("dream_code", "character:1FKA", {"category": "character", "code": "1FKA", "label": "x"})
    items = [item(f"d{n}", n, [coding, char], kind="dream") for n in range(2)]
    keys = {s.key for s in build_view(items).statements()}
    assert "dream:element:character:1FKA:" in keys
    assert not any("coding" in key for key in keys)


def _r39_person(name: str | None) -> Finding:
    return Finding(
        "people",
        "1",
        "x",
        "person",
        "other",
        0.9,
        (Span(0, 3),),
        {"group": "others", "name": name, "sentence": 0},
    )


def _r39_item(item_id: str, kind: str, day: int, *findings: Finding) -> Item:
    from datetime import UTC, datetime

    return Item(
        id=item_id,
        source="entry",
        kind=kind,
        happened_at=datetime(2026, 1, day, 20, tzinfo=UTC),
        shared_with_therapist=False,
        is_process_note=False,
        findings=findings,
    )


def test_a_stranger_in_a_dream_is_not_linked_to_a_different_person_in_waking_life() -> None:
    """The dream lines never say a person of a dream also appears in waking entries because both fall under the
    catch-all role 'other' (a man in a dream, Tom in an entry three days later: different people)."""
    from reverie.insights.state import InsightState

    state = InsightState()
    state.add(_r39_item("dream", "dream", 5, _r39_person(None)))  # "a man I did not know"
    state.add(_r39_item("waking", "reflection", 8, _r39_person("Tom")))
    lines = [s.text for s in state.view("client").statements() if s.key.startswith("dream:waking:")]
    # before: "Someone else appears in 1 dream; in 1 of them also in waking entries or sessions within 7 days."
    assert not any("in 1 of them also in waking" in line for line in lines), lines


def test_a_specific_role_in_a_dream_still_links_to_waking_life() -> None:
    """The catch-all role is left out of the links; a specific role (a mother) still links."""
    from reverie.insights.state import InsightState

    def mother() -> Finding:
        return Finding("people", "1", "x", "person", "mother", 0.9, (Span(0, 3),), {"group": "family"})

    state = InsightState()
    state.add(_r39_item("dream", "dream", 5, mother(), _r39_person(None)))
    state.add(_r39_item("waking", "reflection", 8, mother(), _r39_person("Tom")))
    lines = {s.key: s.text for s in state.view("client").statements() if s.key.startswith("dream:figure:")}
    assert list(lines) == ["dream:figure:mother"], lines  # one dream: counted, no link claimed (h100)
