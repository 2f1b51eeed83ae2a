"""One small SVG builder for every chart Reverie draws (patterns, measures, dreams). Pure, no dependencies.

Every text node and attribute value is escaped here, so a chart module cannot forget to. Charts are drawn for a
phone: ``PHONE_WIDTH`` user units wide with text no smaller than ``MIN_TEXT``, and rendered no wider than that
(``width`` attribute; the page's CSS only shrinks them to fit). On a 360-px phone the drawing area is about
300–330 CSS px, so 13 user units render at 12 CSS px or more. Each chart carries ``role="img"``, a ``<title>``
and a ``<desc>`` (the text alternative), and ids prefixed with its name so several charts can share a page.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

PHONE_WIDTH = 320
MIN_TEXT = 13
INK, MUTED, FAINT = "#222222", "#555555", "#bbbbbb"
PALETTE = ("#3b6ea5", "#c8553d", "#588b8b", "#8f6593", "#a07a00", "#5d5d5d")
FONT = "Helvetica, Arial, sans-serif"
_NAME = re.compile(r"[a-z][a-z0-9-]{0,40}")


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


class Chart:
    """Collects shapes; ``render()`` returns the SVG text."""

    def __init__(
        self, name: str, width: float, height: float, title: str, desc: str, *, background: bool = True
    ) -> None:
        if not _NAME.fullmatch(name):
            raise ValueError("A chart name is lower-case letters, digits and '-', starting with a letter.")
        self.name, self.width, self.height = name, width, height
        self.title, self.desc, self.background = title, desc, background
        self.parts: list[str] = []

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        size: float = MIN_TEXT,
        anchor: str = "start",
        fill: str = INK,
        bold: bool = False,
    ) -> None:
        weight = ' font-weight="bold"' if bold else ""
        self.parts.append(
            f'<text x="{_num(x)}" y="{_num(y)}" font-size="{_num(max(size, MIN_TEXT))}" '
            f"text-anchor={quoteattr(anchor)} fill={quoteattr(fill)}{weight}>{escape(content)}</text>"
        )

    def line(
        self, x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 1.0, dash: str = ""
    ) -> None:
        extra = f" stroke-dasharray={quoteattr(dash)}" if dash else ""
        self.parts.append(
            f'<line x1="{_num(x1)}" y1="{_num(y1)}" x2="{_num(x2)}" y2="{_num(y2)}" '
            f'stroke={quoteattr(colour)} stroke-width="{width:.2f}"{extra}/>'
        )

    def circle(self, x: float, y: float, r: float, colour: str, opacity: float = 1.0, tip: str = "") -> None:
        inner = f"<title>{escape(tip)}</title>" if tip else ""
        self.parts.append(
            f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(r)}" fill={quoteattr(colour)} '
            f'fill-opacity="{opacity:.2f}">{inner}</circle>'
        )

    def rect(self, x: float, y: float, w: float, h: float, fill: str, opacity: float = 1.0) -> None:
        self.parts.append(
            f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(max(h, 0))}" '
            f'fill={quoteattr(fill)} fill-opacity="{opacity:.2f}"/>'
        )

    def polyline(
        self, points: list[tuple[float, float]], colour: str, width: float = 2, dash: str = ""
    ) -> None:
        if len(points) == 1:
            self.circle(points[0][0], points[0][1], 3, colour)
            return
        coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in points)
        extra = f" stroke-dasharray={quoteattr(dash)}" if dash else ""
        self.parts.append(
            f'<polyline points="{coords}" fill="none" stroke={quoteattr(colour)} stroke-width="{width}"{extra}/>'
        )

    def open_group(self, tip: str) -> None:
        """Start a ``<g>`` whose ``<title>`` names what it draws (a tooltip, and a label for assistive tech)."""
        self.parts.append(f"<g><title>{escape(tip)}</title>")

    def close_group(self) -> None:
        self.parts.append("</g>")

    def render(self) -> str:
        w, h, n = _num(self.width), _num(self.height), self.name
        return "".join(
            [
                f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{w}" height="{h}" '
                f'viewBox="0 0 {w} {h}" role="img" aria-labelledby="{n}-title {n}-desc" '
                f"font-family={quoteattr(FONT)}>",
                f'<title id="{n}-title">{escape(self.title)}</title>',
                f'<desc id="{n}-desc">{escape(self.desc)}</desc>',
                f'<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>' if self.background else "",
                *self.parts,
                "</svg>",
            ]
        )


def fit_label(text: str, room: float, size: float = MIN_TEXT) -> str:
    """``text`` shortened on a word boundary (with '…') to fit ``room`` user units at ``size`` (0.56 em per char)."""
    most = max(3, int(room / (0.56 * size)))
    if len(text) <= most:
        return text
    cut = text.rfind(" ", 0, most - 1)
    return text[: cut if cut > 0 else most - 1].rstrip(" ,;(") + "…"
