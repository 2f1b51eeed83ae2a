"""(Found by review r74 of h80.) (the risk screen reads the whole text, sentences or not): what the result's notes say of such a
text must agree with what the risk screen found in it."""

from __future__ import annotations

from reverie.analysis import pipeline
from reverie.analysis.document import MAX_ANALYSED_CHARS


def test_no_note_says_a_text_has_no_words_when_the_risk_screen_quotes_its_words() -> None:
    """A long paste of figures (blood-sugar readings, a budget) with a sentence written after it: `reverie analyse`
    prints "note: Nothing to analyse: the text has no words." and, under it, the risk screen's finding quoting
    "kill myself" from that same text. The note is false (the risk analyzer read words there); it should say only
    what is true: that the first 100,000 characters hold no words to analyse (or nothing of "no words")."""
    figures = " ".join(f"{i % 97}.{i % 10} {i % 31}" for i in range(20_000))
    assert len(figures) > MAX_ANALYSED_CHARS
    text = figures + "\nI am going to kill myself tonight.\n"
    result = pipeline.analyse(text, "free_association", only=["risk"])
    risk = [f for f in result.findings if f.kind == "risk"]
    assert risk and risk[0].label != "none"  # the screen read words in it
    assert any("kill myself" in text[s.start : s.end] for s in risk[0].spans)  # its words, past the cap
    assert "Nothing to analyse: the text has no words." not in result.notes, result.notes
