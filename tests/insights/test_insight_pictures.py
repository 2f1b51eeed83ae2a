from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import Any

import pytest
from insight_builders import withdrawal_history

from reverie.insights import build_view, relationship_map_svg, synthetic_history, timeline_svg, triangles_svg
from reverie.insights.view import PeriodPoint

SVG = "{http://www.w3.org/2000/svg}"


def _check(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text
    assert desc is not None and desc.text
    assert "href" not in svg and "<image" not in svg  # no external assets
    return root


def test_pictures_are_valid_accessible_svg() -> None:
    view = build_view(synthetic_history(seed=2, n_entries=120, n_sessions=12))
    for render in (timeline_svg, relationship_map_svg, triangles_svg):
        _check(render(view))


@pytest.mark.usefixtures("relationships_worded")
def test_pictures_relationship_map_sizes_groups_by_episodes() -> None:
    view = build_view(withdrawal_history())
    root = _check(relationship_map_svg(view))
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "your partner" in labels and "your therapist" in labels
    assert (
        "9 relationship moments" in labels and "4 relationship moments" in labels
    )  # counts beside each group
    therapist = _check(relationship_map_svg(build_view(withdrawal_history(), "therapist")))
    assert "9 episodes" in [t.text for t in therapist.iter(f"{SVG}text")]


def test_pictures_escape_text() -> None:
    view = build_view(withdrawal_history())
    odd = PeriodPoint("2024-Q1", 3, (("<b>&\"'", 2),), 4.0, 1, 0, ())
    svg = timeline_svg(replace(view, periods=(odd,)))
    root = _check(svg)
    assert any(t.text == "<b>&\"'" for t in root.iter(f"{SVG}text"))
    assert "<b>" not in svg


def test_pictures_triangles_describe_every_corner() -> None:
    view = build_view(withdrawal_history(), "therapist")
    desc = _check(triangles_svg(view)).find(f"{SVG}desc")
    assert desc is not None and desc.text
    for corner in ("Defense", "Anxiety", "Hidden feeling", "Therapist (T)", "Current others (C)", "Past (P)"):
        assert corner in desc.text


def _fits(root: ET.Element) -> None:
    """Every label is at least 13 units and stays inside the drawing (0.56 em a character, by its anchor)."""
    width = float(root.get("width", "0"))
    assert float(root.get("viewBox", "0 0 0 0").split()[2]) == width <= 320
    for t in root.iter(f"{SVG}text"):
        size, x, text = float(t.get("font-size", "0")), float(t.get("x", "0")), t.text or ""
        assert size >= 13, text
        span = 0.56 * size * len(text)
        start = {"start": x, "middle": x - span / 2, "end": x - span}[t.get("text-anchor", "start")]
        assert start >= 0 and start + span <= width + 1, (text, start, span, width)


def test_pictures_are_drawn_for_a_phone_without_clipping() -> None:
    for audience in ("client", "therapist"):
        view = build_view(synthetic_history(seed=2, n_entries=600, n_sessions=40), audience)
        for render in (timeline_svg, relationship_map_svg, triangles_svg):
            _fits(_check(render(view)))


@pytest.mark.usefixtures("relationships_worded", "defenses_worded")
def test_pictures_client_timeline_has_no_defense_codes() -> None:
    history = synthetic_history(seed=2, n_entries=200, n_sessions=20)
    client, therapist = build_view(history, "client"), build_view(history, "therapist")
    assert "ODF" not in timeline_svg(client) and "ODF" in timeline_svg(therapist)
    assert "RO:" not in relationship_map_svg(client) and "others:" in relationship_map_svg(client)


# --- plain words for the client (brief q3, QA qa33 point 10) ---------------------------------------------------


def test_pictures_client_reads_periods_corners_and_counts_in_plain_words() -> None:
    history = withdrawal_history()
    client, therapist = build_view(history, "client"), build_view(history, "therapist")
    for svg in (triangles_svg(client), timeline_svg(client), relationship_map_svg(client)):
        assert "Malan" not in svg and "(C)" not in svg and "-Q" not in svg and " episodes" not in svg
    assert "People in your life now" in triangles_svg(client)
    for corner in (
        "Ways of coping",
        "Worry",
        "Feelings underneath",
    ):  # the conflict triangle is not the client's
        assert corner not in triangles_svg(client)
    assert "Current others (C)" in triangles_svg(therapist)  # the therapist keeps the theory's names
    point = replace(client.periods[0], period="2026-Q4")
    assert "October\u2013December 2026" in timeline_svg(replace(client, periods=(point,)))
    assert "Oct\u2013Dec 2026" in timeline_svg(replace(client, periods=(point,)))  # the axis, short
    therapists = timeline_svg(replace(therapist, periods=(replace(point),)))
    assert (
        "Oct\u2013Dec 2026" in therapists and "2026-Q4" not in therapists
    )  # r45: months for the therapist too


def test_pictures_counts_are_singular_for_one() -> None:
    from reverie.insights.pictures import counted, period_words
    from reverie.insights.statements import unit_words

    assert (
        counted(1, "episode", "episodes") == "1 episode" and counted(2, "episode", "episodes") == "2 episodes"
    )
    assert unit_words("later episodes", 1) == "later episode" and unit_words("entries", 1) == "entry"
    assert unit_words("episodes", 0) == "episodes"
    assert period_words("2026-Q1", "client") == "January\u2013March 2026"
    assert (
        period_words("2026-Q1", "therapist") == "Jan\u2013Mar 2026" and period_words("odd", "client") == "odd"
    )


def test_client_overview_and_feelings_say_entries_and_months_not_items_and_quarters() -> None:
    """h10: the client's overview said 'over 21 quarters', the feelings lines '(34 items)', 'of items in',
    'items that mention them' and 'across the material', the empty timeline 'No items in this view yet.', the
    printed report's heading '220 items', each statement's strength 'seen in 16 of 220 items'. The client reads
    entries and months; the therapist's wording stays."""
    import re

    from reverie.insights.highlights import highlights, readable_sections
    from reverie.insights.report import render_pdf

    history = synthetic_history(seed=3, n_entries=200, n_sessions=20)
    client, therapist = build_view(history, "client"), build_view(history, "therapist")
    lines = [s.text for _, rows in readable_sections(client) for s in rows]
    lines += [
        s.strength for _, rows in readable_sections(client) for s in rows
    ]  # "seen in 16 of 220 entries"
    lines += [h.sentence for h in highlights(client)]
    lines.append(timeline_svg(replace(client, periods=())))
    jargon = [line for line in lines if re.search(r"\bitems?\b|quarters?\b|the material", line)]
    assert jargon == []
    overview = next(s.text for s in client.section("overview").statements)  # type: ignore[union-attr]
    assert re.fullmatch(
        r"This view draws on \d+ entries written from \w+ \d{4} to \w+ \d{4}, including .*", overview
    )
    assert any("entries that mention them" in line for line in lines)
    words = [s.text for s in therapist.statements()]
    assert any(" quarters" in line for line in words) and any(" items" in line for line in words)
    assert b"items" not in render_pdf(client, compress=False) and b"items" in render_pdf(
        therapist, compress=False
    )


def _r39_feeling(label: str, confidence: float = 0.9) -> Any:
    from reverie.analysis.findings import Finding, Span

    return Finding(
        "emotions", "1", "x", "emotion", label, confidence, (Span(0, 10),), {"scope": "entry", "stated": True}
    )


def test_the_clients_overview_names_no_month_in_which_nothing_was_written() -> None:
    """The client's overview says the months their entries were written in, not the whole calendar quarter."""
    from datetime import UTC, datetime

    from reverie.insights.items import Item
    from reverie.insights.state import InsightState

    state = InsightState()
    for n, day in enumerate((5, 12, 19)):
        state.add(
            Item(
                id=f"e{n}",
                source="entry",
                kind="reflection",
                happened_at=datetime(2026, 1, day, 20, tzinfo=UTC),
                shared_with_therapist=False,
                is_process_note=False,
                findings=(_r39_feeling("joy"),),
            )
        )
    overview = next(s for s in state.view("client").sections if s.key == "overview").statements[0].text
    # three entries, all written in January 2026: before, "written from January 2026 to March 2026"
    assert "March" not in overview, overview


def test_the_clients_overview_names_one_month_in_words_when_all_writing_falls_in_it() -> None:
    """All writing in one month: "written in January 2026", and the first and last months otherwise."""
    from datetime import UTC, datetime

    from reverie.insights.items import Item
    from reverie.insights.state import InsightState

    def overview(days: list[tuple[int, int]]) -> str:
        state = InsightState()
        for n, (month, day) in enumerate(days):
            state.add(
                Item(
                    id=f"e{n}",
                    source="entry",
                    kind="reflection",
                    happened_at=datetime(2026, month, day, 20, tzinfo=UTC),
                    shared_with_therapist=False,
                    is_process_note=False,
                    findings=(_r39_feeling("joy"),),
                )
            )
        return next(s for s in state.view("client").sections if s.key == "overview").statements[0].text

    assert "written in January 2026," in overview([(1, 5), (1, 19)])
    assert "written from February 2026 to April 2026," in overview([(2, 5), (4, 19)])
