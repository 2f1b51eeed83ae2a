from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

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


def test_pictures_relationship_map_sizes_groups_by_episodes() -> None:
    view = build_view(withdrawal_history())
    root = _check(relationship_map_svg(view))
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "your partner" in labels and "your therapist" in labels
    assert "9" in labels and "4" in labels  # episode counts drawn on the nodes


def test_pictures_escape_text() -> None:
    view = build_view(withdrawal_history())
    odd = PeriodPoint("2024-Q1", 3, (("<b>&\"'", 2),), 4.0, 1, 0, ())
    svg = timeline_svg(replace(view, periods=(odd,)))
    root = _check(svg)
    assert any(t.text == "<b>&\"'" for t in root.iter(f"{SVG}text"))
    assert "<b>" not in svg


def test_pictures_triangles_describe_every_corner() -> None:
    view = build_view(withdrawal_history())
    desc = _check(triangles_svg(view)).find(f"{SVG}desc")
    assert desc is not None and desc.text
    for corner in ("Defense", "Anxiety", "Hidden feeling", "Therapist (T)", "Current others (C)", "Past (P)"):
        assert corner in desc.text
