from __future__ import annotations

from insight_builders import finding, item

from reverie.analysis.findings import Finding
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
    mother = finding("person", "mother", {"group": "family"})
    items = [
        _dream("d1", 0, mother),
        item("w1", 3, [mother]),
        _dream("d2", 40, mother),
        item("w2", 52, [mother]),
    ]
    line = _keyed(items)["dream:waking:mother"]
    assert (line.count, line.total) == (1, 2)
    assert line.evidence == ("d1", "w1")


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
