"""Pictures of a view as self-contained SVG text: no external assets, accessible title and description,
every text node escaped. They draw only what the view holds (periods, counts, roles, category labels)."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape, quoteattr

from reverie.insights.ccrt import SHORT_LABELS, group_words
from reverie.insights.statements import share
from reverie.insights.view import InsightView, PeriodPoint

PALETTE = ("#3b6ea5", "#c8553d", "#588b8b", "#8f6593", "#d4a017", "#5d5d5d")
INK, FAINT = "#222222", "#bbbbbb"
TOP_EMOTIONS = 5


def _svg(name: str, width: int, height: int, title: str, desc: str, body: list[str]) -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{name}-title {name}-desc" '
        f'font-family="Helvetica, Arial, sans-serif">'
    )
    parts = [
        head,
        f'<title id="{name}-title">{escape(title)}</title>',
        f'<desc id="{name}-desc">{escape(desc)}</desc>',
    ]
    parts.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>')
    return "".join(parts + body + ["</svg>"])


def _text(x: float, y: float, content: str, size: int = 11, anchor: str = "start", fill: str = INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor={quoteattr(anchor)} '
        f'fill="{fill}">{escape(content)}</text>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 1.0, dash: str = "") -> str:
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width:.2f}"{extra}/>'
    )


def _circle(x: float, y: float, r: float, colour: str, opacity: float = 1.0) -> str:
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}" fill-opacity="{opacity:.2f}"/>'


# --- timeline ----------------------------------------------------------------------------------------------


def timeline_svg(view: InsightView, top: int = TOP_EMOTIONS) -> str:
    """Share of items per quarter showing each of the most frequent feelings; ODF estimate dashed."""
    width, height, left, right, top_y, bottom = 760, 340, 50, 620, 30, 290
    points = view.periods
    totals: dict[str, int] = {}
    for p in points:
        for emotion, n in p.emotions:
            totals[emotion] = totals.get(emotion, 0) + n
    emotions = sorted(totals, key=lambda e: (-totals[e], e))[:top]
    ceiling = _ceiling(points, emotions)
    body = [_line(left, bottom, right, bottom, INK), _line(left, top_y, left, bottom, INK)]
    body += [
        _text(left - 6, top_y + 4, f"{round(100 * ceiling)}%", 9, "end"),
        _text(left - 6, bottom, "0%", 9, "end"),
    ]
    body += [_line(right, top_y, right, bottom, FAINT), _text(right + 4, top_y + 4, "ODF 7", 9)]
    body.append(_text(right + 4, bottom, "ODF 1", 9))
    if not points:
        body.append(
            _text((left + right) / 2, (top_y + bottom) / 2, "No material in this view yet", 12, "middle")
        )
    step = (right - left) / max(len(points) - 1, 1)
    xs = [left + i * step for i in range(len(points))]
    for i, p in enumerate(points):
        if i % max(1, len(points) // 8) == 0 or i == len(points) - 1:
            body.append(_text(xs[i], bottom + 14, p.period, 9, "middle"))
    for n, emotion in enumerate(emotions):
        ys = [
            bottom - (bottom - top_y) * share(dict(p.emotions).get(emotion, 0), p.items) / ceiling
            for p in points
        ]
        body.append(_polyline(xs, ys, PALETTE[n % len(PALETTE)], ""))
        body += _legend(right + 20, top_y + 30 + n * 18, emotion, PALETTE[n % len(PALETTE)], "")
    odf = [(x, p.odf) for x, p in zip(xs, points, strict=True) if p.odf is not None]
    if odf:
        ys = [bottom - (bottom - top_y) * (v - 1) / 6 for _, v in odf]
        body.append(_polyline([x for x, _ in odf], ys, INK, "5,3"))
        body += _legend(right + 20, top_y + 30 + len(emotions) * 18, "ODF estimate", INK, "5,3")
    desc = _timeline_desc(view, emotions)
    return _svg("rv-timeline", width, height, "Feelings and defensive functioning over time", desc, body)


def _ceiling(points: tuple[PeriodPoint, ...], emotions: list[str]) -> float:
    """The top of the share axis: the largest share shown, rounded up to a multiple of 10%."""
    shares = [share(dict(p.emotions).get(e, 0), p.items) for p in points for e in emotions]
    return max(0.1, math.ceil(max(shares, default=0.0) * 10) / 10)


def _polyline(xs: list[float], ys: list[float], colour: str, dash: str) -> str:
    if len(xs) == 1:
        return _circle(xs[0], ys[0], 3, colour)
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True))
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"{extra}/>'


def _legend(x: float, y: float, label: str, colour: str, dash: str) -> list[str]:
    return [_line(x, y - 4, x + 18, y - 4, colour, 2, dash), _text(x + 24, y, label, 10)]


def _timeline_desc(view: InsightView, emotions: list[str]) -> str:
    if not view.periods:
        return "No items in this view yet."
    odf = [p.odf for p in view.periods if p.odf is not None]
    text = (
        f"{len(view.periods)} quarters from {view.periods[0].period} to {view.periods[-1].period}. "
        f"Lines show the share of items per quarter with: {', '.join(emotions) or 'no feelings found'}."
    )
    if odf:
        text += f" The ODF estimate runs from {odf[0]:.1f} to {odf[-1]:.1f}."
    return text


# --- relationship map --------------------------------------------------------------------------------------


def relationship_map_svg(view: InsightView) -> str:
    """Person groups (circles sized by episodes) joined to their most frequent W, RO and RS."""
    groups = [g for g in view.groups if g.group != "self"]
    clusters = sorted(
        {(c, k) for g in groups for c, k, _ in g.edges}, key=lambda x: (["w", "ro", "rs"].index(x[0]), x[1])
    )
    height = max(160, 40 + 34 * max(len(groups), len(clusters)))
    width, gx, cx = 760, 130, 470
    gy = {g.group: 40 + i * (height - 60) / max(len(groups) - 1, 1) for i, g in enumerate(groups)}
    ky = {c: 30 + i * (height - 50) / max(len(clusters) - 1, 1) for i, c in enumerate(clusters)}
    biggest = max((g.episodes for g in groups), default=1)
    body: list[str] = []
    for g in groups:
        for component, cluster, n in g.edges:
            share_of = share(n, max(g.scored, 1))
            colour = PALETTE[["w", "ro", "rs"].index(component)]
            body.append(_line(gx, gy[g.group], cx, ky[(component, cluster)], colour, 0.8 + 6 * share_of))
    for g in groups:
        radius = 6 + 18 * math.sqrt(g.episodes / biggest)
        body.append(_circle(gx, gy[g.group], radius, PALETTE[0], 0.85))
        body.append(_text(gx - radius - 6, gy[g.group] + 4, group_words(g.group, view.audience), 11, "end"))
        body.append(_text(gx, gy[g.group] + 4, str(g.episodes), 9, "middle", "#ffffff"))
    for (component, cluster), y in ky.items():
        body.append(_circle(cx, y, 5, PALETTE[["w", "ro", "rs"].index(component)]))
        body.append(_text(cx + 10, y + 4, f"{component.upper()}: {SHORT_LABELS[component][cluster]}", 11))
    if not groups:
        body.append(_text(width / 2, height / 2, "No relationship episodes in this view yet", 12, "middle"))
    desc = "; ".join(f"{group_words(g.group, view.audience)}: {g.episodes} episodes" for g in groups)
    return _svg("rv-relmap", width, height, "Relationship map", desc or "No relationship episodes yet.", body)


# --- triangles ---------------------------------------------------------------------------------------------

CONFLICT_DRAWN = ("D", "A", "F")  # Malan: defense and anxiety on top, the hidden feeling below
PERSON_DRAWN = ("C", "T", "P")  # current others and therapist on top, the past below
CORNER_LABELS = {
    "D": "Defense",
    "A": "Anxiety",
    "F": "Hidden feeling",
    "T": "Therapist (T)",
    "C": "Current others (C)",
    "P": "Past (P)",
}


def triangles_svg(view: InsightView) -> str:
    """Malan's two triangles; corner size shows the share of items touching it, line width the links."""
    tri = view.triangles
    corners = dict(tri.corners)
    links = {(a, b): n for a, b, n in tri.links}
    body: list[str] = []
    for offset, names in ((0, CONFLICT_DRAWN), (380, PERSON_DRAWN)):
        positions = _triangle_positions(offset, names)
        for (a, b), n in links.items():
            if a in positions and b in positions:
                width = 0.8 + 8 * share(n, tri.items)
                body.append(_line(*positions[a], *positions[b], FAINT if not n else PALETTE[5], width))
        for name, (x, y) in positions.items():
            intensity = share(corners.get(name, 0), tri.items)
            body.append(
                _circle(
                    x, y, 8 + 22 * math.sqrt(intensity), PALETTE[1 if offset else 0], 0.35 + 0.6 * intensity
                )
            )
            label = f"{CORNER_LABELS[name]}: {round(100 * intensity)}%"
            body.append(_text(x, y + (46 if y > 100 else -36), label, 11, "middle"))
    desc = "Items touching each corner: " + ", ".join(
        f"{CORNER_LABELS[c]} {corners.get(c, 0)} of {tri.items}" for c in CONFLICT_DRAWN + PERSON_DRAWN
    )
    return _svg("rv-triangles", 760, 300, "Triangle of conflict and triangle of persons", desc, body)


def _triangle_positions(offset: int, names: tuple[str, str, str]) -> dict[str, tuple[float, float]]:
    """The first two corners at the top, the third at the bottom (Malan draws the triangle point down)."""
    return {
        names[0]: (offset + 80.0, 70.0),
        names[1]: (offset + 300.0, 70.0),
        names[2]: (offset + 190.0, 230.0),
    }
