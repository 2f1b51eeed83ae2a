from __future__ import annotations

from insight_builders import withdrawal_history

from reverie.insights import build_view, render_pdf
from reverie.insights.report import pdf_text, printed_ids


def test_report_pdf_renders_with_disclaimer_and_statements() -> None:
    view = build_view(withdrawal_history())
    pdf = render_pdf(view, compress=False)
    assert pdf.startswith(b"%PDF")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"Reverie supports therapy; it is not a therapist and does not diagnose." in pdf
    assert b"From " in pdf and b"Evidence: " not in pdf
    assert b"Zebediah" not in pdf  # a name in the findings' data never reaches the report


def test_report_compressed_by_default() -> None:
    view = build_view(withdrawal_history())
    assert render_pdf(view).startswith(b"%PDF")
    assert len(render_pdf(view)) < len(render_pdf(view, compress=False))


def test_report_text_fits_the_core_font() -> None:
    assert pdf_text("a \u2192 b \u2014 c \u201cq\u201d") == 'a -> b - c "q"'
    assert pdf_text("caf\u00e9 \u6f22") == "caf\u00e9 ?"


def test_report_is_summary_first_with_dates_and_quotes_never_ids() -> None:
    view = build_view(withdrawal_history())
    ids = printed_ids(view)
    assert ids
    labels = {item: f"{n + 1} Mar 2026, \u201cwords {n}\u201d" for n, item in enumerate(ids)}
    pdf = render_pdf(view, labels=labels, compress=False)
    assert pdf.index(b"The strongest patterns") < pdf.index(b"Relationship map")
    assert b'Mar 2026, "words 0"' in pdf or b"Mar 2026" in pdf
    for item in view.evidence_ids():
        assert item.encode() not in pdf  # regression: the report cited raw entry ids
    client = render_pdf(build_view(withdrawal_history(), "client"), compress=False)
    assert b"ODF" not in client and b"(W)" not in client


def test_report_embeds_phone_pictures_with_typographic_text() -> None:
    """Regression: the pictures' '–' and '…' are not in the core font and made fpdf2 fail."""
    from reverie.insights import synthetic_history

    view = build_view(synthetic_history(seed=2, n_entries=200, n_sessions=20), "therapist")
    assert render_pdf(view).startswith(b"%PDF")


def test_report_heading_dates_in_words_never_iso() -> None:
    """r134 fault 9: "Your view: 40 entries, 2026-06-08 to 2026-12-01" where the page says "8 Jun 2026"."""
    import re

    from pdf_words import pdf_text as words_of

    view = build_view(withdrawal_history())
    assert view.first is not None and view.last is not None
    text = " ".join(words_of(render_pdf(view, compress=False)).split())
    first, last = view.first, view.last
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    said = f"{first.day} {months[first.month - 1]} {first.year} to {last.day} {months[last.month - 1]} {last.year}"
    assert said in text, text[:300]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text.split("Your view", 1)[1][:80])
