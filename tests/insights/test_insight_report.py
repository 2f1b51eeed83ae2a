from __future__ import annotations

from insight_builders import withdrawal_history

from reverie.insights import build_view, render_pdf
from reverie.insights.report import pdf_text


def test_report_pdf_renders_with_disclaimer_and_statements() -> None:
    view = build_view(withdrawal_history())
    pdf = render_pdf(view, compress=False)
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"Reverie supports therapy; it is not a therapist and does not diagnose." in pdf
    assert b"Evidence: " in pdf
    assert b"Zebediah" not in pdf  # a name in the findings' data never reaches the report


def test_report_compressed_by_default() -> None:
    view = build_view(withdrawal_history())
    assert render_pdf(view).startswith(b"%PDF")
    assert len(render_pdf(view)) < len(render_pdf(view, compress=False))


def test_report_text_fits_the_core_font() -> None:
    assert pdf_text("a \u2192 b \u2014 c \u201cq\u201d") == 'a -> b - c "q"'
    assert pdf_text("caf\u00e9 \u6f22") == "caf\u00e9 ?"
