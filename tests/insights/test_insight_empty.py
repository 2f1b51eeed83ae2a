from __future__ import annotations

import xml.etree.ElementTree as ET

from reverie.insights import InsightState, relationship_map_svg, render_pdf, timeline_svg, triangles_svg


def test_empty_view_has_sections_and_no_statements() -> None:
    for audience, notes in (("client", False), ("therapist", False), ("therapist", True)):
        view = InsightState().view(audience, include_process_notes=notes)
        assert view.item_count == 0 and view.first is None
        assert next(s.key for s in view.sections) == "overview"
        assert list(view.statements()) == []
        assert view.to_json()["triangles"]["items"] == 0


def test_empty_view_renders_pictures_and_pdf() -> None:
    view = InsightState().view()
    for svg in (timeline_svg(view), relationship_map_svg(view), triangles_svg(view)):
        ET.fromstring(svg)
    assert render_pdf(view).startswith(b"%PDF")
