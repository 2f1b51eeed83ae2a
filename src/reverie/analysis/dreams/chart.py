"""A small, self-contained SVG bar chart of Cohen's h per indicator (server-side, no scripts or fonts).

The chart is on the client's own dream-series page, so it speaks their words: a bar is "the size of the
difference" (very small, small, medium, large), never the statistic's name or its letter (h103, review r86); the
numbers stay in the bars' length and the table behind the chart.

Accessible by construction: ``role="img"`` with a title and a description, every bar carries its own
``<title>`` and a printed value with its sign, so nothing depends on colour alone.
"""

from __future__ import annotations

from reverie.analysis.dreams.profile import Comparison, Profile, size_in_words
from reverie.svg import PHONE_WIDTH, Chart, fit_label

ROW_HEIGHT = 42
HALF_WIDTH = 120
TOP = 30
H_LIMIT = 1.2  # bars stop at |h| = 1.2 (already a large difference)
HIGHER = "#1f5f8b"
LOWER = "#8b4a1f"
MUTED = "#9a9a9a"
AXIS_X = PHONE_WIDTH / 2
# Beside a value that is no notable difference, in a person's words (the chart is on their own dream-series page):
# never the researchers' "n.s." (h95); the legend under the axis says what it means.
NOT_CLEAR = "not clear"
TOO_FEW = "too few"
LEGEND = "Grey bar, not clear: no clear difference."
LEGEND_TOO_FEW = "Grey bar, too few: too few to compare."
LESS, MORE = "← less often", "more often →"  # either side of the axis, above the bars
LARGE_AT = 0.8  # where a difference is called large: the scale's two marks


def value_words(c: Comparison) -> str:
    """What is printed beside a bar: "more, medium", "less, small", "not clear" or "too few"."""
    if c.too_small:
        return TOO_FEW
    if not c.notable:
        return NOT_CLEAR
    h = c.h or 0.0
    return f"{'more' if h > 0 else 'less'}, {size_in_words(h)}"


def h_profile_svg(profile: Profile) -> str:
    """The profile as an SVG string: per indicator its name and value on one line, a bar centred on zero below."""
    rows = [c for c in profile.comparisons if c.h is not None]
    legends = [
        line
        for line, shown in (
            (LEGEND, any(not c.notable and not c.too_small for c in rows)),
            (LEGEND_TOO_FEW, any(c.too_small for c in rows)),
        )
        if shown
    ]
    height = TOP + ROW_HEIGHT * max(1, len(rows)) + 26 + 18 * len(legends)
    title = f"Your dreams compared with the {profile.norm_group} norm group: the size of each difference"
    chart = Chart("hp", PHONE_WIDTH, height, title, _description(profile, rows))
    chart.text(AXIS_X - 6, 18, LESS, anchor="end")
    chart.text(AXIS_X + 6, 18, MORE)
    if not rows:
        chart.text(AXIS_X, TOP + 18, "Nothing to compare yet.", anchor="middle")
    for index, comparison in enumerate(rows):
        _bar(chart, comparison, TOP + index * ROW_HEIGHT)
    bottom = TOP + ROW_HEIGHT * max(1, len(rows))
    chart.line(AXIS_X, TOP + 20, AXIS_X, bottom, "#222222")
    for h, said in ((-LARGE_AT, "large"), (0.0, "same"), (LARGE_AT, "large")):
        chart.text(AXIS_X + h / H_LIMIT * HALF_WIDTH, bottom + 18, said, anchor="middle", fill="#444444")
    for index, line in enumerate(legends):
        chart.text(AXIS_X, bottom + 36 + 18 * index, line, anchor="middle", fill="#444444")
    return chart.render()


def _bar(chart: Chart, c: Comparison, y: float) -> None:
    h = c.h or 0.0
    length = min(abs(h), H_LIMIT) / H_LIMIT * HALF_WIDTH
    x = AXIS_X if h >= 0 else AXIS_X - length
    colour = MUTED if not c.notable else (HIGHER if h > 0 else LOWER)
    value_text = value_words(c)
    said = (
        f"{'More' if h > 0 else 'Less'} often than in the norm group, a {size_in_words(h)} difference."
        if c.notable
        else ("Not a clear difference." if not c.too_small else "Too few to compare.")
    )
    chart.open_group(f"{c.label}: {said} {c.description}")
    chart.text(8, y + 16, fit_label(c.label, PHONE_WIDTH - 16 - 7.3 * len(value_text) - 8))
    chart.text(PHONE_WIDTH - 8, y + 16, value_text, anchor="end")
    chart.rect(x, y + 22, max(length, 1), 12, colour)
    chart.close_group()


def _description(profile: Profile, rows: list[Comparison]) -> str:
    notable = [c for c in rows if c.notable]
    head = f"{profile.n_dreams} dream(s), {len(rows)} indicator(s) compared."
    if not notable:
        return head + " No clear differences from the norm group."
    return head + " " + " ".join(c.description for c in notable)
