"""A small, accessible, self-contained SVG line chart of a measure's history, severity bands shaded."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from reverie.errors import InvalidInput
from reverie.measures.questionnaires import Band, Questionnaire, get_questionnaire
from reverie.measures.scoring import check_total
from reverie.svg import MIN_TEXT, PHONE_WIDTH, Chart, fit_label

WIDTH, HEIGHT = PHONE_WIDTH, 240
LEFT, RIGHT, TOP, BOTTOM = 30, 8, 10, 46
BAND_FILLS = ("#f3f7f3", "#eef2f8", "#f8f3e8", "#f8ece6", "#f5e3e3")
LINE = "#1f4e79"
_ELEMENT_ID = re.compile(r"[a-z][a-z0-9-]{0,40}")


@dataclass(frozen=True, slots=True)
class _Frame:
    """Maps dates and scores onto the plot area."""

    first: date
    days: int
    max_total: int

    def x(self, day: date) -> float:
        width = WIDTH - LEFT - RIGHT - 12
        if self.days == 0:
            return LEFT + 6 + width / 2
        return LEFT + 6 + width * (day - self.first).days / self.days

    def y(self, total: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - total / self.max_total)


def history_svg(
    points: Sequence[tuple[date, int]], questionnaire_id: str, *, element_id: str = "measure-chart"
) -> str:
    """Render scores over time as an SVG string (no scripts, no external assets, all text escaped).

    Drawn with the shared phone-width builder (``reverie.svg``): the band names sit inside their bands, text is
    at least 13 units. The chart has ``role="img"`` with a ``<title>`` and a ``<desc>`` that says the first and
    latest score in words, so a screen reader gets the same information as the picture. ``element_id``
    prefixes the ids of the title and description so several charts can share a page.
    """
    questionnaire = get_questionnaire(questionnaire_id)
    if not _ELEMENT_ID.fullmatch(element_id):
        raise InvalidInput("A chart id must be lower-case letters, digits and '-', starting with a letter.")
    ordered = _checked(points, questionnaire)
    frame = _frame(ordered, questionnaire)
    title = f"{questionnaire.short_title} scores over time"
    chart = Chart(element_id, WIDTH, HEIGHT, title, describe(ordered, questionnaire), background=False)
    for index, band in enumerate(questionnaire.bands):
        _band(chart, band, frame, index)
    _axes(chart, ordered, frame)
    _line(chart, ordered, frame, questionnaire)
    return chart.render()


def day_words(day: date) -> str:
    """A day as the pages write it ("12 Jan 2026"), never ISO: the points are already days in the course's zone."""
    return f"{day.day} {day:%b %Y}"


def describe(points: Sequence[tuple[date, int]], questionnaire: Questionnaire) -> str:
    """Plain-language summary of the series (used as the chart's ``<desc>``)."""
    if not points:
        return f"No {questionnaire.short_title} scores recorded yet."
    (first_day, first), (last_day, last) = points[0], points[-1]
    first_band, last_band = questionnaire.band_for(first), questionnaire.band_for(last)
    if len(points) == 1:
        return f"One {questionnaire.short_title} score: {first} ({first_band.label.lower()}) on {day_words(first_day)}."
    return (
        f"{len(points)} {questionnaire.short_title} scores from {day_words(first_day)} to {day_words(last_day)}: first {first} "
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


def _band(chart: Chart, band: Band, frame: _Frame, index: int) -> None:
    top = frame.y(min(band.high + 1, frame.max_total))
    bottom = frame.y(band.low)
    chart.rect(LEFT, top, WIDTH - LEFT - RIGHT, bottom - top, BAND_FILLS[index % len(BAND_FILLS)])
    if bottom - top >= MIN_TEXT + 2:
        label = fit_label(f"{band.label} ({band.low}–{band.high})", WIDTH - LEFT - RIGHT - 8)
        chart.text(LEFT + 4, (top + bottom) / 2 + 5, label, fill="#444444")


def _axes(chart: Chart, points: Sequence[tuple[date, int]], frame: _Frame) -> None:
    base = HEIGHT - BOTTOM
    chart.line(LEFT, TOP, LEFT, base, "#555555")
    chart.line(LEFT, base, WIDTH - RIGHT, base, "#555555")
    chart.text(LEFT - 4, frame.y(0) + 4, "0", anchor="end")
    chart.text(LEFT - 4, frame.y(frame.max_total) + 10, str(frame.max_total), anchor="end")
    if points:
        chart.text(LEFT, base + 18, day_words(points[0][0]))
    if len(points) > 1 and frame.days > 0:
        chart.text(WIDTH - RIGHT, base + 36, day_words(points[-1][0]), anchor="end")


def _line(
    chart: Chart, points: Sequence[tuple[date, int]], frame: _Frame, questionnaire: Questionnaire
) -> None:
    coords = [(frame.x(day), frame.y(total)) for day, total in points]
    if len(coords) > 1:
        chart.polyline(coords, LINE)
    for (x, y), (day, total) in zip(coords, points, strict=True):
        band = questionnaire.band_for(total).label.lower()
        chart.circle(x, y, 4, LINE, tip=f"{day_words(day)}: {total} ({band})")
