"""The history chart: well-formed, accessible SVG with the bands shaded and no external assets."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime

import pytest

from reverie.errors import InvalidInput
from reverie.measures.chart import history_svg

NS = {"svg": "http://www.w3.org/2000/svg"}
POINTS = [(date(2025, 3, 3), 18), (date(2025, 1, 6), 21), (date(2025, 5, 5), 9)]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_history_svg_is_accessible_and_well_formed() -> None:
    root = parse(history_svg(POINTS, "phq9", element_id="phq-chart"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "phq-chart-title phq-chart-desc"
    title = root.find("svg:title", NS)
    desc = root.find("svg:desc", NS)
    assert title is not None and title.text == "PHQ-9 scores over time"
    assert desc is not None and desc.text is not None
    assert "from 6 Jan 2025 to 5 May 2025: first 21 (severe), latest 9 (mild)" in desc.text


def test_history_svg_shades_every_band_and_plots_every_point() -> None:
    root = parse(history_svg(POINTS, "phq9"))
    assert len(root.findall("svg:rect", NS)) == 5
    circles = root.findall("svg:circle", NS)
    assert len(circles) == 3
    tips = [c.find("svg:title", NS).text for c in circles]  # type: ignore[union-attr]
    assert tips == ["6 Jan 2025: 21 (severe)", "3 Mar 2025: 18 (moderately severe)", "5 May 2025: 9 (mild)"]
    assert len(parse(history_svg(POINTS[:1], "gad7")).findall("svg:rect", NS)) == 4


def test_history_svg_points_are_placed_by_date_and_score() -> None:
    root = parse(history_svg([(date(2025, 1, 1), 0), (date(2025, 1, 11), 27)], "phq9"))
    first, last = root.findall("svg:circle", NS)
    assert float(first.get("cx", "0")) < float(last.get("cx", "0"))
    assert float(first.get("cy", "0")) > float(last.get("cy", "0"))  # a higher score is drawn higher


def test_history_svg_has_no_external_assets_or_scripts() -> None:
    svg = history_svg(POINTS, "phq9")
    assert "<script" not in svg and "href" not in svg and "url(" not in svg
    assert svg.count("http://") == 1  # the SVG namespace only


def test_history_svg_empty_series_says_so() -> None:
    root = parse(history_svg([], "gad7"))
    desc = root.find("svg:desc", NS)
    assert desc is not None and desc.text == "No GAD-7 scores recorded yet."
    assert root.findall("svg:circle", NS) == []


def test_history_svg_rejects_bad_points_and_ids() -> None:
    with pytest.raises(InvalidInput):
        history_svg([(date(2025, 1, 1), 22)], "gad7")
    with pytest.raises(InvalidInput, match="point 1"):
        history_svg([(datetime(2025, 1, 1), 3)], "gad7")
    with pytest.raises(InvalidInput, match="chart id"):
        history_svg(POINTS, "phq9", element_id='x" onload="alert(1)')


def test_history_svg_reads_on_a_phone_without_clipped_band_names() -> None:
    """Regression: band names were drawn at 11 units right of a 560-unit plot and cut off ('Moderately severe (15–')."""
    root = parse(history_svg(POINTS, "phq9"))
    width = float(root.get("width", "0"))
    assert width <= 320
    labels = []
    for t in root.findall("svg:text", NS):
        size, x, text = float(t.get("font-size", "0")), float(t.get("x", "0")), t.text or ""
        span = 0.56 * size * len(text)
        start = {"start": x, "middle": x - span / 2, "end": x - span}[t.get("text-anchor", "start")]
        assert size >= 13 and start >= 0 and start + span <= width + 1, text
        labels.append(text)
    assert "Moderately severe (15–19)" in labels
