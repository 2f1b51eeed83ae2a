from __future__ import annotations

from insight_builders import emotion, finding, item

from reverie.insights import build_view


def test_associations_theme_followed_by_theme_in_next_item() -> None:
    boss = finding("person", "boss", {"group": "authority"})
    items = []
    for n in range(6):
        items.append(item(f"b{n}", n * 10, [boss]))
        items.append(item(f"f{n}", n * 10 + 1, [emotion("fear")]))
        items.append(item(f"j{n}", n * 10 + 2, [emotion("joy")]))
    found = {s.key: s for s in build_view(items).statements()}
    line = found["thread:next:person:boss:emotion:fear"]
    assert (line.count, line.total) == (6, 6)
    assert "2.8 times" in line.text  # 6 x 17 pairs / (6 firsts with boss x 6 seconds with fear)
    assert set(line.evidence) == {f"b{n}" for n in range(6)} | {f"f{n}" for n in range(6)}


def test_associations_neighbours_inside_one_item() -> None:
    items = []
    for n in range(4):
        fs = [finding("person", "father", {"group": "family"}, (0, 9)), emotion("grief", at=10)]
        items.append(item(f"g{n}", n, fs))
    items += [item(f"x{n}", 10 + n, [emotion("joy")]) for n in range(8)]
    found = {s.key: s for s in build_view(items).statements()}
    line = found["thread:same:emotion:grief:person:father"]
    assert line.count == 4
    assert "3.0 times" in line.text  # 4 x 12 / (4 x 4)
