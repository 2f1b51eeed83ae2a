"""r134 fault 5: the client's Patterns page in plain words. The model's reading of feelings is said to be Reverie's,
apart from the person's own ratings; feelings "hard to explain" are said in the entry panel's words and counted in
entries; the empty relationship map says why it is empty; a strongest pattern says how sure, as the panel does."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_patterns_page import _cleared, _entries

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_patterns_page_says_whose_reading_how_sure_and_why_nothing(make_user: Any, web_as: Any) -> None:
    alice = make_user()
    _entries(alice, n=7, payload=_cleared())
    _entries(alice, n=7, payload={"schema": "reverie.analysis/1", "findings": []})
    page = _text(web_as(alice).get("/insights/?show=1").content.decode())
    # the model's feelings: Reverie's reading, named as such, under a title that says so
    assert "Feelings Reverie read in your words" in page and "Feelings over time" not in page
    assert re.search(
        r"Reverie read \d+ different feelings in your words \(its reading, not your ratings\)", page
    )
    assert "appear in what you wrote" not in page
    # a feeling the person could not place: the panel's words, counted in entries
    assert "You named a feeling you could not place yet 7 times" in page
    assert "(seen in 7 of 14 entries)" in page and "hard to explain" not in page
    assert "seen in 7 feelings" not in page
    # the empty relationship map says why
    assert "Relationship moments are held back:" in page and "reliably enough to show them" in page
    assert "not shown yet" not in page
    # the strongest pattern says how sure, in words
    strongest = page[page.index("The strongest patterns") : page.index("Your feelings, as you rated them")]
    assert "Reverie is fairly sure of this: it came up many times (seen in 7 of 14 entries)" in strongest


def test_the_pdf_says_how_sure_too(make_user: Any, web_as: Any) -> None:
    from reverie.clinic.services import insights
    from reverie.insights.highlights import highlights, sureness

    alice = make_user()
    _entries(alice, n=7, payload=_cleared())
    _entries(alice, n=7, payload={"schema": "reverie.analysis/1", "findings": []})
    found = highlights(insights.view_for(alice))
    assert found and all(h.sure for h in found)
    assert sureness(3) == "Likely, but Reverie is less sure of this one: it came up only a few times"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
    from pdf_words import pdf_text

    words = " ".join(pdf_text(web_as(alice).get("/insights/report.pdf").content).split())
    assert "Reverie is fairly sure of this: it came up many times (seen in 7 of 14 entries)" in words


def test_an_empty_thread_says_why_not_nothing_yet(make_user: Any, web_as: Any) -> None:
    """r134: "What comes up next to what: Nothing to show here yet." after 40 entries read as "coming later". The
    section is empty when no two themes come up next to each other beyond chance, and says so (page and PDF)."""
    alice = make_user()
    _entries(alice, n=7, payload=_cleared())
    _entries(alice, n=7, payload={"schema": "reverie.analysis/1", "findings": []})
    page = _text(web_as(alice).get("/insights/?show=1").content.decode())
    thread = page.split("What comes up next to what", 1)[1][:200]
    said = "No two themes come up next to each other more often than chance alone would give."
    assert said in thread and "Nothing to show here yet" not in thread, thread
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
    from pdf_words import pdf_text

    words = " ".join(pdf_text(web_as(alice).get("/insights/report.pdf").content).split())
    assert said in words
