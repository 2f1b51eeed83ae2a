from __future__ import annotations

from insight_builders import emotion, episode, finding, item

from reverie.insights import Item, Statement, build_view


def _later_sense(items: list[Item]) -> Statement:
    return next(s for s in build_view(items).statements() if s.key == "feelings:later-sense")


def _unexplained(item_id: str, day: float) -> Item:
    return item(item_id, day, [emotion("sadness"), finding("unexplained_feeling", "", {}, (0, 99))])


def test_feelings_unexplained_then_linked_within_weeks() -> None:
    linking = item("later", 14, [*episode("mother", None, None, None), emotion("sadness")])
    line = _later_sense([_unexplained("u", 0), linking])
    assert (line.count, line.total) == (1, 1)
    assert line.evidence == ("u", "later")
    assert "sadness 1" in line.text


def test_feelings_link_outside_window_or_other_emotion_does_not_count() -> None:
    too_late = item("late", 60, [*episode("mother", None, None, None), emotion("sadness")])
    other = item("other", 7, [*episode("mother", None, None, None), emotion("anger")])
    unlinked = item("unlinked", 8, [emotion("sadness", at=300), *episode("mother", None, None, None)])
    line = _later_sense([_unexplained("u", 0), too_late, other, unlinked])
    assert (line.count, line.total) == (0, 1)


def test_feelings_mixed_toward_one_person() -> None:
    fs = [
        *episode("partner", 6, 7, 3, ro_valence="positive", rs_valence="positive"),
        emotion("love"),
        emotion("anger"),
    ]
    items = [item("m", 0, fs), item("n", 1, episode("partner", 6, 7, 3, ro_valence="positive"))]
    line = next(s for s in build_view(items).statements() if s.key == "feelings:mixed:partner")
    assert (line.count, line.total) == (1, 2)
    assert "love alongside anger" in line.text
    assert line.evidence == ("m",)


def test_feelings_ambivalence_finding_counts_as_mixed_but_never_uses_a_name() -> None:
    amb = finding("ambivalence", "mother", {"target": "mother", "positive": ["love"], "negative": ["anger"]})
    named = finding(
        "ambivalence", "Zebediah", {"target": "Zebediah", "positive": ["love"], "negative": ["anger"]}
    )
    view = build_view([item("a", 0, [amb, named])])
    keys = {s.key for s in view.statements()}
    assert "feelings:mixed:mother" in keys
    assert "Zebediah" not in str(view.to_json())


def test_feelings_range_and_shift_over_the_course() -> None:
    early = [item(f"e{n}", n * 10, [emotion("sadness")]) for n in range(9)]
    late = [item(f"l{n}", 200 + n * 10, [emotion("joy")]) for n in range(9)]
    found = {s.key: s for s in build_view(early + late).statements()}
    assert "2 different feelings" in found["feelings:range"].text
    assert found["feelings:shift:joy"].count == 9
    assert (
        "0% of entries" in found["feelings:shift:joy"].text
    )  # the client's word (h10); the therapist: items
