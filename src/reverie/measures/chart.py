"""A small, accessible, self-contained SVG line chart of a measure's history, severity bands shaded."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from reverie.errors import InvalidInput
from reverie.measures.questionnaires import Band, Questionnaire, get_questionnaire
from reverie.measures.scoring import check_total

WIDTH, HEIGHT = 560, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 120, 12, 30
BAND_FILLS = ("#f3f7f3", "#eef2f8", "#f8f3e8", "#f8ece6", "#f5e3e3")
_ELEMENT_ID = re.compile(r"[a-z][a-z0-9-]{0,40}")


@dataclass(frozen=True, slots=True)
class _Frame:
    """Maps dates and scores onto the plot area."""

    first: date
    days: int
    max_total: int

    def x(self, day: date) -> float:
        width = WIDTH - LEFT - RIGHT
        if self.days == 0:
            return LEFT + width / 2
        return LEFT + width * (day - self.first).days / self.days

    def y(self, total: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - total / self.max_total)


def history_svg(
    points: Sequence[tuple[date, int]], questionnaire_id: str, *, element_id: str = "measure-chart"
) -> str:
    """Render scores over time as an SVG string (no scripts, no external assets, all text escaped).

    The chart has ``role="img"`` with a ``<title>`` and a ``<desc>`` that says the first and latest score in
    words, so a screen reader gets the same information as the picture. ``element_id`` prefixes the ids of
    the title and description so several charts can share a page.
    """
    questionnaire = get_questionnaire(questionnaire_id)
    if not _ELEMENT_ID.fullmatch(element_id):
        raise InvalidInput("A chart id must be lower-case letters, digits and '-', starting with a letter.")
    ordered = _checked(points, questionnaire)
    frame = _frame(ordered, questionnaire)
    title = f"{questionnaire.short_title} scores over time"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="{element_id}-title {element_id}-desc">',
        f'<title id="{element_id}-title">{escape(title)}</title>',
        f'<desc id="{element_id}-desc">{escape(describe(ordered, questionnaire))}</desc>',
        *(_band(band, frame, index) for index, band in enumerate(questionnaire.bands)),
        *_axes(ordered, frame),
        *_line(ordered, frame, questionnaire),
        "</svg>",
    ]
    return "\n".join(parts)


def describe(points: Sequence[tuple[date, int]], questionnaire: Questionnaire) -> str:
    """Plain-language summary of the series (used as the chart's ``<desc>``)."""
    if not points:
        return f"No {questionnaire.short_title} scores recorded yet."
    (first_day, first), (last_day, last) = points[0], points[-1]
    first_band, last_band = questionnaire.band_for(first), questionnaire.band_for(last)
    if len(points) == 1:
        return f"One {questionnaire.short_title} score: {first} ({first_band.label.lower()}) on {first_day}."
    return (
        f"{len(points)} {questionnaire.short_title} scores from {first_day} to {last_day}: first {first} "
        f"({first_band.label.lower()}), latest {last} ({last_band.label.lower()}). "
        f"Scores range from 0 to {questionnaire.max_total}; lower is better."
    )


def _checked(points: Sequence[tuple[date, int]], questionnaire: Questionnaire) -> list[tuple[date, int]]:
    result = []
    for index, (day, total) in enumerate(points, start=1):
        if not isinstance(day, date) or isinstance(day, datetime):
            raise InvalidInput(f"Chart point {index}: the date must be a calendar date.")
        check_total(questionnaire, total)
        result.append((day, total))
    return sorted(result, key=lambda point: point[0])


def _frame(points: Sequence[tuple[date, int]], questionnaire: Questionnaire) -> _Frame:
    if not points:
        return _Frame(first=date.min, days=0, max_total=questionnaire.max_total)
    first, last = points[0][0], points[-1][0]
    return _Frame(first=first, days=(last - first).days, max_total=questionnaire.max_total)


def _band(band: Band, frame: _Frame, index: int) -> str:
    top = frame.y(min(band.high + 1, frame.max_total))
    bottom = frame.y(band.low)
    fill = BAND_FILLS[index % len(BAND_FILLS)]
    label = escape(f"{band.label} ({band.low}–{band.high})")
    return (
        f'<rect x="{LEFT}" y="{top:.1f}" width="{WIDTH - LEFT - RIGHT}" height="{bottom - top:.1f}" '
        f'fill="{fill}"/>'
        f'<text x="{WIDTH - RIGHT + 6}" y="{(top + bottom) / 2 + 4:.1f}" font-size="11" '
        f'font-family="sans-serif" fill="#333">{label}</text>'
    )


def _axes(points: Sequence[tuple[date, int]], frame: _Frame) -> list[str]:
    base = HEIGHT - BOTTOM
    parts = [
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}" stroke="#555"/>',
        f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="#555"/>',
        _text(LEFT - 6, frame.y(0) + 4, "0", anchor="end"),
        _text(LEFT - 6, frame.y(frame.max_total) + 4, str(frame.max_total), anchor="end"),
    ]
    if points:
        parts.append(_text(frame.x(points[0][0]), base + 18, points[0][0].isoformat(), anchor="start"))
    if len(points) > 1 and frame.days > 0:
        parts.append(_text(frame.x(points[-1][0]), base + 18, points[-1][0].isoformat(), anchor="end"))
    return parts


def _line(points: Sequence[tuple[date, int]], frame: _Frame, questionnaire: Questionnaire) -> list[str]:
    coords = [(frame.x(day), frame.y(total)) for day, total in points]
    parts = []
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#1f4e79" stroke-width="2"/>')
    for (x, y), (day, total) in zip(coords, points, strict=True):
        band = questionnaire.band_for(total).label.lower()
        tip = escape(f"{day.isoformat()}: {total} ({band})")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#1f4e79"><title>{tip}</title></circle>')
    return parts


def _text(x: float, y: float, content: str, *, anchor: str) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" font-family="sans-serif" text-anchor="{anchor}" '
        f'fill="#333">{escape(content)}</text>'
    )
