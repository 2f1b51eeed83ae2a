"""The words a person reads in a PDF report (fpdf2's core font), for the report tests."""

from __future__ import annotations

import re
import zlib


def pdf_text(pdf: bytes) -> str:
    """The text of a (compressed or not) PDF from fpdf2's core font: every `(…) Tj` string, joined by spaces."""
    streams = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            streams.append(zlib.decompress(m.group(1)))
        except zlib.error:
            streams.append(m.group(1))
    shown = re.findall(rb"\((.*?)\)\s*Tj", b"\n".join(streams))
    return " ".join(s.decode("latin-1").replace("\\(", "(").replace("\\)", ")") for s in shown)
