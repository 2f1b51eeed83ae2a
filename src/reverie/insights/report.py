"""The insights report as PDF bytes (fpdf2, core font), summary first: title, disclaimer, the strongest patterns,
pictures, then every section with its evidence.

Evidence reads as dates and short quotes, never ids: the caller passes ``labels`` (item id → "12 Mar 2024, “I said
I was busy …”") built from the entries the reader may open; an id without a label is counted, not printed. Apart
from those labels the report prints only what the view holds — statements, strengths, counts and category labels.
For a client it leaves out raw codes as the Patterns page does. Characters the core font cannot encode are
replaced.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from fpdf import FPDF

from reverie.insights.highlights import (
    Highlight,
    empty_words,
    highlights,
    keyed_sections,
    readable_sections,
)
from reverie.insights.pictures import pictures
from reverie.insights.statements import Statement
from reverie.insights.view import InsightView, too_few_words

FONT = "helvetica"
MAX_EVIDENCE = 4  # dated quotes per statement
MAX_SUMMARY_EVIDENCE = 3
_REPLACEMENTS = {
    "\u2013": "-",
    "\u2014": "-",
    "\u2192": "->",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2026": "...",
    "\u00a0": " ",
}
_SIZE = re.compile(r'<svg[^>]* width="([0-9.]+)" height="([0-9.]+)"')
_ACCESSIBILITY = re.compile(r"<title[^>]*>.*?</title>|<desc[^>]*>.*?</desc>", re.S)


def pdf_text(text: str) -> str:
    """Text the core font can encode: typographic characters mapped, anything else replaced by '?'."""
    for char, plain in _REPLACEMENTS.items():
        text = text.replace(char, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def printed_ids(view: InsightView) -> list[str]:
    """The item ids the report would quote (newest first per statement): what ``labels`` needs to cover."""
    wanted: list[str] = []
    for h in highlights(view):
        wanted.extend(h.evidence[::-1][:MAX_SUMMARY_EVIDENCE])
    for _, statements in readable_sections(view):
        for statement in statements:
            wanted.extend(statement.evidence[::-1][:MAX_EVIDENCE])
    return list(dict.fromkeys(wanted))


def render_pdf(
    view: InsightView,
    *,
    labels: Mapping[str, str] | None = None,
    safety: Sequence[str] = (),
    compress: bool = True,
) -> bytes:
    """The report as PDF bytes (``compress=False`` keeps page text readable, for checks). ``safety``: lines printed
    first, under "If you are not safe right now", when the period holds a risk finding (the caller's safety plan
    pointer and crisis lines, ``clinic.services.insights.report_pdf``)."""
    known = labels or {}
    pdf = FPDF(format="A4")
    pdf.set_compression(compress)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title("Reverie - patterns over time")
    pdf.set_creator("Reverie")
    pdf.add_page()
    _heading(pdf, view)
    if safety:
        _write(pdf, "If you are not safe right now", 13, "B", 7)
        for line in safety:
            _write(pdf, line, 10)
        pdf.ln(3)
    if view.too_few_entries:  # one plain sentence, no figures or pictures (review r116)
        _write(pdf, too_few_words(view), 10)
        return bytes(pdf.output())
    _summary(pdf, highlights(view), known)
    _pictures(pdf, view)
    for key, title, statements in keyed_sections(view):
        _section(pdf, title, statements, known, empty_words(key))
    if view.unverified is not None:  # the therapist's research prompts, last, under their measured accuracy
        _section(pdf, view.unverified.title, view.unverified.statements, known)
    return bytes(pdf.output())


def _summary(pdf: FPDF, found: list[Highlight], labels: Mapping[str, str]) -> None:
    _write(pdf, "The strongest patterns", 14, "B", 8)
    if not found:
        _write(
            pdf,
            "No pattern stands out yet (one is named only when it comes up more often than chance would give).",
            10,
            "I",
        )
    for n, h in enumerate(found, 1):
        _write(pdf, f"{n}. {h.sentence}", 11)
        _write(
            pdf,
            f"   {f'{h.sure} ({h.seen})' if h.sure else h.seen.capitalize()}. "
            f"{_evidence(h.evidence, labels, MAX_SUMMARY_EVIDENCE)}",
            9,
            "I",
            4.5,
        )
        pdf.ln(1)
    pdf.ln(2)


def _write(pdf: FPDF, text: str, size: float = 10, style: str = "", height: float = 5) -> None:
    pdf.set_font(FONT, style=style, size=size)
    pdf.multi_cell(0, height, pdf_text(text), align="L", new_x="LMARGIN", new_y="NEXT")


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(moment: datetime) -> str:
    """A date as the patterns page writes it ("8 Jun 2026"), never ISO (r134), whatever the process's locale."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def _heading(pdf: FPDF, view: InsightView) -> None:
    _write(pdf, "Reverie - patterns over time", 18, "B", 9)
    who = "Your view" if view.audience == "client" else "Therapist view (items the client shared)"
    if view.include_process_notes:
        who += ", including process notes"
    span = ""
    if view.first and view.last:
        span = f", {_day(view.first)} to {_day(view.last)}"
    unit = "entries" if view.audience == "client" else "items"  # the client's plain words (h10)
    _write(pdf, f"{who}: {view.item_count} {unit}{span}.", 10)
    pdf.ln(2)
    pdf.set_fill_color(240, 240, 240)
    pdf.set_font(FONT, style="B", size=10)
    pdf.multi_cell(0, 6, pdf_text(view.disclaimer), border=1, fill=True, new_x="LMARGIN", new_y="NEXT")
    _write(
        pdf,
        "Statements describe what appears in the material and how often; they are starting points for "
        "conversation, not conclusions. Statements resting on fewer than 3 observations are marked "
        "tentative.",
        9,
    )
    pdf.ln(2)


PICTURE_MM = 100  # drawn for a phone: at 100 mm the 13-unit text prints at about 11 pt


def _pictures(pdf: FPDF, view: InsightView) -> None:
    for title, svg in pictures(view):  # the reader's titles (pictures.PICTURE_TITLES), as on the page
        embeddable = pdf_text(_ACCESSIBILITY.sub("", svg)).encode("utf-8")  # the core font has no "–" or "…"
        size = _SIZE.search(svg)
        height = PICTURE_MM * float(size.group(2)) / float(size.group(1)) if size else 90.0
        if pdf.will_page_break(min(height, pdf.eph - 20) + 10):
            pdf.add_page()
        _write(pdf, title, 12, "B", 7)
        pdf.image(
            io.BytesIO(embeddable), w=PICTURE_MM if height <= pdf.eph - 20 else 0, h=min(height, pdf.eph - 20)
        )
        pdf.ln(3)


def _section(
    pdf: FPDF,
    title: str,
    statements: tuple[Statement, ...],
    labels: Mapping[str, str],
    empty: str = "Nothing to show here yet.",
) -> None:
    pdf.ln(2)
    _write(pdf, title, 13, "B", 7)
    if not statements:
        _write(pdf, empty, 10, "I")
        return
    for statement in statements:
        _write(pdf, f"- {statement.text}", 10)
        _write(
            pdf, f"  {statement.strength.capitalize()}. {_evidence(statement.evidence, labels)}", 8, "I", 4
        )
        pdf.ln(1)


def _evidence(ids: tuple[str, ...], labels: Mapping[str, str], most: int = MAX_EVIDENCE) -> str:
    """Newest first, as dates and short quotes; ids are never printed."""
    if not ids:
        return ""
    shown = [labels[i] for i in ids[::-1] if i in labels][:most]
    rest = len(ids) - len(shown)
    if not shown:
        return f"From {len(ids)} entr{'y' if len(ids) == 1 else 'ies'}."
    more = f"; and {rest} more" if rest else ""
    return "From: " + "; ".join(shown) + more + "."
