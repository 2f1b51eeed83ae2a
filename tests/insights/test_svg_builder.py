"""The one shared SVG builder: escapes every text and attribute, never draws text under 13 units."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from reverie.svg import MIN_TEXT, Chart, fit_label

SVG = "{http://www.w3.org/2000/svg}"


def test_builder_escapes_and_keeps_text_readable() -> None:
    chart = Chart("c1", 320, 100, 'Title <&> "q"', "desc & more")
    chart.text(10, 20, "<b>&\"'", size=8, fill='red" onload="x')
    chart.line(0, 0, 1, 1, "#000", dash='1,2" x="')
    svg = chart.render()
    root = ET.fromstring(svg)
    text = root.find(f"{SVG}text")
    assert text is not None and text.text == "<b>&\"'" and float(text.get("font-size", "0")) == MIN_TEXT
    assert text.get("fill") == 'red" onload="x' and text.get("onload") is None  # one attribute, not two
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.get("width") == "320" and root.get("viewBox") == "0 0 320 100"


def test_builder_refuses_odd_names_and_shortens_labels_on_words() -> None:
    with pytest.raises(ValueError):
        Chart('x" onload="', 10, 10, "t", "d")
    assert fit_label("Moderately severe (15–19)", 140) == "Moderately severe…"
    assert fit_label("short", 120) == "short"
