"""A small, self-contained SVG bar chart of Cohen's h per indicator (server-side, no scripts or fonts).

Accessible by construction: ``role="img"`` with a title and a description, every bar carries its own
``<title>`` and a printed value with its sign, so nothing depends on colour alone.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reverie.analysis.dreams.profile import Comparison, Profile

ROW_HEIGHT = 22
LABEL_WIDTH = 250
HALF_WIDTH = 150
VALUE_WIDTH = 60
TOP = 30
H_LIMIT = 1.2  # bars are clipped at |h| = 1.2 (already a large difference)
HIGHER = "#1f5f8b"
LOWER = "#8b4a1f"
MUTED = "#9a9a9a"


def h_profile_svg(profile: Profile) -> str:
    """The profile as an SVG string: one horizontal bar per indicator with a defined h, centred on zero."""
    rows = [c for c in profile.comparisons if c.h is not None]
    width = LABEL_WIDTH + 2 * HALF_WIDTH + VALUE_WIDTH
    height = TOP + ROW_HEIGHT * max(1, len(rows)) + 30
    axis_x = LABEL_WIDTH + HALF_WIDTH
    title = f"Dream series compared with the {profile.norm_group} norm group (Cohen's h)"
    desc = _description(profile, rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="hp-title hp-desc" '
        'font-family="sans-serif" font-size="12">',
        f'<title id="hp-title">{escape(title)}</title>',
        f'<desc id="hp-desc">{escape(desc)}</desc>',
        f'<text x="{axis_x}" y="16" text-anchor="middle" fill="#222">lower ← h → higher than norms</text>',
    ]
    if not rows:
        parts.append(
            f'<text x="{axis_x}" y="{TOP + 14}" text-anchor="middle" fill="#222">Nothing to compare yet.</text>'
        )
    for index, comparison in enumerate(rows):
        parts.append(_bar(comparison, TOP + index * ROW_HEIGHT, axis_x))
    bottom = TOP + ROW_HEIGHT * max(1, len(rows))
    parts.append(
        f'<line x1="{axis_x}" y1="{TOP - 4}" x2="{axis_x}" y2="{bottom}" stroke="#222" stroke-width="1"/>'
    )
    parts.append(_scale(axis_x, bottom))
    parts.append("</svg>")
    return "\n".join(parts)


def _bar(c: Comparison, y: int, axis_x: int) -> str:
    h = c.h or 0.0
    length = min(abs(h), H_LIMIT) / H_LIMIT * HALF_WIDTH
    x = axis_x if h >= 0 else axis_x - length
    colour = MUTED if not c.notable else (HIGHER if h > 0 else LOWER)
    value_text = f"{h:+.2f}" + ("" if c.notable else " (n.s.)" if not c.too_small else " (few)")
    label = escape(c.name)
    tip = escape(f"{c.name}: h = {h:+.2f}. {c.description}")
    return (
        f"<g><title>{tip}</title>"
        f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" fill="#222">{label}</text>'
        f'<rect x="{x:.1f}" y="{y + 4}" width="{max(length, 1):.1f}" height="{ROW_HEIGHT - 8}" fill="{colour}"/>'
        f'<text x="{LABEL_WIDTH + 2 * HALF_WIDTH + 6}" y="{y + 15}" fill="#222">{escape(value_text)}</text></g>'
    )


def _scale(axis_x: int, bottom: int) -> str:
    ticks = []
    for h in (-1.0, -0.5, 0.0, 0.5, 1.0):
        x = axis_x + h / H_LIMIT * HALF_WIDTH
        ticks.append(f'<text x="{x:.1f}" y="{bottom + 16}" text-anchor="middle" fill="#444">{h:+.1f}</text>')
    return "".join(ticks)


def _description(profile: Profile, rows: list[Comparison]) -> str:
    notable = [c for c in rows if c.notable]
    head = f"{profile.n_dreams} dream(s), {len(rows)} indicator(s) compared."
    if not notable:
        return head + " No clear differences from the norm group."
    return head + " " + " ".join(c.description for c in notable)
