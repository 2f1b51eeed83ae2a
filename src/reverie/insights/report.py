"""The insights report as PDF bytes (fpdf2, core font): title, disclaimer, pictures, statements with evidence.

The report prints only what the view holds — statements, strengths, item ids, counts and category labels —
so it can never contain entry text beyond what the view shows. Characters the core font cannot encode are
replaced.
"""

from __future__ import annotations

import io
import re

from fpdf import FPDF

from reverie.insights.pictures import relationship_map_svg, timeline_svg, triangles_svg
from reverie.insights.statements import Statement
from reverie.insights.view import InsightView

FONT = "helvetica"
MAX_EVIDENCE = 12
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
_ACCESSIBILITY = re.compile(r"<title[^>]*>.*?</title>|<desc[^>]*>.*?</desc>", re.S)


def pdf_text(text: str) -> str:
    """Text the core font can encode: typographic characters mapped, anything else replaced by '?'."""
    for char, plain in _REPLACEMENTS.items():
        text = text.replace(char, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def render_pdf(view: InsightView, *, compress: bool = True) -> bytes:
    """The report as PDF bytes (``compress=False`` keeps page text readable, for checks)."""
    pdf = FPDF(format="A4")
    pdf.set_compression(compress)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title("Reverie - patterns over time")
    pdf.set_creator("Reverie")
    pdf.add_page()
    _heading(pdf, view)
    _pictures(pdf, view)
    for section in view.sections:
        _section(pdf, section.title, section.statements)
    return bytes(pdf.output())


def _write(pdf: FPDF, text: str, size: float = 10, style: str = "", height: float = 5) -> None:
    pdf.set_font(FONT, style=style, size=size)
    pdf.multi_cell(0, height, pdf_text(text), align="L", new_x="LMARGIN", new_y="NEXT")


def _heading(pdf: FPDF, view: InsightView) -> None:
    _write(pdf, "Reverie - patterns over time", 18, "B", 9)
    who = "Your view" if view.audience == "client" else "Therapist view (items the client shared)"
    if view.include_process_notes:
        who += ", including process notes"
    span = ""
    if view.first and view.last:
        span = f", {view.first.date().isoformat()} to {view.last.date().isoformat()}"
    _write(pdf, f"{who}: {view.item_count} items{span}.", 10)
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


def _pictures(pdf: FPDF, view: InsightView) -> None:
    for title, svg in (
        ("Feelings and defensive functioning over time", timeline_svg(view)),
        ("Triangle of conflict and triangle of persons", triangles_svg(view)),
        ("Relationship map", relationship_map_svg(view)),
    ):
        embeddable = _ACCESSIBILITY.sub("", svg).encode("utf-8")
        if pdf.will_page_break(90):
            pdf.add_page()
        _write(pdf, title, 12, "B", 7)
        pdf.image(io.BytesIO(embeddable), w=pdf.epw)
        pdf.ln(3)


def _section(pdf: FPDF, title: str, statements: tuple[Statement, ...]) -> None:
    pdf.ln(2)
    _write(pdf, title, 13, "B", 7)
    if not statements:
        _write(pdf, "Nothing to show here yet.", 10, "I")
        return
    for statement in statements:
        _write(pdf, f"- {statement.text}", 10)
        _write(pdf, f"  {statement.strength.capitalize()}. {_evidence(statement)}", 8, "I", 4)
        pdf.ln(1)


def _evidence(statement: Statement) -> str:
    ids = statement.evidence
    if not ids:
        return ""
    shown = ", ".join(ids[:MAX_EVIDENCE])
    more = f" (+{len(ids) - MAX_EVIDENCE} more)" if len(ids) > MAX_EVIDENCE else ""
    return f"Evidence: {shown}{more}."
