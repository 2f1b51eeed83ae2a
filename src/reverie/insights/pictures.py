"""Pictures of a view as self-contained SVG text, drawn for a phone with the shared builder (``reverie.svg``):
text of at least 13 units in a 320-unit-wide drawing, an accessible title and a description that says what the
picture shows. They draw only what the view holds (periods, counts, roles, category labels)."""

from __future__ import annotations

import math

from reverie.insights.ccrt import SHORT_LABELS, group_words
from reverie.insights.shown import relationships_worded
from reverie.insights.statements import share
from reverie.insights.triangles import NOT_READ
from reverie.insights.view import PERSON_DRAWN, InsightView, PeriodPoint, triangle_blocks
from reverie.svg import FAINT, INK, MUTED, PALETTE, PHONE_WIDTH, Chart, fit_label
from reverie.text import counted

TOP_EMOTIONS = 5
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
COMPONENT_WORDS = {
    "client": {"w": "wish", "ro": "others", "rs": "you"},
    "therapist": {"w": "W", "ro": "RO", "rs": "RS"},
}


def period_words(period: str, audience: str, *, short: bool = False) -> str:
    """A calendar quarter as a person reads it: 'October–December 2026' for the client ('Oct–Dec 2026' where space
    is short), 'Oct–Dec 2026' for the therapist (r45: the axis said '2026-Q1'). Anything else is given back as is."""
    year, _, quarter = period.partition("-Q")
    if not (year.isdigit() and quarter in {"1", "2", "3", "4"}):
        return period
    first, last = quarter_months(int(quarter))
    if short or audience != "client":
        first, last = first[:3], last[:3]
    return f"{first}\u2013{last} {year}"


def quarter_months(quarter: int) -> tuple[str, str]:
    """The first and the last month of calendar quarter ``quarter`` (1–4)."""
    return MONTHS[3 * quarter - 3], MONTHS[3 * quarter - 1]


def _episodes(n: int, audience: str) -> str:
    """Relationship episodes counted in the reader's words."""
    if audience == "client":
        return counted(n, "relationship moment", "relationship moments")
    return counted(n, "episode", "episodes")


# --- timeline ----------------------------------------------------------------------------------------------


# Each picture's title per reader: the one table the pictures' accessible titles (what the Patterns page shows)
# and the printed report's headings read. The client's are plain words, never Malan's terms (docs/insights.md).
PICTURE_TITLES: dict[str, dict[str, str]] = {
    "client": {
        "timeline": "Feelings the words suggest, over time",
        "relationships": "Relationship map",
        "triangles": "People your entries mention",
    },
    "therapist": {
        "timeline": "Feelings the words suggest, over time",
        "relationships": "Relationship map",
        "triangles": "Triangle of conflict and triangle of persons",
    },
}


def picture_title(view: InsightView, name: str) -> str:
    """The title of picture ``name`` (``timeline``, ``relationships``, ``triangles``) for the view's reader."""
    title = PICTURE_TITLES["client" if view.audience == "client" else "therapist"][name]
    if name == "timeline" and view.audience != "client" and any(p.odf is not None for p in view.periods):
        title += " (and defensive functioning)"
    return title


def pictures(view: InsightView) -> tuple[tuple[str, str], ...]:
    """The three pictures in page order, each as (its reader's title, its SVG): the report prints these."""
    return (
        (picture_title(view, "timeline"), timeline_svg(view)),
        (picture_title(view, "triangles"), triangles_svg(view)),
        (picture_title(view, "relationships"), relationship_map_svg(view)),
    )


def timeline_svg(view: InsightView, top: int = TOP_EMOTIONS) -> str:
    """Share of items per quarter showing each of the most frequent feelings the model read; for the therapist,
    the ODF estimate dashed on a right-hand 1–7 scale. The legend sits below the plot (phone width)."""
    points = view.periods
    show_odf = view.audience != "client" and any(p.odf is not None for p in points)
    left, right, top_y, bottom = 42.0, 282.0 if show_odf else 306.0, 16.0, 170.0
    totals: dict[str, int] = {}
    for p in points:
        for emotion, n in p.emotions:
            totals[emotion] = totals.get(emotion, 0) + n
    emotions = sorted(totals, key=lambda e: (-totals[e], e))[:top]
    rows = len(emotions) + int(show_odf)
    height = bottom + 40 + 20 * max(rows, 1)
    chart = Chart(
        "rv-timeline",
        PHONE_WIDTH,
        height,
        picture_title(view, "timeline"),
        _timeline_desc(view, emotions, show_odf),
    )
    ceiling = _ceiling(points, emotions)
    chart.line(left, bottom, right, bottom, INK)
    chart.line(left, top_y, left, bottom, INK)
    chart.text(left - 4, top_y + 5, f"{round(100 * ceiling)}%", anchor="end", fill=MUTED)
    chart.text(left - 4, bottom, "0%", anchor="end", fill=MUTED)
    if show_odf:
        chart.line(right, top_y, right, bottom, FAINT)
        chart.text(right + 4, top_y + 5, "7", fill=MUTED)
        chart.text(right + 4, bottom, "1", fill=MUTED)
    if not points:
        chart.text((left + right) / 2, (top_y + bottom) / 2, "Nothing in this view yet", anchor="middle")
    step = (right - left) / max(len(points) - 1, 1)
    xs = [left + i * step for i in range(len(points))]
    every = max(1, math.ceil(len(points) / 3))
    for i, p in enumerate(points):
        last = i == len(points) - 1
        if (i % every == 0 and len(points) - 1 - i >= every / 2) or last:
            anchor = (
                "start" if i == 0 and len(points) > 1 else "end" if last and len(points) > 1 else "middle"
            )
            chart.text(
                xs[i],
                bottom + 18,
                period_words(p.period, view.audience, short=True),
                anchor=anchor,
                fill=MUTED,
            )
    legend_y = bottom + 44
    for n, emotion in enumerate(emotions):
        colour = PALETTE[n % len(PALETTE)]
        ys = [
            bottom - (bottom - top_y) * share(dict(p.emotions).get(emotion, 0), p.items) / ceiling
            for p in points
        ]
        chart.polyline(list(zip(xs, ys, strict=True)), colour)
        _legend(chart, 8, legend_y + 20 * n, emotion, colour, "")
    if show_odf:
        odf = [(x, p.odf) for x, p in zip(xs, points, strict=True) if p.odf is not None]
        chart.polyline([(x, bottom - (bottom - top_y) * (v - 1) / 6) for x, v in odf], INK, dash="5,3")
        _legend(chart, 8, legend_y + 20 * len(emotions), "ODF estimate (right scale, 1–7)", INK, "5,3")
    return chart.render()


def _ceiling(points: tuple[PeriodPoint, ...], emotions: list[str]) -> float:
    """The top of the share axis: the largest share shown, rounded up to a multiple of 10%."""
    shares = [share(dict(p.emotions).get(e, 0), p.items) for p in points for e in emotions]
    return max(0.1, math.ceil(max(shares, default=0.0) * 10) / 10)


def _legend(chart: Chart, x: float, y: float, label: str, colour: str, dash: str) -> None:
    chart.line(x, y - 5, x + 22, y - 5, colour, 2, dash)
    chart.text(x + 30, y, fit_label(label, PHONE_WIDTH - x - 38))


def _timeline_desc(view: InsightView, emotions: list[str], show_odf: bool) -> str:
    if not view.periods:
        return "Nothing in this view yet." if view.audience == "client" else "No items in this view yet."
    odf = [p.odf for p in view.periods if p.odf is not None]
    first, last = (period_words(p.period, view.audience) for p in (view.periods[0], view.periods[-1]))
    client = view.audience == "client"
    span = (
        counted(len(view.periods), "three-month period", "three-month periods")
        if client
        else (counted(len(view.periods), "quarter", "quarters"))
    )
    text = (
        f"{span} from {first} to {last}. "
        f"Lines show the share of {'entries' if client else 'items'} per {'three months' if client else 'quarter'}"
        f" in which the words suggest: {', '.join(emotions) or 'no feelings found'}."
    )
    for emotion in emotions:
        shares = [
            f"{period_words(p.period, view.audience)} {round(100 * share(dict(p.emotions).get(emotion, 0), p.items))}%"
            for p in view.periods
        ]
        text += f" {emotion.capitalize()}: {', '.join(shares)}."
    if odf and show_odf:
        text += f" The ODF estimate runs from {odf[0]:.1f} to {odf[-1]:.1f}."
    return text


# --- relationship map --------------------------------------------------------------------------------------


def relationship_map_svg(view: InsightView) -> str:
    """Each person group (circle sized by episodes) with its most frequent W, RO and RS, bars by share."""
    groups = sorted((g for g in view.groups if g.group != "self"), key=lambda g: (-g.episodes, g.group))
    words = COMPONENT_WORDS["client" if view.audience == "client" else "therapist"]
    none = _no_map_words(view)
    height = 24 + sum(30 + 34 * len(g.edges) for g in groups) if groups else 62 + 18 * len(none)
    desc = "; ".join(
        f"{group_words(g.group, view.audience)}: {_episodes(g.episodes, view.audience)}"
        + "".join(f", {words[c]} {SHORT_LABELS[c][k]} in {n} of {g.scored}" for c, k, n in g.edges)
        for g in groups
    )
    chart = Chart(
        "rv-relmap", PHONE_WIDTH, height, picture_title(view, "relationships"), desc or " ".join(none) + "."
    )
    if not groups:
        for i, line in enumerate(none):
            chart.text(PHONE_WIDTH / 2, 44 + 18 * i, line, anchor="middle")
        return chart.render()
    biggest = max(g.episodes for g in groups)
    y = 24.0
    for g in groups:
        chart.circle(14, y - 5, 5 + 7 * math.sqrt(g.episodes / biggest), PALETTE[0], 0.85)
        chart.text(32, y, fit_label(group_words(g.group, view.audience), 190), bold=True)
        chart.text(PHONE_WIDTH - 6, y, _episodes(g.episodes, view.audience), anchor="end", fill=MUTED)
        y += 28
        for component, cluster, n in g.edges:
            colour = PALETTE[["w", "ro", "rs"].index(component)]
            label = f"{words[component]}: {SHORT_LABELS[component][cluster]}"
            chart.text(32, y, fit_label(label, PHONE_WIDTH - 40))
            bar = 190 * share(n, max(g.scored, 1))
            chart.rect(32, y + 6, max(bar, 2), 7, colour)
            chart.text(32 + bar + 6, y + 17, f"{n} of {g.scored}", fill=MUTED)
            y += 34
        y += 2
    return chart.render()


def _no_map_words(view: InsightView) -> tuple[str, ...]:
    """What an empty relationship map says. While relationship episodes are withheld from every summary (their
    analyzer under ``MIN_SCORE``, ``shown``), never "No relationship episodes yet" of episodes read and listed under
    the therapist's unverified readings (review r32): they were read but are not shown as findings."""
    client = view.audience == "client"
    if relationships_worded():
        return ("No relationship moments yet",) if client else ("No relationship episodes yet",)
    if client:  # why, so an empty map after months of writing does not read as broken (r134)
        return (
            "Relationship moments are held back:",
            "Reverie does not yet read them",
            "reliably enough to show them",
        )
    statements = view.unverified.statements if view.unverified is not None else ()
    if any(s.key.startswith("unverified:ccrt") for s in statements):
        return (
            "Relationship episodes were read",
            "but are not shown as findings:",
            "see \u201cUnverified readings\u201d",
        )
    return ("No relationship episodes read as findings",)


# --- triangles ---------------------------------------------------------------------------------------------

CORNER_LABELS = {
    "D": "Defense",
    "A": "Anxiety",
    "F": "Hidden feeling",
    "T": "Therapist (T)",
    "C": "Current others (C)",
    "P": "Past (P)",
}
# The client reads the person triangle only, in plain words (no theory names, no letters): the conflict
# triangle's 'hidden feeling' is any feeling other than fear or nervousness and its 'defense' rests on DMRS
# readings the client's view does not count (review r19; see triangles.py).
CLIENT_CORNER_LABELS = {
    "T": "Your therapist",
    "C": "People in your life now",
    "P": "The past",
}
BLOCK = 226.0


def triangles_svg(view: InsightView) -> str:
    """Malan's two triangles, one above the other; corner size shows the share of items, line width the links.

    The client's picture has the person triangle only."""
    tri = view.triangles
    corners = dict(tri.corners)
    client = view.audience == "client"
    labels = CLIENT_CORNER_LABELS if client else CORNER_LABELS
    blocks = tuple(enumerate(triangle_blocks(view.audience)))  # the one rule for page, PDF and JSON
    drawn = {c for _, names in blocks for c in names}
    links = {(a, b): n for a, b, n in tri.links if a in drawn and b in drawn}
    items = "entries" if client else "items"
    desc = f"{items.capitalize()} touching each corner: " + ", ".join(
        f"{labels[c]} {corners[c]} of {tri.items}" if c in corners else f"{labels[c]} {NOT_READ}"
        for _, names in blocks
        for c in names
    )
    linked = [
        f"{labels[a] if client else a}–{labels[b] if client else b} {n}" for (a, b), n in links.items() if n
    ]
    if linked:
        desc += (
            f". Corners together in one {items[:-1] if not client else 'entry'}: " + ", ".join(linked) + "."
        )
    chart = Chart("rv-triangles", PHONE_WIDTH, len(blocks) * BLOCK, picture_title(view, "triangles"), desc)
    for block, names in blocks:
        positions = _triangle_positions(block * BLOCK, names)
        for (a, b), n in links.items():
            if a in positions and b in positions:
                width = 0.8 + 8 * share(n, tri.items)
                chart.line(*positions[a], *positions[b], FAINT if not n else PALETTE[5], width)
        for i, (name, (x, y)) in enumerate(positions.items()):
            intensity = share(corners.get(name, 0), tri.items)
            colour = PALETTE[1 if names is PERSON_DRAWN else 0]  # the same colour in both audiences
            chart.circle(x, y, 7 + 15 * math.sqrt(intensity), colour, 0.35 + 0.6 * intensity)
            anchor = ("start", "end", "middle")[i]
            tx = (8.0, PHONE_WIDTH - 8.0, x)[i]
            ty = y - 42 if i < 2 else y + 36
            chart.text(tx, ty, labels[name], anchor=anchor, bold=True)
            said = f"{round(100 * intensity)}% of {items}" if name in corners else "not read"
            chart.text(tx, ty + 17, said, anchor=anchor, fill=MUTED)
    return chart.render()


def _triangle_positions(top: float, names: tuple[str, str, str]) -> dict[str, tuple[float, float]]:
    """The first two corners at the top, the third at the bottom (Malan draws the triangle point down)."""
    return {
        names[0]: (60.0, top + 72.0),
        names[1]: (PHONE_WIDTH - 60.0, top + 72.0),
        names[2]: (PHONE_WIDTH / 2, top + 160.0),
    }
