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
    found = {s.key: s for s in build_view(items, "therapist").statements()}
    line = found["thread:next:person:boss:emotion:fear"]
    assert (line.count, line.total) == (6, 6)
    assert "2.8 times" in line.text  # 6 x 17 pairs / (6 firsts with boss x 6 seconds with fear)
    assert set(line.evidence) == {f"b{n}" for n in range(6)} | {f"f{n}" for n in range(6)}


def test_associations_neighbours_inside_one_item() -> None:
    items = []
    for n in range(8):
        fs = [finding("person", "father", {"group": "family"}, (0, 9)), emotion("grief", at=10)]
        items.append(item(f"g{n}", n, fs))
    items += [item(f"x{n}", 10 + n, [emotion("joy")]) for n in range(16)]
    found = {s.key: s for s in build_view(items, "therapist").statements()}
    line = found["thread:same:emotion:grief:person:father"]
    assert line.count == 8
    assert "3.0 times" in line.text  # 8 x 24 / (8 x 8); 8 of 8 where chance gives a third: beyond chance


def test_associations_client_reads_a_strong_sequence_in_plain_words() -> None:
    # The client's line needs enough cases and a binomial tail that survives every pair tried, and says what
    # chance alone would give instead of a lift ("19.5 times what chance would suggest" from 2 cases, review r19).
    boss = finding("person", "boss", {"group": "authority"})
    items = []
    for n in range(6):
        items.append(item(f"b{n}", n * 10, [boss]))
        items.append(item(f"f{n}", n * 10 + 1, [emotion("fear")]))
        items.append(item(f"j{n}", n * 10 + 2, [emotion("joy")]))
    found = {s.key: s for s in build_view(items, "client").statements()}
    line = found["thread:next:person:boss:emotion:fear"]
    assert line.text == (
        "After an entry where your boss comes up, the next one brings fear in 6 of 6 cases; "
        "chance alone would give about 2."
    )
    assert not any(key.startswith("thread:surprise") for key in found)


def test_associations_client_gets_no_line_from_few_cases() -> None:
    # 3 of 3 cases: no one reads it (fewer than chance.MIN_CASES); the therapist read it with its lift until r90.
    boss = finding("person", "boss", {"group": "authority"})
    items = []
    for n in range(3):
        items.append(item(f"b{n}", n * 10, [boss]))
        items.append(item(f"f{n}", n * 10 + 1, [emotion("fear")]))
    key = "thread:next:person:boss:emotion:fear"
    assert key not in {s.key for s in build_view(items, "therapist").statements()}
    assert not any(s.key.startswith("thread:") for s in build_view(items, "client").statements())


def test_associations_therapist_reads_no_chance_neighbours() -> None:
    # r90: the therapist's lines said "N times what chance would suggest" of pairs random order gives; the same
    # rule as the client's now decides (a twice-seen rare pair among many themes is no finding for anyone).
    boss = finding("person", "boss", {"group": "authority"})
    items = [item("b0", 0, [boss]), item("f0", 1, [emotion("fear")]), item("b1", 10, [boss])]
    items += [item("f1", 11, [emotion("fear")])]
    items += [item(f"j{n}", 20 + n, [emotion("joy")]) for n in range(20)]
    found = {s.key for s in build_view(items, "therapist").statements()}
    assert not any(key.startswith("thread:") for key in found), found
