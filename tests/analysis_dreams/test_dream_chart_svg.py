"""The h-profile SVG: well-formed, accessible, self-contained."""

from __future__ import annotations

import re
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
    assert "more, " in texts or "less, " in texts  # the direction is printed in words, not only coloured


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
    assert sum(t == "not clear" for t in texts) == len(plain)
    assert any("no clear difference" in t for t in texts)


def test_the_chart_says_the_size_of_a_difference_in_words_and_explains_too_few() -> None:
    """h103 (review r86): the chart on the client's own page said "Cohen's h" in its title, "h" on its axis and
    each bar's value as a signed number, and its legend explained "not clear" but not "too few". It says the size
    of each difference in words and what "too few" means; no statistic's name, letter or number is left."""
    profile = compare_with_norms(
        [
            DreamCoding(
                characters=(Character("1MSA"), Character("1FKA")),
                interactions=(Interaction("aggression", 7, ("1MSA",), ("D",)),),
            )
            for _ in range(25)  # 50 characters, but 25 dreams: too few for the dream shares
        ]
    )
    rows = [c for c in profile.comparisons if c.h is not None]
    assert any(c.too_small for c in rows) and any(c.notable for c in rows), "the series needs both kinds"
    root = ET.fromstring(h_profile_svg(profile))
    said = [t.text or "" for t in root.iter(f"{SVG}text")] + [t.text or "" for t in root.iter(f"{SVG}title")]
    assert not [t for t in said if "Cohen" in t or re.search(r"(?<![\w'])h\b|\d\.\d\d", t)], said
    assert any("too few to compare" in t for t in said), said
    sizes = ("very small", "small", "medium", "large")
    assert all(any(s in t for s in sizes) for t in said if t.startswith(("more, ", "less, "))), said
    assert sum(t.startswith(("more, ", "less, ")) for t in said) == sum(c.notable for c in rows)
