from __future__ import annotations

from insight_builders import emotion, episode, finding, item

from reverie.analysis.findings import Finding, Span
from reverie.insights import Item, Statement, build_view


def _later_sense(items: list[Item]) -> Statement:
    return next(s for s in build_view(items).statements() if s.key == "feelings:later-sense")


def _unexplained(item_id: str, day: float) -> Item:
    return item(item_id, day, [emotion("sadness"), finding("unexplained_feeling", "", {}, (0, 99))])


def _quarterly(n: int, linked: int, *extra: Item) -> list[Item]:
    """``n`` unexplained sadnesses a quarter apart, the first ``linked`` of them followed two weeks later by sadness
    with mother, and an entry of joy every 15 days: sadness meets a person in only part of the weeks."""
    items = [_unexplained(f"u{k}", k * 91) for k in range(n)]
    items += [
        item(f"l{k}", k * 91 + 14, [*episode("mother", None, None, None), emotion("sadness")])
        for k in range(linked)
    ]
    days = n * 91 + 60
    return items + [item(f"j{k}", k * 15 + 1, [emotion("joy")]) for k in range(days // 15)] + list(extra)


def test_feelings_unexplained_then_linked_within_weeks() -> None:
    line = _later_sense(_quarterly(5, 5))
    assert (line.count, line.total) == (5, 5)
    assert line.evidence[:2] == ("u0", "l0") and "l4" in line.evidence
    assert "sadness 5" in line.text


def test_feelings_link_outside_window_or_other_emotion_does_not_count() -> None:
    last = 7 * 91
    too_late = item("late", last + 60, [*episode("mother", None, None, None), emotion("sadness")])
    other = item("other", last + 7, [*episode("mother", None, None, None), emotion("anger")])
    unlinked = item("unlinked", last + 8, [emotion("sadness", at=300), *episode("mother", None, None, None)])
    line = _later_sense(_quarterly(8, 7, too_late, other, unlinked))
    assert (line.count, line.total) == (7, 8)
    assert not {"late", "other", "unlinked"} & set(line.evidence)


def test_feelings_one_link_by_chance_is_not_said_later_linked() -> None:
    """One hard-to-explain feeling and sadness with mother two weeks later: what chance gives (h100). The feeling
    is counted, no link is claimed."""
    linking = item("later", 14, [*episode("mother", None, None, None), emotion("sadness")])
    statements = {s.key: s for s in build_view([_unexplained("u", 0), linking]).statements()}
    assert "feelings:later-sense" not in statements
    # r134: the entry panel's words, counted in entries (never "seen in 1 feeling")
    assert (
        statements["feelings:unexplained"].text
        == "You named a feeling you could not place yet once (sadness 1)."
    )
    assert (
        statements["feelings:unexplained"].unit == "items" and statements["feelings:unexplained"].total == 2
    )
    therapist = {s.key: s for s in build_view([_unexplained("u", 0), linking], "therapist").statements()}
    assert therapist["feelings:unexplained"].text == "1 feeling was described as hard to explain (sadness 1)."


def test_feelings_mixed_toward_one_person() -> None:
    """Mixed feelings are the ones the entry panel shows (an ambivalence reading toward one identified role);
    love and anger that merely sit beside a mention are not counted as mixed on their own (r39)."""
    amb = finding("ambivalence", "partner", {"role": "partner", "positive": ["love"], "negative": ["anger"]})
    fs = [
        *episode("partner", 6, 7, 3, ro_valence="positive", rs_valence="positive"),
        emotion("love"),
        emotion("anger"),
    ]
    items = [
        item("m", 0, [*fs, amb]),
        item("n", 1, episode("partner", 6, 7, 3, ro_valence="positive")),
        item("o", 2, fs),  # side by side, but no mixed feelings shown on its entry page: not counted
    ]
    line = next(s for s in build_view(items).statements() if s.key == "feelings:mixed:partner")
    assert (line.count, line.total) == (1, 3)
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


def test_warm_and_painful_feelings_toward_two_different_people_are_not_mixed_feelings_toward_someone() -> (
    None
):
    """'I love Tom. The waiter was rude and I was angry.' holds no mixed feelings toward anyone: love toward Tom
    and anger toward a waiter are not "warm and painful feelings side by side toward someone else"."""
    from reverie.insights.state import InsightState

    def felt(label: str, start: int, end: int) -> Finding:
        return Finding(
            "emotions", "1", "x", "emotion", label, 0.9, (Span(start, end),), {"scope": "sentence"}
        )

    def who(name: str | None, start: int, end: int) -> Finding:
        data = {"group": "others", "name": name, "sentence": 0}
        return Finding("people", "1", "x", "person", "other", 0.9, (Span(start, end),), data)

    # "I love Tom. The waiter was rude and I was angry."
    state = InsightState()
    state.add(
        _r39_item(
            "e1",
            "reflection",
            5,
            who("Tom", 7, 10),
            felt("love", 0, 11),
            who(None, 12, 22),
            felt("anger", 12, 48),
        )
    )
    lines = [s.text for s in state.view("client").statements() if s.key.startswith("feelings:mixed:")]
    # before: "Toward someone else, warm and painful feelings appear side by side in 1 of 1 entries that mention them"
    assert lines == [], lines


def test_the_pipeline_gives_no_mixed_feelings_line_for_love_toward_tom_and_anger_at_a_waiter() -> None:
    """The same through the whole pipeline: the entry page shows no mixed feeling for this entry, and the patterns
    page states none either (before: 'Toward someone else, warm and painful feelings appear side by side …')."""
    from reverie.analysis.pipeline import analyse
    from reverie.insights.observations import read_entry
    from reverie.insights.state import InsightState

    text = "I love Tom so much. The waiter at lunch was rude to me and I was really angry."
    result = analyse(text, "reflection")
    assert not any(o.analyzer == "mixed_feelings" for o in read_entry(text, result.to_json()).observations)
    state = InsightState()
    state.add(_r39_item("e1", "reflection", 5, *result.findings))
    lines = [s.text for s in state.view("client").statements() if s.key.startswith("feelings:mixed:")]
    assert lines == [], lines
