"""The h-profile SVG: well-formed, accessible, self-contained."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from reverie.analysis.dreams.chart import h_profile_svg
from reverie.analysis.dreams.codes import Character, DreamCoding, Interaction
from reverie.analysis.dreams.profile import compare_with_norms

SVG = "{http://www.w3.org/2000/svg}"


def _profile_svg(n: int) -> str:
    dreams = [
        DreamCoding(
            characters=(Character("1MSA"),), interactions=(Interaction("aggression", 7, ("1MSA",), ("D",)),)
        )
        for _ in range(n)
    ]
    return h_profile_svg(compare_with_norms(dreams))


def test_svg_is_well_formed_and_labelled() -> None:
    root = ET.fromstring(_profile_svg(40))
    assert root.tag == f"{SVG}svg"
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-labelledby"] == "hp-title hp-desc"
    assert root.find(f"{SVG}title") is not None and root.find(f"{SVG}desc") is not None


def test_svg_has_one_bar_with_its_own_title_per_defined_h() -> None:
    svg = _profile_svg(40)
    root = ET.fromstring(svg)
    bars = root.findall(f".//{SVG}g")
    assert bars and all(g.find(f"{SVG}title") is not None and g.find(f"{SVG}rect") is not None for g in bars)
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "+" in texts or "-" in texts  # signed values are printed, not only coloured


def test_svg_has_no_scripts_or_external_assets() -> None:
    svg = _profile_svg(40)
    assert "<script" not in svg and "href" not in svg and "@import" not in svg
    assert svg.count("http") == 1  # the xmlns only


def test_svg_for_an_empty_series_says_so() -> None:
    svg = h_profile_svg(compare_with_norms([]))
    ET.fromstring(svg)
    assert "Nothing to compare yet" in svg


def test_a_value_that_is_no_clear_difference_is_said_in_plain_words() -> None:
    """h95: the chart is on the person's own dream-series page; beside a value that is no notable difference it
    printed the researchers' "(n.s.)". It says "not clear", and a line under the axis says what that means."""
    profile = compare_with_norms(
        [
            DreamCoding(
                characters=(Character("1MSA"), Character("1FKA")),
                interactions=(Interaction("aggression", 7, ("1MSA",), ("D",)),),
            )
            for _ in range(40)
        ]
    )
    plain = [c for c in profile.comparisons if c.h is not None and not c.notable and not c.too_small]
    assert plain, "the series needs a comparison that is no clear difference"
    root = ET.fromstring(h_profile_svg(profile))
    texts = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert not any("n.s." in t for t in texts), texts
    assert sum("(not clear)" in t for t in texts) == len(plain)
    assert any("no clear difference" in t for t in texts)
